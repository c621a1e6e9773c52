using System.Collections.Generic;
using System.Linq;
using System.Text;
using TensorGen.Planning;

namespace TensorGen.Emit;

/// <summary>
/// Writes a tiny static step as straight-line code: one statement per result element, the sum of its products written
/// out with constant offsets, e.g. <c>t1[4] = q1[3] * c[1] + q1[4] * c[28] + q1[5] * c[55];</c>. No loop counters, no
/// branches: the JIT sees every load and can schedule the whole step (the 3⁴ rotation's four steps are 324 statements).
/// </summary>
internal static class UnrolledStepWriter
{
    public static void Write(SourceWriter writer, ContractionStep step, IReadOnlyDictionary<string, long> sizes,
        string left, string? right, string output, bool accumulate) =>
        Write(writer, step.LeftLabels, step.RightLabels, step.ResultLabels, sizes, left, right, output, accumulate);

    /// <summary>
    /// The step <c>output[resultLabels] (+)= Σ left[leftLabels] · right[rightLabels]</c> over dense row-major terms (a
    /// unary step when <paramref name="right"/> is null). The spans may hold vectors: the statements read the same.
    /// </summary>
    public static void Write(SourceWriter writer, IReadOnlyList<string> leftLabels, IReadOnlyList<string> rightLabels,
        IReadOnlyList<string> resultLabels, IReadOnlyDictionary<string, long> sizes, string left, string? right, string output, bool accumulate) =>
        Write(writer, leftLabels, rightLabels, resultLabels, sizes, Indexer(left), right is null ? null : Indexer(right), Indexer(output),
            accumulate, multiplyAdd: null);

    /// <summary>
    /// As above, with each operand's element at an offset given by a function (an indexer, or a local holding it), and
    /// with <paramref name="multiplyAdd"/> (a method <c>(x, y, z) → x·y + z</c>) the sums written as nested multiply-adds.
    /// </summary>
    public static void Write(SourceWriter writer, IReadOnlyList<string> leftLabels, IReadOnlyList<string> rightLabels,
        IReadOnlyList<string> resultLabels, IReadOnlyDictionary<string, long> sizes, System.Func<long, string> left,
        System.Func<long, string>? right, System.Func<long, string> output, bool accumulate, string? multiplyAdd)
    {
        var summed = leftLabels.Concat(rightLabels).Distinct().Where(l => !resultLabels.Contains(l)).ToList();
        Dictionary<string, long> leftStrides = Strides(leftLabels, sizes);
        Dictionary<string, long> rightStrides = Strides(rightLabels, sizes);
        Dictionary<string, long> outputStrides = Strides(resultLabels, sizes);

        // A point of the index space is one value per label, held in a slot; offsets are sums of stride × value over
        // slots. (A dictionary per point made the 2,048-term steps of static kernels the einsum emitter's main cost.)
        var slots = new Dictionary<string, int>();
        int[] resultSlots = SlotsOf(resultLabels, slots);
        int[] summedSlots = SlotsOf(summed, slots);
        Offset leftOffset = new(leftStrides, slots);
        Offset rightOffset = new(rightStrides, slots);
        Offset outputOffset = new(outputStrides, slots);
        var values = new long[slots.Count];
        if (summed.Any(l => sizes[l] == 0))
        {
            // Every sum is empty: zeros, or nothing to add.
            writer.WriteComment("Every sum runs over an empty index" + (accumulate ? ": the result keeps its values." : ": zeros."));
            if (!accumulate)
            {
                foreach (bool _ in Points(resultLabels, resultSlots, sizes, values))
                {
                    writer.WriteLine($"{output(outputOffset.At(values))} = 0;");
                }
            }

            return;
        }

        var factors = new List<(string Left, string? Right)>();
        var text = new StringBuilder();
        foreach (bool _ in Points(resultLabels, resultSlots, sizes, values))
        {
            factors.Clear();
            foreach (bool __ in Points(summed, summedSlots, sizes, values))
            {
                factors.Add((left(leftOffset.At(values)), right is null ? null : right(rightOffset.At(values))));
            }

            string target = output(outputOffset.At(values));
            text.Clear();
            if (multiplyAdd is null || factors.Any(f => f.Right is null))
            {
                text.Append(target).Append(accumulate ? " += " : " = ");
                for (int f = 0; f < factors.Count; f++)
                {
                    if (f > 0)
                    {
                        text.Append(" + ");
                    }

                    text.Append(factors[f].Left);
                    if (factors[f].Right is { } factor)
                    {
                        text.Append(" * ").Append(factor);
                    }
                }
            }
            else
            {
                // x₁·y₁ + x₂·y₂ + … as multiplyAdd(xₙ, yₙ, … multiplyAdd(x₂, y₂, x₁ · y₁)): written from the outside in.
                text.Append(target).Append(" = ");
                for (int f = factors.Count - 1; f >= 1; f--)
                {
                    text.Append(multiplyAdd).Append('(').Append(factors[f].Left).Append(", ").Append(factors[f].Right).Append(", ");
                }

                if (accumulate)
                {
                    text.Append(multiplyAdd).Append('(').Append(factors[0].Left).Append(", ").Append(factors[0].Right).Append(", ").Append(target).Append(')');
                }
                else
                {
                    text.Append(factors[0].Left).Append(" * ").Append(factors[0].Right);
                }

                text.Append(')', factors.Count - 1);
            }

            text.Append(';');
            writer.WriteLine(text.ToString());
        }
    }

    /// <summary>Row-major strides of a dense term by label; a repeated label (a diagonal) gets the sum of its strides.</summary>
    private static Dictionary<string, long> Strides(IReadOnlyList<string> labels, IReadOnlyDictionary<string, long> sizes)
    {
        var strides = new Dictionary<string, long>();
        long stride = 1;
        for (int p = labels.Count - 1; p >= 0; p--)
        {
            strides[labels[p]] = (strides.TryGetValue(labels[p], out long existing) ? existing : 0) + stride;
            stride *= sizes[labels[p]];
        }

        return strides;
    }

    /// <summary>Each label's slot, numbering labels not seen before.</summary>
    private static int[] SlotsOf(IReadOnlyList<string> labels, Dictionary<string, int> slots)
    {
        var result = new int[labels.Count];
        for (int d = 0; d < labels.Count; d++)
        {
            if (!slots.TryGetValue(labels[d], out result[d]))
            {
                result[d] = slots.Count;
                slots.Add(labels[d], result[d]);
            }
        }

        return result;
    }

    /// <summary>A term's offset at a point: Σ stride × value over its labels (a checked sum, as Enumerable.Sum is).</summary>
    private readonly struct Offset
    {
        private readonly int[] _slots;
        private readonly long[] _strides;

        public Offset(Dictionary<string, long> strides, Dictionary<string, int> slots)
        {
            _slots = new int[strides.Count];
            _strides = new long[strides.Count];
            int k = 0;
            foreach (KeyValuePair<string, long> stride in strides)
            {
                _slots[k] = slots[stride.Key];
                _strides[k++] = stride.Value;
            }
        }

        public long At(long[] values)
        {
            long offset = 0;
            for (int k = 0; k < _slots.Length; k++)
            {
                offset = checked(offset + unchecked(_strides[k] * values[_slots[k]]));
            }

            return offset;
        }
    }

    private static System.Func<long, string> Indexer(string span) => offset => span + "[" + CSharpLiteral.Int(offset) + "]";

    /// <summary>
    /// Every point of the labels' index space in row-major order (one empty point for no labels, none for a size-0 label),
    /// each written into <paramref name="values"/> at the labels' slots (a repeated label takes its last position's value).
    /// </summary>
    private static IEnumerable<bool> Points(IReadOnlyList<string> labels, int[] labelSlots, IReadOnlyDictionary<string, long> sizes, long[] values)
    {
        if (labels.Any(l => sizes[l] == 0))
        {
            yield break;
        }

        var index = new long[labels.Count];
        while (true)
        {
            for (int d = 0; d < labels.Count; d++)
            {
                values[labelSlots[d]] = index[d];
            }

            yield return true;
            int carry = labels.Count - 1;
            for (; carry >= 0 && ++index[carry] == sizes[labels[carry]]; carry--)
            {
                index[carry] = 0;
            }

            if (carry < 0)
            {
                yield break;
            }
        }
    }
}
