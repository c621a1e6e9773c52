using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TensorGen.Tests.Properties;

/// <summary>
/// How a view lies in a larger buffer: dimensions in a random memory order (so views are transposed), gaps
/// between them, an offset from the buffer's start, and optionally stride 0 (a broadcast view, constant along
/// that dimension). Entries beyond the view's rank are unused.
/// </summary>
public sealed record ViewLayout(int[] OrderKeys, int[] Padding, int Offset, bool[] Broadcast)
{
    /// <summary>
    /// Strides for a view of <paramref name="lengths"/>. Length-0 and length-1 dimensions get stride 0, as
    /// System.Numerics.Tensors requires; the others nest (each stride covers the dimensions inside it).
    /// </summary>
    public nint[] Strides(int[] lengths, bool allowBroadcast)
    {
        var strides = new nint[lengths.Length];
        nint running = 1;
        foreach (int d in Enumerable.Range(0, lengths.Length).OrderByDescending(d => OrderKeys[d]).ThenByDescending(d => d))
        {
            if (lengths[d] <= 1 || (allowBroadcast && Broadcast[d]))
            {
                continue;
            }

            strides[d] = running;
            running *= lengths[d] + Padding[d];
        }

        return strides;
    }

    /// <summary>The buffer length that holds the view at <see cref="Offset"/>, with one spare element after it.</summary>
    public int BufferLength(int[] lengths, nint[] strides)
    {
        if (lengths.Contains(0))
        {
            return Offset + 1;
        }

        return Offset + lengths.Select((l, d) => (l - 1) * (int)strides[d]).Sum() + 2;
    }

    /// <summary>The buffer offset of every element of the view.</summary>
    public IEnumerable<int> ElementOffsets(int[] lengths, nint[] strides)
    {
        if (lengths.Contains(0))
        {
            yield break;
        }

        var index = new int[lengths.Length];
        while (true)
        {
            yield return Offset + index.Select((i, d) => i * (int)strides[d]).Sum();
            int d = lengths.Length - 1;
            for (; d >= 0 && ++index[d] == lengths[d]; d--)
            {
                index[d] = 0;
            }

            if (d < 0)
            {
                yield break;
            }
        }
    }

    public string Describe(int[] lengths, nint[] strides) => string.Create(CultureInfo.InvariantCulture,
        $"shape [{string.Join(", ", lengths)}] strides [{string.Join(", ", strides)}] offset {Offset}");

    public override string ToString() =>
        $"keys [{string.Join(",", OrderKeys)}] padding [{string.Join(",", Padding)}] offset {Offset} broadcast [{string.Join(",", Broadcast.Select(b => b ? 1 : 0))}]";
}
