using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace TensorGen.Runtime.Equivariance;

/// <summary>
/// Tiles of <c>Vector&lt;T&gt;.Count</c> batch rows stored feature-major: what generated kernels read and write (one
/// vector per feature), and the transposes between a tile and rows of a strided [Z, D] tensor.
/// </summary>
public static class SoaTile
{
    /// <summary>Feature <paramref name="feature"/> of every row of the tile.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Load<T>(ref T tile, int feature) =>
        Vector.LoadUnsafe(ref tile, (nuint)(feature * Vector<T>.Count));

    /// <summary>Writes feature <paramref name="feature"/> of every row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<T>(ref T tile, int feature, Vector<T> value) =>
        value.StoreUnsafe(ref tile, (nuint)(feature * Vector<T>.Count));

    /// <summary>Adds <paramref name="value"/> to feature <paramref name="feature"/> of every row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add<T>(ref T tile, int feature, Vector<T> value)
    {
        nuint offset = (nuint)(feature * Vector<T>.Count);
        (Vector.LoadUnsafe(ref tile, offset) + value).StoreUnsafe(ref tile, offset);
    }

    /// <summary>Zeroes features [<paramref name="feature"/>, <paramref name="feature"/> + <paramref name="count"/>) of every row.</summary>
    public static void Clear<T>(ref T tile, int feature, int count) =>
        System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref Unsafe.Add(ref tile, feature * Vector<T>.Count), count * Vector<T>.Count).Clear();

    /// <summary>Element <paramref name="index"/> of a plain (shared) vector, in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Broadcast<T>(ref T vector, int index) => new(Unsafe.Add(ref vector, index));

    /// <summary>a · b + c, fused where the hardware has FMA.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> MultiplyAdd(Vector<float> a, Vector<float> b, Vector<float> c) => Vector.MultiplyAddEstimate(a, b, c);

    /// <inheritdoc cref="MultiplyAdd(Vector{float}, Vector{float}, Vector{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> MultiplyAdd(Vector<double> a, Vector<double> b, Vector<double> c) => Vector.MultiplyAddEstimate(a, b, c);

    /// <summary>Adds <paramref name="a"/> · <paramref name="b"/> to feature <paramref name="feature"/> of every row (one fused multiply-add).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddProduct(ref float tile, int feature, Vector<float> a, Vector<float> b)
    {
        nuint offset = (nuint)(feature * Vector<float>.Count);
        Vector.MultiplyAddEstimate(a, b, Vector.LoadUnsafe(ref tile, offset)).StoreUnsafe(ref tile, offset);
    }

    /// <inheritdoc cref="AddProduct(ref float, int, Vector{float}, Vector{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddProduct(ref double tile, int feature, Vector<double> a, Vector<double> b)
    {
        nuint offset = (nuint)(feature * Vector<double>.Count);
        Vector.MultiplyAddEstimate(a, b, Vector.LoadUnsafe(ref tile, offset)).StoreUnsafe(ref tile, offset);
    }

    /// <summary>
    /// Copies <paramref name="rows"/> rows of <paramref name="dim"/> features, starting at <paramref name="source"/> (the
    /// first row's first feature) with the given strides, into <paramref name="tile"/>; lanes past <paramref name="rows"/> are zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Gather<T>(ref readonly T source, nint rowStride, nint columnStride, int rows, int dim, Span<T> tile)
        where T : unmanaged
    {
        int lanes = Vector<T>.Count;
        if (dim == 0)
        {
            return;
        }

        if (rows < lanes)
        {
            tile.Slice(0, dim * lanes).Clear();
        }

        ref T destination = ref tile[0];
        int first = 0;
        if (rows == lanes && columnStride == 1 && TileTranspose.IsSupported<T>())
        {
            first = dim - (dim % lanes);
            TileTranspose.Gather(ref Unsafe.AsRef(in source), rowStride, first, ref destination);
        }

        for (int r = 0; r < rows; r++)
        {
            ref T row = ref Unsafe.Add(ref Unsafe.AsRef(in source), r * rowStride);
            if (columnStride == 1)
            {
                for (int f = first; f < dim; f++)
                {
                    Unsafe.Add(ref destination, (f * lanes) + r) = Unsafe.Add(ref row, f);
                }
            }
            else
            {
                for (int f = 0; f < dim; f++)
                {
                    Unsafe.Add(ref destination, (f * lanes) + r) = Unsafe.Add(ref row, f * columnStride);
                }
            }
        }
    }

    /// <summary>
    /// Writes the first <paramref name="rows"/> lanes of <paramref name="tile"/> to rows of a strided tensor. With
    /// <paramref name="streaming"/>, full tiles of 32-byte-aligned rows are written with non-temporal stores, which skip
    /// reading the destination's cache lines first — for results too large to stay in cache (call <c>Sse.StoreFence</c> after).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Scatter<T>(ReadOnlySpan<T> tile, int rows, int dim, ref T destination, nint rowStride, nint columnStride, bool streaming = false)
        where T : unmanaged
    {
        int lanes = Vector<T>.Count;
        if (dim == 0)
        {
            return;
        }

        ref T source = ref Unsafe.AsRef(in tile[0]);
        int first = 0;
        if (rows == lanes && columnStride == 1 && TileTranspose.IsSupported<T>())
        {
            first = dim - (dim % lanes);
            TileTranspose.Scatter(ref source, first, ref destination, rowStride, streaming && TileTranspose.IsAligned(ref destination, rowStride));
        }

        for (int r = 0; r < rows; r++)
        {
            ref T row = ref Unsafe.Add(ref destination, r * rowStride);
            if (columnStride == 1)
            {
                for (int f = first; f < dim; f++)
                {
                    Unsafe.Add(ref row, f) = Unsafe.Add(ref source, (f * lanes) + r);
                }
            }
            else
            {
                for (int f = 0; f < dim; f++)
                {
                    Unsafe.Add(ref row, f * columnStride) = Unsafe.Add(ref source, (f * lanes) + r);
                }
            }
        }
    }
}
