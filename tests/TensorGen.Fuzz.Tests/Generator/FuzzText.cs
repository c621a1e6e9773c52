using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace TensorGen.Fuzz.Tests.Generator;

/// <summary>
/// Random text for declarations: mutations of valid strings (at the UTF-8 byte level and the UTF-16 code-unit level,
/// so invalid UTF-8 and lone surrogates both occur), and characters that break naive text handling.
/// </summary>
internal static class FuzzText
{
    /// <summary>Characters with a history of breaking parsers, emitters and culture-sensitive code.</summary>
    public static readonly string[] Awkward =
    [
        "\0", "\t", "\n", "\r", "\r\n", "\v", "\f", "\u0085", "\u2028", "\u2029", // control characters and line breaks
        "\u00A0", "\u3000", "\u200B", "\u200D", "\uFEFF", // no-break and ideographic spaces, zero-width characters, BOM
        "\u0301", "\u0308", "\u20DD", // combining marks (not letters)
        "\u200F", "\u202E", "\u2066", "\u061C", // right-to-left and isolate marks
        "\uD800", "\uDBFF", "\uDC00", "\uDFFF", // lone surrogates
        "😀", "🧮", // surrogate pairs that are not letters
        "\uFFFD", "\uFFFE", "\uFFFF", // replacement character and non-characters
        "\u2212", "\u2013", "\uFF0D", "\uFF1E", "\u2192", "\u2026", "\u00B7", // minus sign, dash, full-width '-' and '>', arrow, '…', middle dot
        "٣", "３", "²", "Ⅻ", // Arabic-Indic and full-width digits, superscript two, a Roman numeral (Nl, not a letter)
        "\"", "\\", "'", "{", "}", "*/", "/*", "//", "#", "$", "@", "=", "+", ";", ":",
    ];

    /// <summary>Letters from many scripts and categories (each a valid index), including letters outside the BMP.</summary>
    public static readonly string[] Letters =
    [
        "a", "z", "A", "Z", "i", "I", "ı", "İ", "ß", "ǅ", "ʰ", "ª", "α", "Ω", "ж", "Я", "א", "ש", "ع", "ي", "ก", "日", "本", "한",
        "ᐁ", "ⴰ", "Ａ", "ｚ", "𝐀", "𝑥", "𝔄", "𐐷", "𠀀",
    ];

    /// <summary>Tokens of the einsum grammar, for structure-aware mutations.</summary>
    public static readonly string[] Tokens = [",", "->", "...", "-", ">", ".", " ", "..", "->->", ",,"];

    /// <summary>A random mutation of <paramref name="text"/>: 1 to 4 edits of random kinds.</summary>
    public static string Mutate(Random random, string text)
    {
        int edits = 1 + random.Next(4);
        for (int n = 0; n < edits; n++)
        {
            text = random.Next(10) switch
            {
                0 or 1 => MutateBytes(random, text),
                2 => Insert(random, text, Pick(random, Awkward)),
                3 => Insert(random, text, Pick(random, Letters)),
                4 => Insert(random, text, Pick(random, Tokens)),
                5 => DeleteUnit(random, text),
                6 => ReplaceUnit(random, text),
                7 => Duplicate(random, text),
                8 => Truncate(random, text),
                _ => SwapUnits(random, text),
            };
        }

        return text;
    }

    /// <summary>Flips a bit of, inserts, or deletes one byte of the UTF-8 encoding, then decodes (invalid sequences become U+FFFD).</summary>
    public static string MutateBytes(Random random, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        int kind = bytes.Count == 0 ? 1 : random.Next(3);
        int at = random.Next(bytes.Count + (kind == 1 ? 1 : 0));
        switch (kind)
        {
            case 0:
                bytes[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                bytes.Insert(at, (byte)random.Next(256));
                break;
            default:
                bytes.RemoveAt(at);
                break;
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary><paramref name="count"/> distinct letters, each a valid index: ASCII first, then Greek, Cyrillic, CJK and beyond.</summary>
    public static IReadOnlyList<string> DistinctLetters(int count)
    {
        var letters = new List<string>(count);
        for (int code = 'a'; letters.Count < count; code++)
        {
            if (code == 'z' + 1)
            {
                code = 'A';
            }
            else if (code == 'Z' + 1)
            {
                code = 0x3B1; // Greek, then Cyrillic and on through the letters of the BMP
            }
            else if (code == 0xD800)
            {
                code = 0xE000; // past the surrogates
            }

            string candidate = char.ConvertFromUtf32(code);
            if (Grammar.ExpressionGrammar.IsLetter(candidate, 0, out _))
            {
                letters.Add(candidate);
            }
        }

        return letters;
    }

    private static string Insert(Random random, string text, string piece) => text.Insert(random.Next(text.Length + 1), piece);

    private static string DeleteUnit(Random random, string text) => text.Length == 0 ? text : text.Remove(random.Next(text.Length), 1);

    private static string ReplaceUnit(Random random, string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        int at = random.Next(text.Length);
        return text[..at] + (char)random.Next(0x10000) + text[(at + 1)..];
    }

    private static string Duplicate(Random random, string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        int start = random.Next(text.Length);
        int length = 1 + random.Next(text.Length - start);
        return text.Insert(random.Next(text.Length + 1), text.Substring(start, length));
    }

    private static string Truncate(Random random, string text) => text.Length == 0 ? text : text[..random.Next(text.Length)];

    private static string SwapUnits(Random random, string text)
    {
        if (text.Length < 2)
        {
            return text;
        }

        char[] units = text.ToCharArray();
        int a = random.Next(units.Length), b = random.Next(units.Length);
        (units[a], units[b]) = (units[b], units[a]);
        return new string(units);
    }
}
