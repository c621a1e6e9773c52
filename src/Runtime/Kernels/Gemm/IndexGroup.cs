using System;
using System.Collections.Generic;

namespace TensorGen.Runtime;

/// <summary>
/// Several loop indices of a step that play one role in a GEMM — batch, rows, columns or depth — seen as one
/// index of <see cref="Extent"/> positions. For each operand that has the group, <see cref="Offsets"/> lists the
/// element offset of every position (TBLIS's scatter vectors: Matthews 2018, SIAM J. Sci. Comput. 40(1) C1), so
/// panels are packed straight from the tensors' strides without a transpose copy; where the indices nest in an
/// operand's memory (e.g. a dense tensor's adjacent dimensions) <see cref="Stride"/> is the single stride that
/// walks the whole group, and kernels read that operand in place.
/// </summary>
internal sealed class IndexGroup
{
    /// <summary>The positions of a group that exceeds this are not tabulated (the engine declines such steps).</summary>
    public const long MaxExtent = 1L << 26;

    private readonly nint[][] _offsets;
    private readonly nint[] _strides;

    private IndexGroup(nint extent, nint[][] offsets, nint[] strides)
    {
        Extent = extent;
        _offsets = offsets;
        _strides = strides;
    }

    /// <summary>The number of positions: the product of the indices' extents (1 for no index).</summary>
    public nint Extent { get; }

    /// <summary>Operand <paramref name="operand"/>'s element offset at each position, in enumeration order.</summary>
    public nint[] Offsets(int operand) => _offsets[operand];

    /// <summary>The stride that walks operand <paramref name="operand"/> through the positions in order, or −1 where none does.</summary>
    public nint Stride(int operand) => _strides[operand];

    /// <summary>
    /// Groups the given loop indices, ordered by <paramref name="strides"/>[<paramref name="primary"/>] descending (so
    /// that operand walks memory forward), ties by the other operands. Null when the positions exceed <see cref="MaxExtent"/>.
    /// </summary>
    /// <param name="indices">The loop indices in the group (extent-1 indices are skipped: they do not move).</param>
    /// <param name="extents">The step's extents.</param>
    /// <param name="strides">Each operand's strides along the step's loop indices.</param>
    /// <param name="primary">The operand whose memory order decides the enumeration order.</param>
    public static IndexGroup? Create(List<int> indices, ReadOnlySpan<nint> extents, nint[][] strides, int primary)
    {
        var dims = new List<int>();
        long extent = 1;
        foreach (int d in indices)
        {
            if (extents[d] == 1)
            {
                continue;
            }

            dims.Add(d);
            extent *= extents[d];
            if (extent > MaxExtent)
            {
                return null;
            }
        }

        dims.Sort((x, y) =>
        {
            int byPrimary = strides[primary][y].CompareTo(strides[primary][x]);
            for (int o = 0; byPrimary == 0 && o < strides.Length; o++)
            {
                byPrimary = strides[o][y].CompareTo(strides[o][x]);
            }

            return byPrimary;
        });

        var offsets = new nint[strides.Length][];
        var walk = new nint[strides.Length];
        for (int o = 0; o < strides.Length; o++)
        {
            offsets[o] = Tabulate(dims, extents, strides[o], (int)extent);
            walk[o] = SingleStride(dims, extents, strides[o]);
        }

        return new IndexGroup((nint)extent, offsets, walk);
    }

    /// <summary>Offsets of every position, the first index slowest (an odometer).</summary>
    private static nint[] Tabulate(List<int> dims, ReadOnlySpan<nint> extents, nint[] strides, int count)
    {
        var table = new nint[count];
        int filled = 1;
        for (int i = dims.Count - 1; i >= 0; i--)
        {
            // Positions 0..filled−1 hold the inner indices' offsets; repeat them once per value of this index.
            int d = dims[i];
            for (nint value = extents[d] - 1; value >= 1; value--)
            {
                nint shift = value * strides[d];
                int at = (int)value * filled;
                for (int p = 0; p < filled; p++)
                {
                    table[at + p] = table[p] + shift;
                }
            }

            filled *= (int)extents[d];
        }

        return table;
    }

    /// <summary>The stride of the innermost index when each index's stride is its inner neighbour's times that one's extent; else −1.</summary>
    private static nint SingleStride(List<int> dims, ReadOnlySpan<nint> extents, nint[] strides)
    {
        if (dims.Count == 0)
        {
            return 0;
        }

        for (int i = 0; i < dims.Count - 1; i++)
        {
            if (strides[dims[i]] != strides[dims[i + 1]] * extents[dims[i + 1]])
            {
                return -1;
            }
        }

        return strides[dims[^1]];
    }
}
