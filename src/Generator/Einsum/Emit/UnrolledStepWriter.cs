using System.Collections.Generic;
using System.Linq;
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
        if (summed.Any(l => sizes[l] == 0))
        {
            // Every sum is empty: zeros, or nothing to add.
            writer.WriteComment("Every sum runs over an empty index" + (accumulate ? ": the result keeps its values." : ": zeros."));
            if (!accumulate)
            {
                foreach (Dictionary<string, long> at in Points(resultLabels, sizes))
                {
                    writer.WriteLine($"{Element(output, outputStrides, at)} = 0;");
                }
            }

            return;
        }

        foreach (Dictionary<string, long> at in Points(resultLabels, sizes))
        {
            var products = new List<string>();
            var factors = new List<(string Left, string? Right)>();
            foreach (Dictionary<string, long> inner in Points(summed, sizes))
            {
                foreach (var pair in at)
                {
                    inner[pair.Key] = pair.Value;
                }

                factors.Add((Element(left, leftStrides, inner), right is null ? null : Element(right, rightStrides, inner)));
            }

            string target = Element(output, outputStrides, at);
            if (multiplyAdd is null || factors.Any(f => f.Right is null))
            {
                string sum = string.Join(" + ", factors.Select(f => f.Right is null ? f.Left : f.Left + " * " + f.Right));
                writer.WriteLine($"{target} {(accumulate ? "+=" : "=")} {sum};");
            }
            else
            {
                // x₁·y₁ + x₂·y₂ + … as multiplyAdd(xₙ, yₙ, … multiplyAdd(x₂, y₂, x₁ · y₁)).
                string sum = accumulate ? $"{multiplyAdd}({factors[0].Left}, {factors[0].Right}, {target})" : $"{factors[0].Left} * {factors[0].Right}";
                foreach (var (x, y) in factors.Skip(1))
                {
                    sum = $"{multiplyAdd}({x}, {y}, {sum})";
                }

                writer.WriteLine($"{target} = {sum};");
            }
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

    private static string Element(System.Func<long, string> operand, Dictionary<string, long> strides, Dictionary<string, long> at) =>
        operand(strides.Sum(s => s.Value * at[s.Key]));

    private static System.Func<long, string> Indexer(string span) => offset => span + "[" + CSharpLiteral.Int(offset) + "]";

    /// <summary>Every point of the labels' index space in row-major order (one empty point for no labels, none for a size-0 label).</summary>
    private static IEnumerable<Dictionary<string, long>> Points(IReadOnlyList<string> labels, IReadOnlyDictionary<string, long> sizes)
    {
        if (labels.Any(l => sizes[l] == 0))
        {
            yield break;
        }

        var index = new long[labels.Count];
        while (true)
        {
            var point = new Dictionary<string, long>();
            for (int d = 0; d < labels.Count; d++)
            {
                point[labels[d]] = index[d];
            }

            yield return point;
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
