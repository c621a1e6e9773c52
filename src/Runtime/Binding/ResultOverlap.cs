using System;
using System.Collections;

namespace TensorGen.Runtime;

/// <summary>
/// Rejects a result whose strides map two of its elements to the same memory: every write would land on
/// an element another index also writes, so the result would depend on loop order.
/// </summary>
internal static class ResultOverlap
{
    public static void ThrowIfSelfOverlapping(string name, nint[] lengths, nint[] strides)
    {
        for (int d = 0; d < lengths.Length; d++)
        {
            if (lengths[d] == 0)
            {
                return; // No elements, nothing shared.
            }
        }

        for (int d = 0; d < lengths.Length; d++)
        {
            if (lengths[d] > 1 && strides[d] == 0)
            {
                throw new ArgumentException(
                    $"Result '{name}' has shape {ShapeText.Format(lengths)} and strides {ShapeText.Format(strides)}: dimension {d} has length "
                    + $"{(long)lengths[d]} but stride 0, so its elements share memory. Pass a result whose elements are distinct, e.g. a dense tensor.",
                    name);
            }
        }

        if (!IsNestedLayout(lengths, strides) && SharesMemory(lengths, strides))
        {
            throw new ArgumentException(
                $"Result '{name}' has shape {ShapeText.Format(lengths)} and strides {ShapeText.Format(strides)}, which map two of its elements "
                + "to the same memory. Pass a result whose elements are distinct, e.g. a dense tensor.",
                name);
        }
    }

    /// <summary>
    /// The quick sufficient test: with dimensions ordered by stride, each stride exceeds the span of all
    /// smaller-stride dimensions, so offsets are distinct. Dense, permuted and sliced layouts all pass it.
    /// </summary>
    private static bool IsNestedLayout(nint[] lengths, nint[] strides)
    {
        int[] order = new int[lengths.Length];
        for (int d = 0; d < order.Length; d++)
        {
            order[d] = d;
        }

        Array.Sort(order, (a, b) => strides[a].CompareTo(strides[b]));
        nint reach = 0;
        foreach (int d in order)
        {
            if (lengths[d] == 1)
            {
                continue;
            }

            if (strides[d] <= reach)
            {
                return false;
            }

            reach = checked(reach + ((lengths[d] - 1) * strides[d]));
        }

        return true;
    }

    /// <summary>The exact test for layouts that fail the quick one: visit every offset once and look for a repeat.</summary>
    private static bool SharesMemory(nint[] lengths, nint[] strides)
    {
        nint reach = 0;
        for (int d = 0; d < lengths.Length; d++)
        {
            reach = checked(reach + ((lengths[d] - 1) * strides[d]));
        }

        var seen = new BitArray(checked((int)(reach + 1)));
        var index = new nint[lengths.Length];
        nint offset = 0;
        while (true)
        {
            if (seen[(int)offset])
            {
                return true;
            }

            seen[(int)offset] = true;
            int d = lengths.Length - 1;
            for (; d >= 0; d--)
            {
                offset += strides[d];
                if (++index[d] < lengths[d])
                {
                    break;
                }

                offset -= strides[d] * lengths[d];
                index[d] = 0;
            }

            if (d < 0)
            {
                return false;
            }
        }
    }
}
