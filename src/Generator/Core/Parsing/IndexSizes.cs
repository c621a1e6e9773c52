using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TensorGen.Parsing;

/// <summary>
/// Parses the static-form size list <c>"i=3, j=4"</c> and checks it against an expression: every index given
/// exactly once, no unknown index, no negative size, and every operand small enough to be held by a span.
/// </summary>
internal static class IndexSizes
{
    public static IndexSizesResult Parse(string sizes, EinsumExpression expression)
    {
        if (expression.HasEllipsis)
        {
            int at = expression.Text.IndexOf("...", StringComparison.Ordinal);
            return Fail(EinsumErrorKind.EllipsisInStaticForm,
                "\"...\" cannot be used with Sizes: a static declaration fixes every dimension. "
                + "Name each dimension with an index, or remove Sizes and take ReadOnlyTensorSpan/TensorSpan parameters.", at, 3);
        }

        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        int position = 0;
        // An empty list gives no sizes: right for an expression without indices (a scalar kernel, "->"),
        // and reported as the missing sizes otherwise.
        string[] entries = sizes.Trim().Length == 0 ? Array.Empty<string>() : sizes.Split(',');
        foreach (string entry in entries)
        {
            int entryStart = position;
            position += entry.Length + 1;
            if (entry.Trim().Length == 0)
            {
                return Fail(EinsumErrorKind.MalformedSizes,
                    $"Empty entry at position {entryStart} of Sizes. Write \"index=size\" pairs separated by commas, e.g. \"i=3,j=4\".",
                    entryStart, entry.Length);
            }

            int eq = entry.IndexOf('=');
            string label = eq < 0 ? entry.Trim() : entry.Substring(0, eq).Trim();
            string number = eq < 0 ? string.Empty : entry.Substring(eq + 1).Trim();
            bool isOneLetter = label.Length > 0 && label.Length == (char.IsSurrogatePair(label, 0) ? 2 : 1) && EinsumParser.IsLetter(label, 0);
            if (eq < 0 || !isOneLetter || number.Length == 0)
            {
                return Fail(EinsumErrorKind.MalformedSizes,
                    $"Sizes entry \"{entry.Trim()}\" is not of the form \"index=size\" (one letter, '=', a whole number), e.g. \"i=3\".",
                    entryStart, entry.Length);
            }

            bool negative = number.StartsWith("-", StringComparison.Ordinal);
            string digits = negative ? number.Substring(1).Trim() : number;
            if (digits.Length == 0 || !digits.All(ch => ch >= '0' && ch <= '9'))
            {
                return Fail(EinsumErrorKind.MalformedSizes,
                    $"Size \"{number}\" of index '{label}' is not a whole number. Write digits, e.g. \"{label}=3\".",
                    entryStart, entry.Length);
            }

            if (negative)
            {
                return Fail(EinsumErrorKind.NegativeSize,
                    $"Index '{label}' has negative size {number}. Sizes are zero or more.", entryStart, entry.Length);
            }

            if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long size) || size > int.MaxValue)
            {
                return Fail(EinsumErrorKind.SizeOverflow,
                    $"Index '{label}' has size {digits}, more than a span can hold ({int.MaxValue}). Use a smaller size.",
                    entryStart, entry.Length);
            }

            if (result.TryGetValue(label, out long earlier))
            {
                string what = earlier == size ? $"twice" : $"two sizes ({earlier} and {size})";
                return Fail(EinsumErrorKind.ConflictingSize,
                    $"Sizes gives index '{label}' {what}. Give each index exactly one size.", entryStart, entry.Length);
            }

            if (!expression.DistinctLabels.Contains(label))
            {
                return Fail(EinsumErrorKind.UnknownSizeIndex,
                    $"Sizes names index '{label}', which expression \"{expression.Text}\" does not use. Remove it or fix the expression.",
                    entryStart, entry.Length);
            }

            result[label] = size;
        }

        string[] missing = expression.DistinctLabels.Where(l => !result.ContainsKey(l)).ToArray();
        if (missing.Length > 0)
        {
            return Fail(EinsumErrorKind.MissingSize,
                $"Sizes gives no size for {(missing.Length == 1 ? "index" : "indices")} {string.Join(", ", missing.Select(l => "'" + l + "'"))}. "
                + "A static declaration gives every index a size, e.g. \"" + string.Join(",", missing.Select(l => l + "=3")) + "\".");
        }

        var terms = expression.Inputs.Select((t, n) => (Term: t, Name: $"operand {n} (\"{t}\")"))
            .Append((Term: expression.Output, Name: $"the result (\"{expression.Output}\")"));
        foreach (var (term, name) in terms)
        {
            if (ElementCount(term.Labels, result) > int.MaxValue)
            {
                return Fail(EinsumErrorKind.SizeOverflow,
                    $"With these Sizes {name} has more than {int.MaxValue} elements, more than a span can hold. Use smaller sizes.");
            }
        }

        return new IndexSizesResult(result, null);
    }

    /// <summary>The product of the sizes of <paramref name="labels"/>, repeats counted, as a double so it cannot wrap.</summary>
    public static double ElementCount(IEnumerable<string> labels, IReadOnlyDictionary<string, long> sizes) =>
        labels.Aggregate(1.0, (product, label) => product * sizes[label]);

    private static IndexSizesResult Fail(EinsumErrorKind kind, string message, int position = -1, int length = 0) =>
        new(null, new EinsumError(kind, message, position, length));
}

/// <summary>Either every index's size or the first error.</summary>
internal sealed class IndexSizesResult
{
    public IndexSizesResult(IReadOnlyDictionary<string, long>? sizes, EinsumError? error)
    {
        Sizes = sizes;
        Error = error;
    }

    public IReadOnlyDictionary<string, long>? Sizes { get; }

    public EinsumError? Error { get; }
}
