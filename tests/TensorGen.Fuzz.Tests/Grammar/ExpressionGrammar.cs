using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TensorGen.Fuzz.Tests.Grammar;

/// <summary>One term of an expression: its labels in dimension order, <c>"..."</c> standing for the broadcast dimensions.</summary>
internal sealed record Term(IReadOnlyList<string> Labels)
{
    public const string Ellipsis = "...";

    public bool HasEllipsis => Labels.Contains(Ellipsis);

    public IEnumerable<string> Letters => Labels.Where(l => l != Ellipsis);

    public override string ToString() => string.Concat(Labels);
}

/// <summary>A valid expression: the input terms and the output term (numpy's implicit output written out).</summary>
internal sealed record ParsedExpression(IReadOnlyList<Term> Inputs, Term Output)
{
    public bool HasEllipsis => Inputs.Any(t => t.HasEllipsis) || Output.HasEllipsis;

    /// <summary>Every distinct letter of the inputs, in order of first appearance.</summary>
    public IReadOnlyList<string> Letters => Inputs.SelectMany(t => t.Letters).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The expression with its output written out and no white space, as the reference interpreter reads it.</summary>
    public string Explicit => string.Join(",", Inputs) + "->" + Output;
}

/// <summary>
/// TensorGen's einsum grammar as README documents it, written independently of src/Generator/Core/Parsing so that a
/// fuzzer can tell a valid expression from an invalid one without asking the code under test: terms of Unicode
/// letters (categories Lu, Ll, Lt, Lm, Lo; surrogate pairs included) separated by ',', at most one <c>-&gt;</c>
/// followed by a single output term, at most one <c>...</c> per term, white space between tokens ignored (not inside
/// <c>-&gt;</c> or <c>...</c>); the output names each index once and only indices of the inputs. Without
/// <c>-&gt;</c> the output is numpy's: <c>...</c> if any input has it, then the letters occurring exactly once, by code point.
/// </summary>
internal static class ExpressionGrammar
{
    public static ParsedExpression? TryParse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var inputs = new List<Term>();
        Term? output = null;
        var labels = new List<string>();
        bool afterArrow = false;
        int i = 0;
        while (true)
        {
            bool end = i == text.Length;
            if (end || text[i] == ',' || (text[i] == '-' && !afterArrow))
            {
                if (!end && text[i] == ',' && afterArrow)
                {
                    return null;
                }

                var term = new Term(labels.ToArray());
                labels.Clear();
                if (afterArrow)
                {
                    output = term;
                }
                else
                {
                    inputs.Add(term);
                }

                if (end)
                {
                    break;
                }

                if (text[i] == '-')
                {
                    if (i + 1 == text.Length || text[i + 1] != '>')
                    {
                        return null;
                    }

                    afterArrow = true;
                    i += 2;
                }
                else
                {
                    i++;
                }

                continue;
            }

            if (char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            else if (string.CompareOrdinal(text, i, Term.Ellipsis, 0, 3) == 0)
            {
                if (labels.Contains(Term.Ellipsis))
                {
                    return null;
                }

                labels.Add(Term.Ellipsis);
                i += 3;
            }
            else if (IsLetter(text, i, out int width))
            {
                labels.Add(text.Substring(i, width));
                i += width;
            }
            else
            {
                return null;
            }
        }

        output ??= ImplicitOutput(inputs);
        var inputLetters = new HashSet<string>(inputs.SelectMany(t => t.Letters), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string letter in output.Letters)
        {
            if (!seen.Add(letter) || !inputLetters.Contains(letter))
            {
                return null;
            }
        }

        return new ParsedExpression(inputs, output);
    }

    /// <summary>Whether a letter (one UTF-16 unit, or a surrogate pair) starts at <paramref name="index"/>.</summary>
    public static bool IsLetter(string text, int index, out int width)
    {
        width = char.IsSurrogatePair(text, index) ? 2 : 1;
        return CharUnicodeInfo.GetUnicodeCategory(text, index) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter;
    }

    private static Term ImplicitOutput(List<Term> inputs)
    {
        var letters = inputs.SelectMany(t => t.Letters).ToList();
        var once = letters.GroupBy(l => l, StringComparer.Ordinal).Where(g => g.Count() == 1).Select(g => g.Key)
            .OrderBy(l => char.ConvertToUtf32(l, 0));
        var labels = new List<string>();
        if (inputs.Any(t => t.HasEllipsis))
        {
            labels.Add(Term.Ellipsis);
        }

        labels.AddRange(once);
        return new Term(labels);
    }
}
