using System;
using System.Collections.Generic;
using System.Globalization;

namespace TensorGen.Parsing;

/// <summary>
/// Parses <c>SizeHints</c>, the sizes the dynamic form is planned for: <c>"b=64,i=1024"</c>, or symbolic as
/// TensorOperations.jl's <c>@tensoropt</c> allows, <c>"a=chi,b=chi^2,c=4*D"</c>: a size is a product of whole numbers
/// and symbols with optional powers. Every symbol stands for <see cref="SymbolValue"/>, so the planner weighs costs by
/// their leading power of the symbols — it plans for the large-χ asymptotics — while small constants still break ties.
/// </summary>
internal static class SizeHints
{
    /// <summary>What a symbol is worth when planning: large against the small constants that hints mix in.</summary>
    public const long SymbolValue = 1024;

    public static SizeHintsResult Parse(string text, EinsumExpression expression)
    {
        var hints = new Dictionary<string, long>(StringComparer.Ordinal);
        var labels = new HashSet<string>(expression.DistinctLabels, StringComparer.Ordinal);
        int position = 0;
        foreach (string entry in text.Split(','))
        {
            int start = position;
            position += entry.Length + 1;
            int equals = entry.IndexOf('=');
            string label = equals < 0 ? entry.Trim() : entry.Substring(0, equals).Trim();
            bool oneLetter = label.Length > 0 && label.Length == (char.IsSurrogatePair(label, 0) ? 2 : 1) && EinsumParser.IsLetter(label, 0);
            if (equals < 0 || !oneLetter)
            {
                return Fail($"SizeHints entry \"{entry.Trim()}\" is not of the form \"index=size\" (one letter, '=', a size such as 64, chi or chi^2).",
                    start, entry.Length);
            }

            if (!labels.Contains(label))
            {
                return Fail($"SizeHints names index '{label}', which expression \"{expression.Text}\" does not use.", start, entry.Length);
            }

            if (hints.ContainsKey(label))
            {
                return Fail($"SizeHints gives index '{label}' twice.", start, entry.Length);
            }

            string? problem = Evaluate(entry.Substring(equals + 1), out long size);
            if (problem is not null)
            {
                return Fail($"SizeHints entry \"{entry.Trim()}\": {problem}", start, entry.Length);
            }

            hints[label] = size;
        }

        return new SizeHintsResult(hints, null, -1, 0);
    }

    /// <summary>A product of factors, each a whole number or a symbol with an optional power: <c>4*chi^2</c>.</summary>
    private static string? Evaluate(string text, out long size)
    {
        size = 1;
        foreach (string raw in text.Split('*'))
        {
            string factor = raw.Trim();
            int caret = factor.IndexOf('^');
            string baseText = (caret < 0 ? factor : factor.Substring(0, caret)).Trim();
            string exponentText = caret < 0 ? "1" : factor.Substring(caret + 1).Trim();
            if (!int.TryParse(exponentText, NumberStyles.None, CultureInfo.InvariantCulture, out int exponent))
            {
                return $"the power \"{exponentText}\" is not a whole number.";
            }

            long value;
            if (baseText.Length > 0 && char.IsDigit(baseText[0]))
            {
                if (!long.TryParse(baseText, NumberStyles.None, CultureInfo.InvariantCulture, out value))
                {
                    return $"\"{baseText}\" is not a whole number.";
                }
            }
            else if (IsSymbol(baseText))
            {
                value = SymbolValue;
            }
            else
            {
                return $"\"{factor}\" is neither a whole number nor a symbol such as chi or chi^2.";
            }

            for (int k = 0; k < exponent; k++)
            {
                if (value != 0 && size > long.MaxValue / 4 / value)
                {
                    return "the size is too large to plan with; use smaller powers.";
                }

                size *= value;
            }
        }

        return null;
    }

    private static bool IsSymbol(string text)
    {
        if (text.Length == 0 || !char.IsLetter(text[0]))
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!char.IsLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static SizeHintsResult Fail(string message, int position, int length) => new(null, message, position, length);
}

/// <summary>The hinted sizes, or the first error and where it is in the text.</summary>
internal sealed class SizeHintsResult
{
    public SizeHintsResult(IReadOnlyDictionary<string, long>? hints, string? error, int position, int length)
    {
        Hints = hints;
        Error = error;
        Position = position;
        Length = length;
    }

    public IReadOnlyDictionary<string, long>? Hints { get; }

    public string? Error { get; }

    public int Position { get; }

    public int Length { get; }
}
