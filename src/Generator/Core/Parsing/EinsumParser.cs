using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Model;

namespace TensorGen.Parsing;

/// <summary>
/// Parses numpy.einsum subscripts: terms of index letters separated by ',', an optional '-&gt;' and output
/// term, '...' for broadcast dimensions, whitespace ignored. Any Unicode letter is an index, so networks with
/// more than 52 indices can be written. Without '-&gt;' the output is numpy's: the labels that occur exactly
/// once, in code-point order, after '...' if any input has one.
/// </summary>
internal static class EinsumParser
{
    public static EinsumParseResult Parse(string? text) => Parse(text, anySymbol: false);

    /// <summary>
    /// Parses with <paramref name="anySymbol"/>: every character but ',', '-', '>', '.' and whitespace is an index, as
    /// opt_einsum reads subscripts (its <c>get_symbol</c> yields non-letters such as '×' beyond the first 52 indices).
    /// The CLI reads networks this way; declarations keep to letters.
    /// </summary>
    public static EinsumParseResult Parse(string? text, bool anySymbol)
    {
        if (text is null)
        {
            return Fail(EinsumErrorKind.MalformedExpression, "The expression is null. Write subscripts such as \"ij,jk->ik\".");
        }

        var inputs = new List<EinsumTerm>();
        EinsumTerm? output = null;
        var labels = new List<string>();
        bool inOutput = false;
        int ellipsisAt = -1;

        int i = 0;
        while (i <= text.Length)
        {
            if (i == text.Length || text[i] == ',' || (text[i] == '-' && !inOutput))
            {
                // End of a term.
                if (i < text.Length && text[i] == ',' && inOutput)
                {
                    return Fail(EinsumErrorKind.MalformedExpression,
                        $"Unexpected ',' at position {i} after '->': the output is a single term. Remove the ','.", i, 1);
                }

                var term = new EinsumTerm(labels.ToEquatableArray());
                labels.Clear();
                ellipsisAt = -1;
                if (inOutput)
                {
                    output = term;
                }
                else
                {
                    inputs.Add(term);
                }

                if (i == text.Length)
                {
                    break;
                }

                if (text[i] == '-')
                {
                    if (i + 1 >= text.Length || text[i + 1] != '>')
                    {
                        return Fail(EinsumErrorKind.MalformedExpression,
                            $"'-' at position {i} is not followed by '>'. Write the output after \"->\", e.g. \"ij,jk->ik\".", i, 1);
                    }

                    inOutput = true;
                    i += 2;
                    continue;
                }

                i++;
                continue;
            }

            char c = text[i];
            if (c == '-' && inOutput)
            {
                return Fail(EinsumErrorKind.MalformedExpression,
                    $"A second \"->\" at position {i}. An expression has at most one output.", i, 1);
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '.')
            {
                if (i + 2 >= text.Length || text[i + 1] != '.' || text[i + 2] != '.')
                {
                    return Fail(EinsumErrorKind.MalformedExpression,
                        $"'.' at position {i} does not start \"...\". Broadcast dimensions are written as exactly three dots.", i, 1);
                }

                if (ellipsisAt >= 0)
                {
                    return Fail(EinsumErrorKind.MalformedExpression,
                        $"A second \"...\" at position {i} in the same term. A term has at most one ellipsis.", i, 3);
                }

                ellipsisAt = i;
                labels.Add(EinsumExpression.Ellipsis);
                i += 3;
                continue;
            }

            int width = char.IsSurrogatePair(text, i) ? 2 : 1;
            if (anySymbol ? !IsSymbol(text, i) : !IsLetter(text, i))
            {
                string shown = text.Substring(i, width);
                int codePoint = width == 2 ? char.ConvertToUtf32(text, i) : text[i]; // a lone surrogate has no code point of its own
                return Fail(EinsumErrorKind.MalformedExpression,
                    $"Character '{shown}' (U+{codePoint:X4}) at position {i} is not an index. "
                    + (anySymbol ? "Indices are any characters but ',', '-', '>', '.' and whitespace" : "Indices are letters")
                    + "; terms are separated by ',', the output follows \"->\", broadcast dimensions are \"...\".",
                    i, width);
            }

            labels.Add(text.Substring(i, width));
            i += width;
        }

        if (output is null)
        {
            output = ImplicitOutput(inputs);
            return Validate(new EinsumExpression(text, inputs.ToEquatableArray(), output, isImplicitOutput: true), text);
        }

        return Validate(new EinsumExpression(text, inputs.ToEquatableArray(), output, isImplicitOutput: false), text);
    }

    /// <summary>numpy's implicit output: '...' if any input has it, then the labels occurring exactly once, sorted by code point.</summary>
    private static EinsumTerm ImplicitOutput(List<EinsumTerm> inputs)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string label in inputs.SelectMany(t => t.Labels).Where(l => l != EinsumExpression.Ellipsis))
        {
            counts[label] = counts.TryGetValue(label, out int n) ? n + 1 : 1;
        }

        var labels = new List<string>();
        if (inputs.Any(t => t.HasEllipsis))
        {
            labels.Add(EinsumExpression.Ellipsis);
        }

        labels.AddRange(counts.Where(kv => kv.Value == 1).Select(kv => kv.Key)
            .OrderBy(l => char.ConvertToUtf32(l, 0)));
        return new EinsumTerm(labels.ToEquatableArray());
    }

    private static EinsumParseResult Validate(EinsumExpression expression, string text)
    {
        int arrow = text.IndexOf("->", StringComparison.Ordinal);
        var inputLabels = new HashSet<string>(expression.Inputs.SelectMany(t => t.Labels), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string label in expression.Output.Labels)
        {
            int position = arrow < 0 ? -1 : text.IndexOf(label, arrow + 2, StringComparison.Ordinal);
            if (label == EinsumExpression.Ellipsis)
            {
                continue;
            }

            if (!seen.Add(label))
            {
                int second = position < 0 ? -1 : text.IndexOf(label, position + label.Length, StringComparison.Ordinal);
                return Fail(EinsumErrorKind.RepeatedOutputIndex,
                    $"Index '{label}' appears twice in the output \"{expression.Output}\". An output index is written once; "
                    + "to take a diagonal, repeat the index in an input instead.", second, label.Length);
            }

            if (!inputLabels.Contains(label))
            {
                return Fail(EinsumErrorKind.OutputIndexNotInInputs,
                    $"Output index '{label}' appears in no input. Every output index must occur in at least one operand; "
                    + "remove it from the output or add it to an operand.", position, label.Length);
            }
        }

        return new EinsumParseResult(expression, null);
    }

    /// <summary>Whether the character at <paramref name="index"/> can be an index in opt_einsum's reading (a lone surrogate cannot).</summary>
    internal static bool IsSymbol(string text, int index)
    {
        char c = text[index];
        if (c is ',' or '-' or '>' or '.' || char.IsWhiteSpace(c))
        {
            return false;
        }

        return !char.IsSurrogate(c) || char.IsSurrogatePair(text, index);
    }

    internal static bool IsLetter(string text, int index)
    {
        switch (CharUnicodeInfo.GetUnicodeCategory(text, index))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
                return true;
            default:
                return false;
        }
    }

    private static EinsumParseResult Fail(EinsumErrorKind kind, string message, int position = -1, int length = 0) =>
        new(null, new EinsumError(kind, message, position, length));
}

/// <summary>Either a valid expression or the first error found.</summary>
internal sealed class EinsumParseResult
{
    public EinsumParseResult(EinsumExpression? expression, EinsumError? error)
    {
        Expression = expression;
        Error = error;
    }

    public EinsumExpression? Expression { get; }

    public EinsumError? Error { get; }
}
