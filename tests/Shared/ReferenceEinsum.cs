using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;

namespace TensorGen.Tests.Reference;

/// <summary>
/// An independent numpy.einsum in double precision (real or complex), for checking TensorGen against: its own parser and one
/// plain loop over every index at once, sharing no code with src. Implements implicit output (labels
/// occurring once, by code point, after '...'), '...' broadcasting right-aligned across operands, diagonals
/// of repeated labels, size-1 broadcasting, and any Unicode letter (surrogate pairs included) as a label.
/// </summary>
public static class ReferenceEinsum
{
    /// <summary>Marks '...' while parsing a term; letters are their (non-negative) code points.</summary>
    private const int EllipsisMark = -1;

    public static RefArray Evaluate(string expression, params RefArray[] operands)
    {
        (double[] data, int[] shape) = Evaluate(expression, operands.Select(o => (o.Data, o.Shape)).ToArray());
        return new RefArray(data, shape);
    }

    /// <summary>The same sum over complex elements, with numpy's semantics: products as written, nothing conjugated.</summary>
    public static ComplexRefArray Evaluate(string expression, params ComplexRefArray[] operands)
    {
        (Complex[] data, int[] shape) = Evaluate(expression, operands.Select(o => (o.Data, o.Shape)).ToArray());
        return new ComplexRefArray(data, shape);
    }

    /// <summary>One plain loop over every index at once, in <typeparamref name="TValue"/> (double or double-precision Complex).</summary>
    private static (TValue[] Data, int[] Shape) Evaluate<TValue>(string expression, (TValue[] Data, int[] Shape)[] operands)
        where TValue : INumberBase<TValue>
    {
        string text = string.Concat(expression.Where(c => c != ' '));
        int arrow = text.IndexOf("->", StringComparison.Ordinal);
        string inputsText = arrow < 0 ? text : text[..arrow];
        List<int>[] terms = inputsText.Split(',').Select(ParseTerm).ToArray();
        if (terms.Length != operands.Length)
        {
            throw new ArgumentException($"{terms.Length} terms but {operands.Length} operands.");
        }

        List<int> outputTerm = arrow < 0 ? ImplicitOutput(terms) : ParseTerm(text[(arrow + 2)..]);

        // How many dimensions each '...' covers; broadcast dimension j (of K) is the label −2 − j.
        int[] covered = new int[terms.Length];
        for (int n = 0; n < terms.Length; n++)
        {
            int letters = terms[n].Count(l => l != EllipsisMark);
            bool hasEllipsis = terms[n].Contains(EllipsisMark);
            covered[n] = operands[n].Shape.Length - letters;
            if (hasEllipsis ? covered[n] < 0 : covered[n] != 0)
            {
                throw new ArgumentException($"Operand {n} of rank {operands[n].Shape.Length} does not fit its term.");
            }
        }

        int k = covered.DefaultIfEmpty(0).Max();
        if (k > 0 && !outputTerm.Contains(EllipsisMark))
        {
            throw new ArgumentException("output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided");
        }

        int[][] dims = terms.Select((t, n) => Expand(t, covered[n], k)).ToArray();
        int[] outputLabels = Expand(outputTerm, k, k);
        if (outputLabels.Distinct().Count() != outputLabels.Length || outputLabels.Any(l => !dims.Any(d => d.Contains(l))))
        {
            throw new ArgumentException("An output label is repeated or appears in no input.");
        }

        var sizes = new Dictionary<int, int>();
        for (int n = 0; n < operands.Length; n++)
        {
            for (int d = 0; d < dims[n].Length; d++)
            {
                int label = dims[n][d], length = operands[n].Shape[d];
                for (int e = 0; e < d; e++)
                {
                    if (dims[n][e] == label && operands[n].Shape[e] != length)
                    {
                        throw new ArgumentException($"Operand {n}: diagonal over dimensions of lengths {operands[n].Shape[e]} and {length}.");
                    }
                }

                if (!sizes.TryGetValue(label, out int known) || (known == 1 && length != 1))
                {
                    sizes[label] = length;
                }
                else if (length != known && length != 1)
                {
                    throw new ArgumentException($"Operand {n}: length {length} where {known} was seen.");
                }
            }
        }

        int[] outputShape = outputLabels.Select(l => sizes[l]).ToArray();
        var result = new TValue[outputShape.Aggregate(1, (p, s) => p * s)];
        Array.Fill(result, TValue.Zero);
        int[] all = sizes.Keys.ToArray();
        int[] index = new int[all.Length];
        var position = new Dictionary<int, int>();
        for (int i = 0; i < all.Length; i++)
        {
            position[all[i]] = i;
        }

        if (all.All(l => sizes[l] > 0))
        {
            do
            {
                TValue product = TValue.One;
                for (int n = 0; n < operands.Length; n++)
                {
                    product *= operands[n].Data[Offset(dims[n], operands[n].Shape, l => index[position[l]])];
                }

                result[Offset(outputLabels, outputShape, l => index[position[l]])] += product;
            }
            while (Advance(index, all.Select(l => sizes[l]).ToArray()));
        }

        return (result, outputShape);
    }

    /// <summary>Row-major offset of the element at the labels' indices; a length-1 dimension is always at 0 (broadcast).</summary>
    private static int Offset(int[] labels, int[] shape, Func<int, int> indexOf)
    {
        int offset = 0;
        for (int d = 0; d < labels.Length; d++)
        {
            offset = (offset * shape[d]) + (shape[d] == 1 ? 0 : indexOf(labels[d]));
        }

        return offset;
    }

    private static bool Advance(int[] index, int[] extents)
    {
        for (int d = index.Length - 1; d >= 0; d--)
        {
            if (++index[d] < extents[d])
            {
                return true;
            }

            index[d] = 0;
        }

        return false;
    }

    /// <summary>The term's label per dimension, '...' replaced by the last <paramref name="covered"/> of the K broadcast labels.</summary>
    private static int[] Expand(List<int> term, int covered, int k)
    {
        var labels = new List<int>();
        foreach (int label in term)
        {
            if (label == EllipsisMark)
            {
                labels.AddRange(Enumerable.Range(k - covered, covered).Select(j => -2 - j));
            }
            else
            {
                labels.Add(label);
            }
        }

        return labels.ToArray();
    }

    private static List<int> ImplicitOutput(List<int>[] terms)
    {
        var letters = terms.SelectMany(t => t).Where(l => l != EllipsisMark).ToList();
        var output = new List<int>();
        if (terms.Any(t => t.Contains(EllipsisMark)))
        {
            output.Add(EllipsisMark);
        }

        output.AddRange(letters.Where(l => letters.Count(m => m == l) == 1).OrderBy(l => l));
        return output;
    }

    private static List<int> ParseTerm(string term)
    {
        var labels = new List<int>();
        for (int i = 0; i < term.Length;)
        {
            if (string.CompareOrdinal(term, i, "...", 0, 3) == 0)
            {
                labels.Add(EllipsisMark);
                i += 3;
            }
            else if (char.IsLetter(term, i))
            {
                labels.Add(char.ConvertToUtf32(term, i));
                i += char.IsSurrogatePair(term, i) ? 2 : 1;
            }
            else
            {
                throw new ArgumentException($"'{term[i]}' at {i.ToString(CultureInfo.InvariantCulture)} of \"{term}\" is not a label.");
            }
        }

        return labels;
    }
}
