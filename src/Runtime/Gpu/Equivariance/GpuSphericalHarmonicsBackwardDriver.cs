using System;
using System.Globalization;
using System.Numerics.Tensors;
using ILGPU;
using ILGPU.Runtime;
using TensorGen.Runtime.Equivariance;

namespace TensorGen.Runtime.Gpu.Equivariance;

/// <summary>A generated spherical-harmonics backward pass's device entry point (<c>NameGpu</c> over device views).</summary>
/// <typeparam name="T">float or double.</typeparam>
public delegate void GpuSphericalHarmonicsBackward<T>(GpuContext gpu, ArrayView<T> vectors, ArrayView<T> gradOutput, ArrayView<T> gradVectors)
    where T : unmanaged;

/// <summary>
/// Launches the ILGPU kernel of a generated spherical-harmonics backward pass (one thread per vector): gradVectors [Z, 3] from
/// vectors [Z, 3] and gradOutput [Z, dim].
/// </summary>
public static class GpuSphericalHarmonicsBackwardDriver
{
    /// <summary>gradVectors = gradOutput · ∂Y/∂vectors on the device; enqueued on <see cref="GpuContext.Stream"/>.</summary>
    /// <exception cref="ArgumentException">A view's length does not fit, or gradVectors overlaps an input; nothing has been enqueued.</exception>
    public static void Backward<T>(GpuContext gpu, SphericalHarmonicsBackwardLayout layout, Action<AcceleratorStream, Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>> kernel,
        ArrayView<T> vectors, ArrayView<T> gradOutput, ArrayView<T> gradVectors)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(gpu);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(kernel);
        long batch = GpuSphericalHarmonicsDriver.Rows(layout.Method, layout.VectorsName, vectors);
        string rows = batch.ToString(CultureInfo.InvariantCulture);
        GpuChecks.ThrowIfLengthMismatch(gradOutput, batch * layout.Dim, layout.GradOutputName, $"[{rows}, {layout.Dim.ToString(CultureInfo.InvariantCulture)}] of {layout.Method}");
        GpuChecks.ThrowIfLengthMismatch(gradVectors, batch * 3, layout.GradVectorsName, $"[{rows}, 3] of {layout.Method}");
        GpuChecks.ThrowIfOverlaps(gradVectors, layout.GradVectorsName, vectors, layout.VectorsName);
        GpuChecks.ThrowIfOverlaps(gradVectors, layout.GradVectorsName, gradOutput, layout.GradOutputName);
        const long launch = 1L << 30;
        for (long first = 0; first < batch; first += launch)
        {
            int count = (int)Math.Min(launch, batch - first);
            kernel(gpu.Stream, new Index1D(count), vectors.SubView(first * 3, count * 3L),
                layout.Dim == 0 ? gradOutput : gradOutput.SubView(first * layout.Dim, (long)count * layout.Dim), gradVectors.SubView(first * 3, count * 3L));
        }
    }

    /// <summary>The host form: checks as the CPU kernel does, copies in, runs <paramref name="device"/>, copies the gradient out (waits).</summary>
    /// <exception cref="ArgumentException">A shape does not fit, or gradVectors overlaps an input or itself; nothing has been written.</exception>
    public static void Backward<T>(GpuContext gpu, SphericalHarmonicsBackwardLayout layout, ReadOnlyTensorSpan<T> vectors, ReadOnlyTensorSpan<T> gradOutput,
        TensorSpan<T> gradVectors, GpuSphericalHarmonicsBackward<T> device)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(gpu);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(device);
        int batch = SphericalHarmonicsBackwardDriver.CheckArguments(layout, vectors, gradOutput, gradVectors);
        if (batch == 0)
        {
            return;
        }

        using GpuBuffer<T> deviceVectors = gpu.Upload<T>(GpuTensorProductDriver.Dense(vectors));
        using GpuBuffer<T> deviceGradOutput = gpu.Upload<T>(GpuTensorProductDriver.Dense(gradOutput));
        using GpuBuffer<T> deviceGradVectors = gpu.Rent<T>(gradVectors.FlattenedLength);
        device(gpu, deviceVectors.View, deviceGradOutput.View, deviceGradVectors.View);
        GpuTensorProductDriver.CopyOut(gpu, deviceGradVectors.View, gradVectors);
    }
}
