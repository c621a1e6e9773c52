using System;
using System.Globalization;
using System.Numerics.Tensors;
using ILGPU;
using ILGPU.Runtime;
using TensorGen.Runtime.Equivariance;

namespace TensorGen.Runtime.Gpu.Equivariance;

/// <summary>A generated spherical-harmonics method's device entry point (<c>NameGpu</c> over device views).</summary>
/// <typeparam name="T">float or double.</typeparam>
public delegate void GpuSphericalHarmonics<T>(GpuContext gpu, ArrayView<T> vectors, ArrayView<T> output)
    where T : unmanaged;

/// <summary>Launches the ILGPU kernel of generated spherical harmonics (one thread per vector): vectors [Z, 3] into [Z, dim].</summary>
public static class GpuSphericalHarmonicsDriver
{
    /// <summary>output = Y(vectors) on the device; enqueued on <see cref="GpuContext.Stream"/>.</summary>
    /// <exception cref="ArgumentException">A view's length does not fit, or the output overlaps the vectors; nothing has been enqueued.</exception>
    public static void Evaluate<T>(GpuContext gpu, SphericalHarmonicsLayout layout, Action<AcceleratorStream, Index1D, ArrayView<T>, ArrayView<T>> kernel,
        ArrayView<T> vectors, ArrayView<T> output)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(gpu);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(kernel);
        long batch = Rows(layout.Method, layout.VectorsName, vectors);
        GpuChecks.ThrowIfLengthMismatch(output, batch * layout.Dim, layout.OutputName,
            $"[{batch.ToString(CultureInfo.InvariantCulture)}, {layout.Dim.ToString(CultureInfo.InvariantCulture)}] of {layout.Method}");
        GpuChecks.ThrowIfOverlaps(output, layout.OutputName, vectors, layout.VectorsName);
        const long launch = 1L << 30;
        for (long first = 0; first < batch && layout.Dim > 0; first += launch)
        {
            int rows = (int)Math.Min(launch, batch - first);
            kernel(gpu.Stream, new Index1D(rows), vectors.SubView(first * 3, rows * 3L), output.SubView(first * layout.Dim, (long)rows * layout.Dim));
        }
    }

    /// <summary>The host form: checks as the CPU kernel does, copies in, runs <paramref name="device"/>, copies out (waits).</summary>
    /// <exception cref="ArgumentException">A shape does not fit, or the output overlaps the vectors or itself; nothing has been written.</exception>
    public static void Evaluate<T>(GpuContext gpu, SphericalHarmonicsLayout layout, ReadOnlyTensorSpan<T> vectors, TensorSpan<T> output, GpuSphericalHarmonics<T> device)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(gpu);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(device);
        int batch = SphericalHarmonicsDriver.CheckArguments(layout, vectors, output);
        if (batch == 0 || layout.Dim == 0)
        {
            return;
        }

        using GpuBuffer<T> deviceVectors = gpu.Upload<T>(GpuTensorProductDriver.Dense(vectors));
        using GpuBuffer<T> deviceOutput = gpu.Rent<T>(output.FlattenedLength);
        device(gpu, deviceVectors.View, deviceOutput.View);
        GpuTensorProductDriver.CopyOut(gpu, deviceOutput.View, output);
    }

    /// <summary>The rows of a dense [Z, 3] vectors view: its length over 3.</summary>
    /// <exception cref="ArgumentException">The length is not a multiple of 3.</exception>
    internal static long Rows<T>(string method, string vectorsName, ArrayView<T> vectors)
        where T : unmanaged
    {
        if (vectors.Length % 3 != 0)
        {
            throw new ArgumentException(
                $"'{vectorsName}' of {method} has {vectors.Length.ToString(CultureInfo.InvariantCulture)} elements, not a whole number of (x, y, z) rows.",
                vectorsName);
        }

        return vectors.Length / 3;
    }
}
