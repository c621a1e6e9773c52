using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TensorGen.Decompositions.Validation;

/// <summary>
/// A parsed <c>Shape</c>, <c>Ranks</c>, <c>TrainRanks</c> or <c>Modes</c> argument: comma-separated entries of one
/// whole number, or of two joined by a separator (<c>"2x3"</c> for a TT-matrix core's rows and columns, <c>"0:64"</c>
/// for a static mode product's mode and row count). Each entry remembers where it is written, for diagnostics.
/// </summary>
internal sealed class SizeList
{
    private SizeList(IReadOnlyList<SizeEntry> entries, SizeListError? error)
    {
        Entries = entries;
        Error = error;
    }

    /// <summary>No entries (an argument written as <c>""</c>, e.g. the Ranks of a one-core train).</summary>
    public static SizeList None { get; } = new(new SizeEntry[0], null);

    public IReadOnlyList<SizeEntry> Entries { get; }

    public SizeListError? Error { get; }

    public int Count => Entries.Count;

    /// <summary>Parses <paramref name="text"/>; <paramref name="separator"/> is the character that may join a second number, or null.</summary>
    /// <param name="text">The argument's value.</param>
    /// <param name="separator">'x' or ':' when an entry may have a second number; null when not.</param>
    /// <param name="secondRequired">Whether every entry must have the second number.</param>
    /// <param name="what">The argument's name, for messages.</param>
    /// <param name="example">A well-formed value, for messages.</param>
    public static SizeList Parse(string text, char? separator, bool secondRequired, string what, string example)
    {
        var entries = new List<SizeEntry>();
        int position = 0;
        foreach (string entry in text.Split(','))
        {
            int start = position;
            position += entry.Length + 1;
            string trimmed = entry.Trim();
            int offset = start + entry.IndexOf(trimmed, System.StringComparison.Ordinal);
            if (trimmed.Length == 0)
            {
                return Fail($"{what} has an empty entry at position {start.ToString(CultureInfo.InvariantCulture)}. Write comma-separated entries, e.g. \"{example}\".",
                    start, entry.Length);
            }

            int split = separator is { } s ? trimmed.IndexOf(s) : -1;
            string first = split < 0 ? trimmed : trimmed.Substring(0, split).Trim();
            string? second = split < 0 ? null : trimmed.Substring(split + 1).Trim();
            if (!TryNumber(first, out long value) || (second is not null && !TryNumber(second, out _)) || (secondRequired && second is null))
            {
                string form = separator is null ? "a whole number" : secondRequired ? $"two whole numbers joined by '{separator}'" : $"a whole number, optionally followed by '{separator}' and another";
                return Fail($"{what} entry \"{trimmed}\" is not {form}; write e.g. \"{example}\".", offset, trimmed.Length);
            }

            long? secondValue = null;
            if (second is not null && TryNumber(second, out long parsed))
            {
                secondValue = parsed;
            }

            entries.Add(new SizeEntry(value, secondValue, offset, trimmed.Length));
        }

        return new SizeList(entries, null);
    }

    public long[] Firsts => Entries.Select(e => e.Value).ToArray();

    private static bool TryNumber(string text, out long value)
    {
        string digits = text.StartsWith("-", System.StringComparison.Ordinal) ? text.Substring(1) : text;
        value = 0;
        if (digits.Length == 0 || digits.Length > 18 || !digits.All(c => c >= '0' && c <= '9'))
        {
            return false;
        }

        value = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) * (digits.Length == text.Length ? 1 : -1);
        return true;
    }

    private static SizeList Fail(string message, int position, int length) => new(new SizeEntry[0], new SizeListError(message, position, length));
}

/// <summary>One entry: its number, the optional second number, and where it is written in the argument.</summary>
internal sealed class SizeEntry
{
    public SizeEntry(long value, long? second, int position, int length)
    {
        Value = value;
        Second = second;
        Position = position;
        Length = length;
    }

    public long Value { get; }

    public long? Second { get; }

    public int Position { get; }

    public int Length { get; }
}

/// <summary>Why an argument does not parse, and where.</summary>
internal sealed class SizeListError
{
    public SizeListError(string message, int position, int length)
    {
        Message = message;
        Position = position;
        Length = length;
    }

    public string Message { get; }

    public int Position { get; }

    public int Length { get; }
}
