using System;
using System.Globalization;
using System.Numerics.Tensors;
using ILGPU;
using ILGPU.Runtime;
using TensorGen.Runtime.Equivariance;

namespace TensorGen.Runtime.Gpu.Equivariance;

/// <summary>A generated spherical-harmonics double backward pass's device entry point (<c>NameGpu</c> over device views).</summary>
/// <typeparam name="T">float or double.</typeparam>
public delegate void GpuSphericalHarmonicsDoubleBackward<T>(GpuContext gpu, ArrayView<T> vectors, ArrayView<T> gradOutput, ArrayView<T> gradGradVectors,
    ArrayView<T> gradVectors, ArrayView<T> gradGradOutput)
    where T : unmanaged;

/// <summary>
/// Launches the ILGPU kernel of a generated spherical-harmonics double backward pass (one thread per vector): gradVectors [Z, 3]
/// and gradGradOutput [Z, dim] from vectors [Z, 3], gradOutput [Z, dim] and gradGradVectors [Z, 3].
/// </summary>
public static class GpuSphericalHarmonicsDoubleBackwardDriver
{
    /// <summary>gradVectors = H·gradGradVectors and gradGradOutput = J·gradGradVectors on the device; enqueued on <see cref="GpuContext.Stream"/>.</summary>
    /// <exception cref="ArgumentException">A view's length does not fit, or a result overlaps an input or the other result; nothing has been enqueued.</exception>
    public static void DoubleBackward<T>(GpuContext gpu, SphericalHarmonicsDoubleBackwardLayout layout,
        Action<AcceleratorStream, Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>> kernel,
        ArrayView<T> vectors, ArrayView<T> gradOutput, ArrayView<T> gradGradVectors, ArrayView<T> gradVectors, ArrayView<T> gradGradOutput)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(gpu);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(kernel);
        long batch = GpuSphericalHarmonicsDriver.Rows(layout.Method, layout.VectorsName, vectors);
        string rows = batch.ToString(CultureInfo.InvariantCulture);
        string features = $"[{rows}, {layout.Dim.ToString(CultureInfo.InvariantCulture)}] of {layout.Method}";
        GpuChecks.ThrowIfLengthMismatch(gradOutput, batch * layout.Dim, layout.GradOutputName, features);
        GpuChecks.ThrowIfLengthMismatch(gradGradVectors, batch * 3, layout.GradGradVectorsName, $"[{rows}, 3] of {layout.Method}");
        GpuChecks.ThrowIfLengthMismatch(gradVectors, batch * 3, layout.GradVectorsName, $"[{rows}, 3] of {layout.Method}");
        GpuChecks.ThrowIfLengthMismatch(gradGradOutput, batch * layout.Dim, layout.GradGradOutputName, features);
        foreach (var (result, name) in new[] { (gradVectors, layout.GradVectorsName), (gradGradOutput, layout.GradGradOutputName) })
        {
            GpuChecks.ThrowIfOverlaps(result, name, vectors, layout.VectorsName);
            GpuChecks.ThrowIfOverlaps(result, name, gradOutput, layout.GradOutputName);
            GpuChecks.ThrowIfOverlaps(result, name, gradGradVectors, layout.GradGradVectorsName);
        }

        GpuChecks.ThrowIfOverlaps(gradGradOutput, layout.GradGradOutputName, gradVectors, layout.GradVectorsName);
        const long launch = 1L << 30;
        for (long first = 0; first < batch; first += launch)
        {
            int count = (int)Math.Min(launch, batch - first);
            kernel(gpu.Stream, new Index1D(count), vectors.SubView(first * 3, count * 3L), Features(gradOutput, layout.Dim, first, count),
                gradGradVectors.SubView(first * 3, count * 3L), gradVectors.SubView(first * 3, count * 3L), Features(gradGradOutput, layout.Dim, first, count));
        }
    }

    /// <summary>The host form: checks as the CPU kernel does, copies in, runs <paramref name="device"/>, copies the results out (waits).</summary>
    /// <exception cref="ArgumentException">A shape does not fit, or a result overlaps an input, the other result or itself; nothing has been written.</exception>
    public static void DoubleBackward<T>(GpuContext gpu, SphericalHarmonicsDoubleBackwardLayout layout, ReadOnlyTensorSpan<T> vectors, ReadOnlyTensorSpan<T> gradOutput,
        ReadOnlyTensorSpan<T> gradGradVectors, TensorSpan<T> gradVectors, TensorSpan<T> gradGradOutput, GpuSphericalHarmonicsDoubleBackward<T> device)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(gpu);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(device);
        int batch = SphericalHarmonicsDoubleBackwardDriver.CheckArguments(layout, vectors, gradOutput, gradGradVectors, gradVectors, gradGradOutput);
        if (batch == 0)
        {
            return;
        }

        using GpuBuffer<T> deviceVectors = gpu.Upload<T>(GpuTensorProductDriver.Dense(vectors));
        using GpuBuffer<T> deviceGradOutput = gpu.Upload<T>(GpuTensorProductDriver.Dense(gradOutput));
        using GpuBuffer<T> deviceGradGradVectors = gpu.Upload<T>(GpuTensorProductDriver.Dense(gradGradVectors));
        using GpuBuffer<T> deviceGradVectors = gpu.Rent<T>(gradVectors.FlattenedLength);
        using GpuBuffer<T> deviceGradGradOutput = gpu.Rent<T>(gradGradOutput.FlattenedLength);
        device(gpu, deviceVectors.View, deviceGradOutput.View, deviceGradGradVectors.View, deviceGradVectors.View, deviceGradGradOutput.View);
        GpuTensorProductDriver.CopyOut(gpu, deviceGradVectors.View, gradVectors);
        GpuTensorProductDriver.CopyOut(gpu, deviceGradGradOutput.View, gradGradOutput);
    }

    /// <summary>Rows [first, first + count) of a [Z, dim] view (the whole, empty view when dim is 0).</summary>
    private static ArrayView<T> Features<T>(ArrayView<T> view, int dim, long first, int count)
        where T : unmanaged =>
        dim == 0 ? view : view.SubView(first * dim, (long)count * dim);
}
