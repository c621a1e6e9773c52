using System.Globalization;
using System.Text;

namespace TensorGen.Emit;

/// <summary>
/// C# literals and comment text, culture-invariant, so that the generated file is byte-identical on every
/// machine (under fi-FI, int.ToString() writes U+2212 for a minus sign).
/// </summary>
internal static class CSharpLiteral
{
    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A regular string literal. Letters stay as they are (index letters are read in the file); anything that is not printable ASCII or a letter is escaped.</summary>
    public static string String(string value)
    {
        var text = new StringBuilder(value.Length + 2);
        text.Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '"' || c == '\\')
            {
                text.Append('\\').Append(c);
            }
            else if (c >= ' ' && c <= '~')
            {
                text.Append(c);
            }
            else if (char.IsSurrogatePair(value, i) && char.IsLetter(value, i))
            {
                text.Append(c).Append(value[i + 1]);
                i++;
            }
            else if (char.IsLetter(c))
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

    /// <summary>Text safe inside a <c>//</c> comment: characters C# treats as line breaks (and other controls) are shown as <c>\uXXXX</c>.</summary>
    public static string CommentText(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            if (char.IsControl(c) || c == '\u2028' || c == '\u2029')
            {
                text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    /// <summary>A shape for messages, e.g. <c>[3, 3]</c> (and <c>[]</c> for a scalar).</summary>
    public static string Shape(System.Collections.Generic.IEnumerable<long> lengths) =>
        "[" + string.Join(", ", System.Linq.Enumerable.Select(lengths, Int)) + "]";
}
