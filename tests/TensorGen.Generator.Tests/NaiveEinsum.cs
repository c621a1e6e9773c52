using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using TensorGen.Tests.Reference;

namespace TensorGen.Generator.Tests;

/// <summary>
/// Dense row-major operands for the independent reference (<see cref="ReferenceEinsum"/>, tests/Shared: its own parser and one
/// loop over every index, in double), from an expression without '...' and its index sizes. Nothing here touches the production
/// parser: a term's labels are its letters (a surrogate pair is one), so an error the parser and the emitter would share shows.
/// </summary>
internal static class NaiveEinsum
{
    /// <summary>The einsum's value and, per element, the einsum of the operands' absolute values (Σ|terms|, which bounds rounding).</summary>
    public static (double[] Values, double[] Magnitudes) Evaluate(string expression, IReadOnlyDictionary<string, int> sizes, params double[][] operands)
    {
        RefArray[] arrays = InputTerms(expression).Select((term, n) => new RefArray(operands[n], Shape(term, sizes))).ToArray();
        RefArray values = ReferenceEinsum.Evaluate(expression, arrays);
        RefArray magnitudes = ReferenceEinsum.Evaluate(expression, arrays.Select(a => a with { Data = a.Data.Select(Math.Abs).ToArray() }).ToArray());
        return (values.Data, magnitudes.Data);
    }

    /// <summary>The labels of each input term, in order.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> InputTerms(string expression)
    {
        string text = expression.Replace(" ", string.Empty, StringComparison.Ordinal);
        int arrow = text.IndexOf("->", StringComparison.Ordinal);
        return (arrow < 0 ? text : text[..arrow]).Split(',').Select(Labels).ToList();
    }

    /// <summary>The element count of a term of <paramref name="labels"/>.</summary>
    public static int Count(IEnumerable<string> labels, IReadOnlyDictionary<string, int> sizes) =>
        labels.Aggregate(1, (product, label) => checked(product * sizes[label]));

    /// <summary>Deterministic small values, different per operand.</summary>
    public static double[] Values(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Math.Round((random.NextDouble() * 4) - 2, 2)).ToArray();
    }

    private static int[] Shape(IReadOnlyList<string> term, IReadOnlyDictionary<string, int> sizes) => term.Select(l => sizes[l]).ToArray();

    private static IReadOnlyList<string> Labels(string term) => term.EnumerateRunes().Select(r => r.ToString()).ToList();
}
