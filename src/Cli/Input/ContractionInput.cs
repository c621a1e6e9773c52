using System;
using System.Collections.Generic;
using System.Linq;
using TensorGen.Parsing;

namespace TensorGen.Cli.Input;

/// <summary>An expression ready to plan: <c>...</c> written out, a size for every index, and notes for stderr.</summary>
internal sealed class ContractionInput
{
    private ContractionInput(string sourceText, EinsumExpression expression, Dictionary<string, long> sizes, IReadOnlyList<string> notes)
    {
        SourceText = sourceText;
        Expression = expression;
        Sizes = sizes;
        Notes = notes;
    }

    /// <summary>The expression as given (with "..." where it had one): what numpy and the runtime's dynamic path are called with.</summary>
    public string SourceText { get; }

    /// <summary>The expression with "..." written out as indices of their own (what the planner and the static form take).</summary>
    public EinsumExpression Expression { get; }

    /// <summary>Each operand's shape as given (--shapes), or from its indices' sizes.</summary>
    public long[][] SourceShapes { get; private set; } = [];

    /// <summary>The size of every index of <see cref="Expression"/>, and of no other.</summary>
    public Dictionary<string, long> Sizes { get; }

    /// <summary>Things to tell the user that do not stop the command (an unused size, what "..." was written out as).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Each operand's shape, from its term's indices.</summary>
    public long[][] OperandShapes => Expression.Inputs.Select(ShapeOf).ToArray();

    public long[] OutputShape => ShapeOf(Expression.Output);

    /// <summary>
    /// Reads <paramref name="text"/> (any index character opt_einsum accepts) with sizes from <paramref name="sizes"/> and/or
    /// per-operand <paramref name="shapes"/>; null with <paramref name="error"/> (for <see cref="ExitCodes.InvalidInput"/>) when
    /// it cannot be planned. <paramref name="what"/> names the input in messages (the quoted expression, or "--network").
    /// </summary>
    public static ContractionInput? Resolve(string text, string what, SizeTable sizes, IReadOnlyList<long[]>? shapes, out string? error)
    {
        EinsumParseResult parsed = EinsumParser.Parse(text, anySymbol: true);
        if (parsed.Expression is not { } expression)
        {
            error = $"{what}: {parsed.Error!.Message}";
            return null;
        }

        var notes = new List<string>();
        var known = new Dictionary<string, long>(sizes.Sizes, StringComparer.Ordinal);
        if (shapes is not null)
        {
            var expanded = EllipsisShapes.Resolve(expression, shapes, out error, out string? note);
            if (expanded is null)
            {
                return null;
            }

            (expression, var fromShapes) = expanded.Value;
            foreach (var (label, size) in fromShapes)
            {
                if (known.TryGetValue(label, out long given) && given != size)
                {
                    error = $"index '{label}' is {size} in --shapes but {given} in --sizes.";
                    return null;
                }

                known[label] = size;
            }

            if (note is not null)
            {
                notes.Add(note);
            }
        }
        else if (expression.HasEllipsis)
        {
            error = "\"...\" has no size to plan with: give every operand's shape with --shapes (e.g. --shapes \"2,3,4;4\"), or name each dimension with an index.";
            return null;
        }

        var labels = expression.DistinctLabels;
        string[] missing = labels.Where(l => !known.ContainsKey(l)).ToArray();
        if (missing.Length > 0)
        {
            error = $"no size for {(missing.Length == 1 ? "index" : "indices")} {string.Join(", ", missing.Select(l => "'" + l + "'"))}. "
                + $"Give every index's size, e.g. --sizes {string.Join(",", labels.Select(l => l + "=" + (known.TryGetValue(l, out long s) ? s : 2)))}, or each operand's shape with --shapes.";
            return null;
        }

        foreach (string unused in sizes.Sizes.Keys.Where(l => !labels.Contains(l)))
        {
            notes.Add($"index '{unused}' has a size but does not occur in the expression; it is ignored.");
        }

        error = null;
        var input = new ContractionInput(text, expression, labels.ToDictionary(l => l, l => known[l], StringComparer.Ordinal), notes);
        input.SourceShapes = shapes?.ToArray() ?? input.OperandShapes;
        return input;
    }

    private long[] ShapeOf(EinsumTerm term) => term.Labels.Select(l => Sizes[l]).ToArray();
}
