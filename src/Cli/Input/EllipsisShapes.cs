using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Parsing;

namespace TensorGen.Cli.Input;

/// <summary>
/// Sizes from operand shapes (<c>--shapes</c>), with <c>...</c> written out: the broadcast dimensions get index symbols of
/// their own (right-aligned across operands, as numpy aligns them), so that the planner, which plans named indices, sees
/// them. A broadcast dimension of size 1 in an operand whose partners have more is left out of that operand's term: the
/// operand does not vary along it, so it adds nothing to a step's cost.
/// </summary>
internal static class EllipsisShapes
{
    /// <summary>Symbols for broadcast dimensions, tried in order; the first ones the expression does not use are taken.</summary>
    private const string Candidates = "αβγδεζηθκλμνξπρστυφχψωΑΒΓΔΘΛΞΠΣΦΨΩ";

    /// <summary>
    /// The expression with <c>...</c> written out and every index's size; null with <paramref name="error"/> when a shape
    /// does not fit its term. <paramref name="note"/> says which symbols stand for the broadcast dimensions.
    /// </summary>
    public static (EinsumExpression Expression, Dictionary<string, long> Sizes)? Resolve(EinsumExpression expression, IReadOnlyList<long[]> shapes,
        out string? error, out string? note)
    {
        note = null;
        if (shapes.Count != expression.Inputs.Count)
        {
            error = $"--shapes gives {shapes.Count} shape(s) for {expression.Inputs.Count} operand(s); give one per operand, separated by ';'.";
            return null;
        }

        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var broadcastShapes = new long[expression.Inputs.Count][];
        for (int operand = 0; operand < shapes.Count; operand++)
        {
            EinsumTerm term = expression.Inputs[operand];
            long[] shape = shapes[operand];
            int broadcastRank = shape.Length - term.LetterCount;
            if (broadcastRank < 0 || (!term.HasEllipsis && broadcastRank != 0))
            {
                error = $"--shapes: operand {operand + 1} (\"{term}\") has shape [{string.Join(", ", shape)}]: "
                    + (term.HasEllipsis ? $"at least {term.LetterCount} dimensions are needed." : $"{term.LetterCount} dimensions are needed (one per index).");
                return null;
            }

            broadcastShapes[operand] = new long[Math.Max(0, broadcastRank)];
            int at = 0;
            foreach (string label in term.Labels)
            {
                if (label == EinsumExpression.Ellipsis)
                {
                    Array.Copy(shape, at, broadcastShapes[operand], 0, broadcastRank);
                    at += broadcastRank;
                    continue;
                }

                error = AddSize(sizes, label, shape[at++], operand);
                if (error is not null)
                {
                    return null;
                }
            }
        }

        int rank = broadcastShapes.Max(s => s.Length);
        string[] symbols = Candidates.Select(c => c.ToString()).Where(s => !sizes.ContainsKey(s) && !expression.Text.Contains(s, StringComparison.Ordinal))
            .Take(rank).ToArray();
        if (symbols.Length < rank)
        {
            error = $"\"...\" stands for {rank} dimensions here, more than tensorgen has symbols for; name the dimensions with indices.";
            return null;
        }

        // Right-aligned: an operand with e broadcast dimensions has the last e of the rank's.
        var broadcastSizes = new long[rank];
        for (int d = 0; d < rank; d++)
        {
            broadcastSizes[d] = 1;
            foreach (long[] shape in broadcastShapes)
            {
                int own = d - (rank - shape.Length);
                if (own < 0 || shape[own] == 1 || shape[own] == broadcastSizes[d])
                {
                    continue;
                }

                if (broadcastSizes[d] != 1)
                {
                    error = $"--shapes: the broadcast dimensions (\"...\") do not broadcast: dimension {d + 1} of {rank} is {broadcastSizes[d]} in one operand and {shape[own]} in another.";
                    return null;
                }

                broadcastSizes[d] = shape[own];
            }

            sizes[symbols[d]] = broadcastSizes[d];
        }

        string Written(EinsumTerm term, long[]? shape) => string.Concat(term.Labels.SelectMany(label => label != EinsumExpression.Ellipsis
            ? [label]
            : Enumerable.Range(rank - (shape?.Length ?? rank), shape?.Length ?? rank)
                .Where(d => shape is null || shape[d - (rank - shape.Length)] == broadcastSizes[d])
                .Select(d => symbols[d])));
        string text = string.Join(",", expression.Inputs.Select((t, i) => Written(t, broadcastShapes[i]))) + "->" + Written(expression.Output, null);
        EinsumParseResult parsed = EinsumParser.Parse(text, anySymbol: true);
        if (parsed.Expression is null)
        {
            error = $"\"...\" could not be written out ({text}): {parsed.Error!.Message}";
            return null;
        }

        if (rank > 0)
        {
            note = $"\"...\" is written out as {string.Concat(symbols)} ({string.Join(", ", symbols.Select((s, d) => s + "=" + broadcastSizes[d].ToString(CultureInfo.InvariantCulture)))}): {text}";
        }

        error = null;
        return (parsed.Expression, sizes);
    }

    private static string? AddSize(Dictionary<string, long> sizes, string label, long size, int operand)
    {
        if (sizes.TryGetValue(label, out long earlier) && earlier != size)
        {
            return $"--shapes: index '{label}' has size {earlier} in one operand and {size} in operand {operand + 1}.";
        }

        sizes[label] = size;
        return null;
    }
}
