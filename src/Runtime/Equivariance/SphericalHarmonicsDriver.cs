using System;
using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace TensorGen.Runtime.Equivariance;

/// <summary>What a generated spherical-harmonics kernel was compiled for.</summary>
public sealed class SphericalHarmonicsLayout
{
    /// <param name="method">The method as people read it.</param>
    /// <param name="dim">The output's features per row.</param>
    /// <param name="flopsPerRow">Floating-point operations per row.</param>
    /// <param name="vectorsName">The vectors parameter's name.</param>
    /// <param name="outputName">The output parameter's name.</param>
    public SphericalHarmonicsLayout(string method, int dim, long flopsPerRow, string vectorsName, string outputName)
    {
        Method = method;
        Dim = dim;
        FlopsPerRow = flopsPerRow;
        VectorsName = vectorsName;
        OutputName = outputName;
    }

    /// <summary>The method as people read it.</summary>
    public string Method { get; }

    /// <summary>The output's features per row.</summary>
    public int Dim { get; }

    /// <summary>Floating-point operations per row.</summary>
    public long FlopsPerRow { get; }

    /// <summary>The vectors parameter's name.</summary>
    public string VectorsName { get; }

    /// <summary>The output parameter's name.</summary>
    public string OutputName { get; }
}

/// <summary>A generated spherical-harmonics kernel for one tile: vectors (x, y, z) feature-major in, features out.</summary>
/// <typeparam name="T">float or double.</typeparam>
public interface ISphericalHarmonicsKernel<T>
    where T : unmanaged
{
    /// <summary>What the kernel was compiled for.</summary>
    static abstract SphericalHarmonicsLayout Layout { get; }

    /// <summary>Computes one tile.</summary>
    static abstract void Evaluate(ref T vectors, ref T output);
}

/// <summary>Runs a generated spherical-harmonics kernel over a batch of vectors [Z, 3] into [Z, dim], tile by tile.</summary>
public static class SphericalHarmonicsDriver
{
    /// <summary>output = Y(vectors).</summary>
    /// <exception cref="ArgumentException">A shape does not fit, or the output overlaps the vectors or itself; nothing has been written.</exception>
    public static unsafe void Evaluate<T, TKernel>(ReadOnlyTensorSpan<T> vectors, TensorSpan<T> output)
        where T : unmanaged
        where TKernel : ISphericalHarmonicsKernel<T>
    {
        SphericalHarmonicsLayout layout = TKernel.Layout;
        int batch = CheckArguments(layout, vectors, output);
        if (batch == 0 || layout.Dim == 0)
        {
            return;
        }

        fixed (T* pv = &TensorMarshal.GetReference(vectors))
        fixed (T* pout = &TensorMarshal.GetReference(output))
        {
            var input = StridedRows<T>.Of(pv, vectors, 3);
            var result = StridedRows<T>.Of(pout, output, layout.Dim);
            int lanes = Vector<T>.Count;
            int tiles = (batch + lanes - 1) / lanes;
            int workers = Parallelism.Workers(tiles, layout.FlopsPerRow * lanes);
            if (workers == 1)
            {
                Tiles<T, TKernel>(input, result, batch, 0, tiles);
                return;
            }

            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
                Tiles<T, TKernel>(input, result, batch, (int)((long)tiles * w / workers), (int)((long)tiles * (w + 1) / workers)));
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Tiles<T, TKernel>(StridedRows<T> vectors, StridedRows<T> output, int batch, int firstTile, int endTile)
        where T : unmanaged
        where TKernel : ISphericalHarmonicsKernel<T>
    {
        int lanes = Vector<T>.Count;
        int dim = TKernel.Layout.Dim;
        T[] rented = ArrayPool<T>.Shared.Rent((3 + dim) * lanes);
        try
        {
            Span<T> input = rented.AsSpan(0, 3 * lanes);
            Span<T> result = rented.AsSpan(3 * lanes, dim * lanes);
            for (int tile = firstTile; tile < endTile; tile++)
            {
                int row = tile * lanes;
                int rows = Math.Min(lanes, batch - row);
                SoaTile.Gather(in vectors.Row(row), vectors.RowStride, vectors.ColumnStride, rows, 3, input);
                TKernel.Evaluate(ref MemoryMarshal.GetReference(input), ref MemoryMarshal.GetReference(result));
                SoaTile.Scatter<T>(result, rows, dim, ref output.Row(row), output.RowStride, output.ColumnStride);
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// The checks of every form (CPU and GPU): vectors [Z, 3], output [Z, dim] with distinct elements that share no memory
    /// with the vectors. Returns Z.
    /// </summary>
    /// <exception cref="ArgumentException">A shape does not fit, or the output overlaps the vectors or itself.</exception>
    public static int CheckArguments<T>(SphericalHarmonicsLayout layout, ReadOnlyTensorSpan<T> vectors, TensorSpan<T> output)
    {
        ArgumentNullException.ThrowIfNull(layout);
        int batch = TensorProductArguments.Matrix(layout.Method, layout.VectorsName, vectors.Lengths, 3, -1);
        TensorProductArguments.Matrix(layout.Method, layout.OutputName, output.Lengths, layout.Dim, batch);
        TensorProductArguments.Distinct(layout.OutputName, output.Lengths, output.Strides);
        TensorProductArguments.Disjoint(TensorProductArguments.Memory(output), layout.OutputName, TensorProductArguments.Memory(vectors), layout.VectorsName);
        return batch;
    }
}
