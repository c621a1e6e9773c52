using System;
using ILGPU;
using ILGPU.Runtime;

namespace TensorGen.Runtime.Gpu.Equivariance;

/// <summary>
/// How a launch of a generated equivariant kernel lays out its threads: <c>lanes</c> threads per row (a batch row of a tensor
/// product, an edge or a node of a convolution), whole rows per group, the group's shared memory, and how many rows one launch takes.
/// </summary>
internal readonly record struct GpuRowGeometry(int Lanes, int RowsPerGroup, int SharedElements, long RowsPerLaunch)
{
    /// <summary>Threads per group the drivers aim at.</summary>
    private const int TargetGroupSize = 256;

    /// <summary>The shared memory a group may use for x2's gradient of its rows (as the generator's TG0112 limit assumes).</summary>
    private const int X2GradientBytes = 16 * 1024;

    /// <summary>The layout for <paramref name="batch"/> rows of <paramref name="lanes"/> threads (<paramref name="x2PerRow"/>: shared x2-gradient elements per row).</summary>
    public static GpuRowGeometry Of<T>(GpuContext gpu, int lanes, int stagedWeights, int x2PerRow, long batch, long maxRows)
        where T : unmanaged
    {
        int maxGroup = Math.Min(TargetGroupSize, gpu.Accelerator.MaxNumThreadsPerGroup);
        int usedLanes = Math.Clamp(lanes, 1, maxGroup);
        int rowsPerGroup = Math.Max(1, maxGroup / usedLanes);
        if (x2PerRow > 0)
        {
            rowsPerGroup = Math.Max(1, Math.Min(rowsPerGroup, X2GradientBytes / System.Runtime.CompilerServices.Unsafe.SizeOf<T>() / x2PerRow));
        }

        rowsPerGroup = (int)Math.Min(rowsPerGroup, Math.Max(1, batch));

        // Thread indices are ints: a launch takes at most 2^30 threads.
        long rowsPerLaunch = Math.Min(maxRows, (1L << 30) / ((long)usedLanes * rowsPerGroup) * rowsPerGroup);
        return new GpuRowGeometry(usedLanes, rowsPerGroup, stagedWeights + (x2PerRow * rowsPerGroup), Math.Max(1, rowsPerLaunch));
    }

    /// <summary>The launch of <paramref name="rows"/> rows.</summary>
    public KernelConfig Config<T>(int rows)
        where T : unmanaged
    {
        var groups = new Index1D((rows + RowsPerGroup - 1) / RowsPerGroup);
        var group = new Index1D(Lanes * RowsPerGroup);
        return SharedElements > 0
            ? new KernelConfig(groups, group, SharedMemoryConfig.RequestDynamic<T>(SharedElements))
            : new KernelConfig(groups, group);
    }
}
