using System;
using System.Globalization;
using System.Text;

namespace TensorGen.Fuzz.Tests.Generator;

/// <summary>
/// Writes a string value as C# source in one of the forms users write: a regular literal with escapes, a literal with
/// the characters as they are, a verbatim or raw literal (possibly spanning lines), a concatenation, or a constant.
/// Every form has exactly <c>value</c> as its constant value, so an error's position can be checked against it.
/// </summary>
internal static class StringLiterals
{
    /// <summary>The argument text, and a member to declare next to the method when the form is a constant.</summary>
    public static (string Argument, string Member) Write(Random random, string value, string constantName) =>
        random.Next(8) switch
        {
            0 => (Raw(value), string.Empty),
            1 => (Verbatim(value), string.Empty),
            2 => (RawString(value), string.Empty),
            3 => (Concatenation(random, value), string.Empty),
            4 => (constantName, $"private const string {constantName} = {Escaped(value)};"),
            _ => (Escaped(value), string.Empty),
        };

    /// <summary>A regular literal with every character outside printable ASCII written as <c>\uXXXX</c>.</summary>
    public static string Escaped(string value)
    {
        var text = new StringBuilder("\"");
        foreach (char c in value)
        {
            if (c is '"' or '\\')
            {
                text.Append('\\').Append(c);
            }
            else if (c is >= ' ' and <= '~')
            {
                text.Append(c);
            }
            else
            {
                text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>A regular literal holding the characters as they are (only what would end the literal or the line is escaped).</summary>
    private static string Raw(string value)
    {
        var text = new StringBuilder("\"");
        foreach (char c in value)
        {
            if (c is '"' or '\\')
            {
                text.Append('\\').Append(c);
            }
            else if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append('"').ToString();
    }

    private static string Verbatim(string value) => "@\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A raw string literal: on one line when it can be, otherwise multi-line with enough quotes.</summary>
    private static string RawString(string value)
    {
        int run = 0, longest = 0;
        foreach (char c in value)
        {
            run = c == '"' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        string quotes = new('"', Math.Max(3, longest + 1));
        bool oneLine = value.Length > 0 && value[0] != '"' && value[^1] != '"'
            && value.IndexOfAny(['\r', '\n', '\u0085', '\u2028', '\u2029']) < 0;
        return oneLine ? quotes + value + quotes : quotes + "\n" + value + "\n" + quotes;
    }

    private static string Concatenation(Random random, string value)
    {
        int cut = random.Next(value.Length + 1);
        return Escaped(value[..cut]) + " + " + Escaped(value[cut..]);
    }
}
