using System;
using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace TensorGen.Runtime.Equivariance;

/// <summary>What a generated spherical-harmonics backward kernel was compiled for.</summary>
public sealed class SphericalHarmonicsBackwardLayout
{
    /// <param name="method">The method as people read it.</param>
    /// <param name="dim">The harmonics' features per row (the output gradient's width).</param>
    /// <param name="flopsPerRow">Floating-point operations per row.</param>
    /// <param name="vectorsName">The vectors parameter's name.</param>
    /// <param name="gradOutputName">The output gradient's parameter name.</param>
    /// <param name="gradVectorsName">The vectors' gradient's parameter name.</param>
    public SphericalHarmonicsBackwardLayout(string method, int dim, long flopsPerRow, string vectorsName, string gradOutputName, string gradVectorsName)
    {
        Method = method;
        Dim = dim;
        FlopsPerRow = flopsPerRow;
        VectorsName = vectorsName;
        GradOutputName = gradOutputName;
        GradVectorsName = gradVectorsName;
    }

    /// <summary>The method as people read it.</summary>
    public string Method { get; }

    /// <summary>The harmonics' features per row.</summary>
    public int Dim { get; }

    /// <summary>Floating-point operations per row.</summary>
    public long FlopsPerRow { get; }

    /// <summary>The vectors parameter's name.</summary>
    public string VectorsName { get; }

    /// <summary>The output gradient's parameter name.</summary>
    public string GradOutputName { get; }

    /// <summary>The vectors' gradient's parameter name.</summary>
    public string GradVectorsName { get; }
}

/// <summary>
/// A generated spherical-harmonics backward kernel for one tile: vectors (x, y, z) and the output gradient feature-major in,
/// the vectors' gradient out (every lane written).
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public interface ISphericalHarmonicsBackward<T>
    where T : unmanaged
{
    /// <summary>What the kernel was compiled for.</summary>
    static abstract SphericalHarmonicsBackwardLayout Layout { get; }

    /// <summary>Computes one tile.</summary>
    static abstract void Backward(ref T vectors, ref T gradOutput, ref T gradVectors);
}

/// <summary>
/// Runs a generated spherical-harmonics backward kernel over a batch: gradVectors [Z, 3] = Σ_f gradOutput[z, f] ∂Y_f/∂r
/// for vectors [Z, 3] and gradOutput [Z, dim], tile by tile as <see cref="SphericalHarmonicsDriver"/> runs the forward.
/// </summary>
public static class SphericalHarmonicsBackwardDriver
{
    /// <summary>gradVectors = gradOutput · ∂Y/∂vectors.</summary>
    /// <exception cref="ArgumentException">A shape does not fit, or gradVectors overlaps an input or itself; nothing has been written.</exception>
    public static unsafe void Backward<T, TKernel>(ReadOnlyTensorSpan<T> vectors, ReadOnlyTensorSpan<T> gradOutput, TensorSpan<T> gradVectors)
        where T : unmanaged
        where TKernel : ISphericalHarmonicsBackward<T>
    {
        SphericalHarmonicsBackwardLayout layout = TKernel.Layout;
        int batch = CheckArguments(layout, vectors, gradOutput, gradVectors);
        if (batch == 0)
        {
            return;
        }

        fixed (T* pv = &TensorMarshal.GetReference(vectors))
        fixed (T* pg = &TensorMarshal.GetReference(gradOutput))
        fixed (T* pgv = &TensorMarshal.GetReference(gradVectors))
        {
            var input = StridedRows<T>.Of(pv, vectors, 3);
            var gradient = StridedRows<T>.Of(pg, gradOutput, layout.Dim);
            var result = StridedRows<T>.Of(pgv, gradVectors, 3);
            int lanes = Vector<T>.Count;
            int tiles = (batch + lanes - 1) / lanes;
            int workers = Parallelism.Workers(tiles, layout.FlopsPerRow * lanes);
            if (workers == 1)
            {
                Tiles<T, TKernel>(input, gradient, result, batch, 0, tiles);
                return;
            }

            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
                Tiles<T, TKernel>(input, gradient, result, batch, (int)((long)tiles * w / workers), (int)((long)tiles * (w + 1) / workers)));
        }
    }

    /// <summary>
    /// The checks: vectors [Z, 3], gradOutput [Z, dim], gradVectors [Z, 3] with distinct elements that share no memory with
    /// an input. Returns Z.
    /// </summary>
    /// <exception cref="ArgumentException">A shape does not fit, or gradVectors overlaps an input or itself.</exception>
    public static int CheckArguments<T>(SphericalHarmonicsBackwardLayout layout, ReadOnlyTensorSpan<T> vectors, ReadOnlyTensorSpan<T> gradOutput, TensorSpan<T> gradVectors)
    {
        ArgumentNullException.ThrowIfNull(layout);
        int batch = TensorProductArguments.Matrix(layout.Method, layout.VectorsName, vectors.Lengths, 3, -1);
        TensorProductArguments.Matrix(layout.Method, layout.GradOutputName, gradOutput.Lengths, layout.Dim, batch);
        TensorProductArguments.Matrix(layout.Method, layout.GradVectorsName, gradVectors.Lengths, 3, batch);
        TensorProductArguments.Distinct(layout.GradVectorsName, gradVectors.Lengths, gradVectors.Strides);
        Span<T> result = TensorProductArguments.Memory(gradVectors);
        TensorProductArguments.Disjoint(result, layout.GradVectorsName, TensorProductArguments.Memory(vectors), layout.VectorsName);
        TensorProductArguments.Disjoint(result, layout.GradVectorsName, TensorProductArguments.Memory(gradOutput), layout.GradOutputName);
        return batch;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Tiles<T, TKernel>(StridedRows<T> vectors, StridedRows<T> gradOutput, StridedRows<T> gradVectors, int batch, int firstTile, int endTile)
        where T : unmanaged
        where TKernel : ISphericalHarmonicsBackward<T>
    {
        int lanes = Vector<T>.Count;
        int dim = TKernel.Layout.Dim;
        T[] rented = ArrayPool<T>.Shared.Rent((6 + dim) * lanes);
        try
        {
            Span<T> input = rented.AsSpan(0, 3 * lanes);
            Span<T> gradient = rented.AsSpan(3 * lanes, dim * lanes);
            Span<T> result = rented.AsSpan((3 + dim) * lanes, 3 * lanes);
            for (int tile = firstTile; tile < endTile; tile++)
            {
                int row = tile * lanes;
                int rows = Math.Min(lanes, batch - row);
                SoaTile.Gather(in vectors.Row(row), vectors.RowStride, vectors.ColumnStride, rows, 3, input);
                SoaTile.Gather(in gradOutput.Row(row), gradOutput.RowStride, gradOutput.ColumnStride, rows, dim, gradient);
                TKernel.Backward(ref MemoryMarshal.GetReference(input), ref MemoryMarshal.GetReference(gradient), ref MemoryMarshal.GetReference(result));
                SoaTile.Scatter<T>(result, rows, 3, ref gradVectors.Row(row), gradVectors.RowStride, gradVectors.ColumnStride);
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }
}
