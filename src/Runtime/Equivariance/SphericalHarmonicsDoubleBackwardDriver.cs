using System;
using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace TensorGen.Runtime.Equivariance;

/// <summary>What a generated spherical-harmonics double backward kernel was compiled for.</summary>
public sealed class SphericalHarmonicsDoubleBackwardLayout
{
    /// <param name="method">The method as people read it.</param>
    /// <param name="dim">The harmonics' features per row (gradOutput's and gradGradOutput's width).</param>
    /// <param name="flopsPerRow">Floating-point operations per row.</param>
    /// <param name="vectorsName">The vectors parameter's name.</param>
    /// <param name="gradOutputName">The output gradient's parameter name.</param>
    /// <param name="gradGradVectorsName">The name of the parameter holding the gradient of the vectors' gradient.</param>
    /// <param name="gradVectorsName">The name of the result holding the gradient with respect to the vectors.</param>
    /// <param name="gradGradOutputName">The name of the result holding the gradient with respect to the output gradient.</param>
    public SphericalHarmonicsDoubleBackwardLayout(string method, int dim, long flopsPerRow, string vectorsName, string gradOutputName, string gradGradVectorsName,
        string gradVectorsName, string gradGradOutputName)
    {
        Method = method;
        Dim = dim;
        FlopsPerRow = flopsPerRow;
        VectorsName = vectorsName;
        GradOutputName = gradOutputName;
        GradGradVectorsName = gradGradVectorsName;
        GradVectorsName = gradVectorsName;
        GradGradOutputName = gradGradOutputName;
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

    /// <summary>The name of the parameter holding the gradient of the vectors' gradient.</summary>
    public string GradGradVectorsName { get; }

    /// <summary>The name of the result holding the gradient with respect to the vectors.</summary>
    public string GradVectorsName { get; }

    /// <summary>The name of the result holding the gradient with respect to the output gradient.</summary>
    public string GradGradOutputName { get; }
}

/// <summary>
/// A generated spherical-harmonics double backward kernel for one tile: vectors, gradOutput and gradGradVectors feature-major
/// in, gradVectors and gradGradOutput out (every lane written).
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public interface ISphericalHarmonicsDoubleBackward<T>
    where T : unmanaged
{
    /// <summary>What the kernel was compiled for.</summary>
    static abstract SphericalHarmonicsDoubleBackwardLayout Layout { get; }

    /// <summary>Computes one tile.</summary>
    static abstract void DoubleBackward(ref T vectors, ref T gradOutput, ref T gradGradVectors, ref T gradVectors, ref T gradGradOutput);
}

/// <summary>
/// Runs a generated spherical-harmonics double backward kernel over a batch: for vectors [Z, 3], gradOutput [Z, dim] and
/// gradGradVectors v [Z, 3], gradVectors [Z, 3] = H·v (H the Hessian of Σ_f gradOutput_f Y_f(r)) and gradGradOutput
/// [Z, dim] = (∂Y/∂r)·v, tile by tile as <see cref="SphericalHarmonicsBackwardDriver"/> runs the backward.
/// </summary>
public static class SphericalHarmonicsDoubleBackwardDriver
{
    /// <summary>gradVectors = H·gradGradVectors, gradGradOutput = J·gradGradVectors.</summary>
    /// <exception cref="ArgumentException">A shape does not fit, or a result overlaps an input, the other result or itself; nothing has been written.</exception>
    public static unsafe void DoubleBackward<T, TKernel>(ReadOnlyTensorSpan<T> vectors, ReadOnlyTensorSpan<T> gradOutput, ReadOnlyTensorSpan<T> gradGradVectors,
        TensorSpan<T> gradVectors, TensorSpan<T> gradGradOutput)
        where T : unmanaged
        where TKernel : ISphericalHarmonicsDoubleBackward<T>
    {
        SphericalHarmonicsDoubleBackwardLayout layout = TKernel.Layout;
        int batch = CheckArguments(layout, vectors, gradOutput, gradGradVectors, gradVectors, gradGradOutput);
        if (batch == 0)
        {
            return;
        }

        fixed (T* pv = &TensorMarshal.GetReference(vectors))
        fixed (T* pg = &TensorMarshal.GetReference(gradOutput))
        fixed (T* pgg = &TensorMarshal.GetReference(gradGradVectors))
        fixed (T* pgv = &TensorMarshal.GetReference(gradVectors))
        fixed (T* pggo = &TensorMarshal.GetReference(gradGradOutput))
        {
            var operands = new Operands<T>(StridedRows<T>.Of(pv, vectors, 3), StridedRows<T>.Of(pg, gradOutput, layout.Dim), StridedRows<T>.Of(pgg, gradGradVectors, 3),
                StridedRows<T>.Of(pgv, gradVectors, 3), StridedRows<T>.Of(pggo, gradGradOutput, layout.Dim));
            int lanes = Vector<T>.Count;
            Parallelism.ForTiles((batch + lanes - 1) / lanes, layout.FlopsPerRow * lanes, (first, end) => Tiles<T, TKernel>(operands, batch, first, end));
        }
    }

    /// <summary>
    /// The checks of every form (CPU and GPU host): vectors [Z, 3], gradOutput [Z, dim], gradGradVectors [Z, 3], gradVectors
    /// [Z, 3], gradGradOutput [Z, dim]; each result's elements distinct, and no memory shared with an input or the other result.
    /// Returns Z.
    /// </summary>
    /// <exception cref="ArgumentException">A shape does not fit, or a result overlaps an input, the other result or itself.</exception>
    public static int CheckArguments<T>(SphericalHarmonicsDoubleBackwardLayout layout, ReadOnlyTensorSpan<T> vectors, ReadOnlyTensorSpan<T> gradOutput,
        ReadOnlyTensorSpan<T> gradGradVectors, TensorSpan<T> gradVectors, TensorSpan<T> gradGradOutput)
    {
        ArgumentNullException.ThrowIfNull(layout);
        int batch = TensorProductArguments.Matrix(layout.Method, layout.VectorsName, vectors.Lengths, 3, -1);
        TensorProductArguments.Matrix(layout.Method, layout.GradOutputName, gradOutput.Lengths, layout.Dim, batch);
        TensorProductArguments.Matrix(layout.Method, layout.GradGradVectorsName, gradGradVectors.Lengths, 3, batch);
        TensorProductArguments.Matrix(layout.Method, layout.GradVectorsName, gradVectors.Lengths, 3, batch);
        TensorProductArguments.Matrix(layout.Method, layout.GradGradOutputName, gradGradOutput.Lengths, layout.Dim, batch);
        TensorProductArguments.Distinct(layout.GradVectorsName, gradVectors.Lengths, gradVectors.Strides);
        TensorProductArguments.Distinct(layout.GradGradOutputName, gradGradOutput.Lengths, gradGradOutput.Strides);
        ReadOnlySpan<T> vectorsMemory = TensorProductArguments.Memory(vectors), gradOutputMemory = TensorProductArguments.Memory(gradOutput);
        ReadOnlySpan<T> gradGradVectorsMemory = TensorProductArguments.Memory(gradGradVectors);
        Span<T> gradVectorsMemory = TensorProductArguments.Memory(gradVectors), gradGradOutputMemory = TensorProductArguments.Memory(gradGradOutput);
        NoInput(layout, gradVectorsMemory, layout.GradVectorsName, vectorsMemory, gradOutputMemory, gradGradVectorsMemory);
        NoInput(layout, gradGradOutputMemory, layout.GradGradOutputName, vectorsMemory, gradOutputMemory, gradGradVectorsMemory);
        TensorProductArguments.Disjoint(gradGradOutputMemory, layout.GradGradOutputName, gradVectorsMemory, layout.GradVectorsName);
        return batch;
    }

    /// <summary>A result shares no memory with an input.</summary>
    private static void NoInput<T>(SphericalHarmonicsDoubleBackwardLayout layout, Span<T> result, string name, ReadOnlySpan<T> vectors, ReadOnlySpan<T> gradOutput,
        ReadOnlySpan<T> gradGradVectors)
    {
        TensorProductArguments.Disjoint(result, name, vectors, layout.VectorsName);
        TensorProductArguments.Disjoint(result, name, gradOutput, layout.GradOutputName);
        TensorProductArguments.Disjoint(result, name, gradGradVectors, layout.GradGradVectorsName);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Tiles<T, TKernel>(Operands<T> operands, int batch, int firstTile, int endTile)
        where T : unmanaged
        where TKernel : ISphericalHarmonicsDoubleBackward<T>
    {
        int lanes = Vector<T>.Count;
        int dim = TKernel.Layout.Dim;
        T[] rented = ArrayPool<T>.Shared.Rent((9 + (2 * dim)) * lanes);
        try
        {
            Span<T> scratch = rented.AsSpan(0, (9 + (2 * dim)) * lanes);
            Span<T> vectors = scratch.Slice(0, 3 * lanes);
            Span<T> gradOutput = scratch.Slice(3 * lanes, dim * lanes);
            Span<T> gradGradVectors = scratch.Slice((3 + dim) * lanes, 3 * lanes);
            Span<T> gradVectors = scratch.Slice((6 + dim) * lanes, 3 * lanes);
            Span<T> gradGradOutput = scratch.Slice((9 + dim) * lanes, dim * lanes);
            for (int tile = firstTile; tile < endTile; tile++)
            {
                int row = tile * lanes;
                int rows = Math.Min(lanes, batch - row);
                Gather(operands.Vectors, row, rows, vectors);
                Gather(operands.GradOutput, row, rows, gradOutput);
                Gather(operands.GradGradVectors, row, rows, gradGradVectors);
                TKernel.DoubleBackward(ref MemoryMarshal.GetReference(vectors), ref MemoryMarshal.GetReference(gradOutput), ref MemoryMarshal.GetReference(gradGradVectors),
                    ref MemoryMarshal.GetReference(gradVectors), ref MemoryMarshal.GetReference(gradGradOutput));
                Scatter(gradVectors, operands.GradVectors, row, rows);
                Scatter(gradGradOutput, operands.GradGradOutput, row, rows);
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }

    private static void Gather<T>(StridedRows<T> from, int row, int rows, Span<T> tile)
        where T : unmanaged =>
        SoaTile.Gather(in from.Row(row), from.RowStride, from.ColumnStride, rows, from.Features, tile);

    private static void Scatter<T>(Span<T> tile, StridedRows<T> to, int row, int rows)
        where T : unmanaged =>
        SoaTile.Scatter<T>(tile, rows, to.Features, ref to.Row(row), to.RowStride, to.ColumnStride);

    /// <summary>The five pinned operands, for the workers.</summary>
    private readonly record struct Operands<T>(StridedRows<T> Vectors, StridedRows<T> GradOutput, StridedRows<T> GradGradVectors, StridedRows<T> GradVectors,
        StridedRows<T> GradGradOutput)
        where T : unmanaged;
}
