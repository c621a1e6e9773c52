using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TensorGen.Runtime.Equivariance;

/// <summary>
/// Shared (not per-row) weights in the drivers' tile loops — the tensor product's and the fused convolution's: read once
/// into a dense array that kernels index, and their gradient summed over a worker's lanes at the end.
/// </summary>
internal static class SharedWeights
{
    /// <summary>A (possibly strided) weight vector copied to a dense array, so that kernels read shared weights by index.</summary>
    public static T[] Dense<T>(ReadOnlyTensorSpan<T> weights, int count)
        where T : unmanaged
    {
        var dense = new T[count];
        if (count > 0)
        {
            ref readonly T first = ref TensorMarshal.GetReference(weights);
            nint stride = weights.Strides[0];
            for (int i = 0; i < count; i++)
            {
                dense[i] = Unsafe.Add(ref Unsafe.AsRef(in first), i * stride);
            }
        }

        return dense;
    }

    /// <summary>
    /// A worker's gradient of shared weights: its feature-major gradient tile (<paramref name="count"/> weights ×
    /// <see cref="Vector{T}.Count"/> lanes, accumulated over all its tiles; padded lanes hold zeros) summed over the lanes.
    /// </summary>
    public static T[] SumLanes<T>(ReadOnlySpan<T> tile, int count)
        where T : unmanaged, INumberBase<T>
    {
        int lanes = Vector<T>.Count;
        var partial = new T[count];
        for (int i = 0; i < count; i++)
        {
            T sum = T.Zero;
            for (int lane = 0; lane < lanes; lane++)
            {
                sum += tile[(i * lanes) + lane];
            }

            partial[i] = sum;
        }

        return partial;
    }

    /// <summary>
    /// The workers' partial gradients of shared weights (null for a worker without rows) summed in worker order and written
    /// to <paramref name="destination"/>'s first row: the same partition always gives the same sums.
    /// </summary>
    public static void WriteSum<T>(T[]?[] partials, StridedRows<T> destination, int count)
        where T : unmanaged, INumberBase<T>
    {
        T[] total = new T[count];
        foreach (T[]? partial in partials)
        {
            if (partial is not null)
            {
                for (int i = 0; i < total.Length; i++)
                {
                    total[i] += partial[i];
                }
            }
        }

        for (int i = 0; i < total.Length; i++)
        {
            Unsafe.Add(ref destination.Row(0), i * destination.ColumnStride) = total[i];
        }
    }
}
