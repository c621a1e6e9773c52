using System;

namespace TensorGen.Runtime;

/// <summary>
/// Applies numpy.einsum's shape rules to the operands' lengths: a term without <c>...</c> needs exactly one
/// dimension per index; <c>...</c> covers the rest, right-aligned across operands; a repeated index within a
/// term (a diagonal) needs equal lengths; across operands an index's lengths must be equal or 1 (size-1
/// broadcasting; 0 is a real length). Every violation is an <see cref="ArgumentException"/> naming the
/// parameter and showing the shapes involved.
/// </summary>
internal static class ShapeResolver
{
    private const nint Unknown = -1;

    public static ResolvedShapes Resolve(ExpressionLabels labels, string expressionText, string[] names, nint[][] lengths)
    {
        int inputCount = labels.Inputs.Count;
        var ellipsisDimensions = new int[inputCount];
        int ellipsisRank = 0;
        int widest = -1;
        for (int i = 0; i < inputCount; i++)
        {
            TermPattern term = labels.Inputs[i];
            int rank = lengths[i].Length;
            if (!term.HasEllipsis && rank != term.LetterCount)
            {
                throw new ArgumentException(
                    $"Operand '{names[i]}' has shape {ShapeText.Format(lengths[i])} but expression term \"{term.Text}\" needs rank "
                    + $"{term.LetterCount} (one dimension per index). Pass a tensor with {ShapeText.Dimensions(term.LetterCount)}"
                    + (rank > term.LetterCount ? ", or add \"...\" to the term to broadcast the extra ones." : "."),
                    names[i]);
            }

            if (term.HasEllipsis && rank < term.LetterCount)
            {
                throw new ArgumentException(
                    $"Operand '{names[i]}' has shape {ShapeText.Format(lengths[i])} but expression term \"{term.Text}\" needs rank at least "
                    + $"{term.LetterCount} (one dimension per index; \"...\" covers any further ones).",
                    names[i]);
            }

            ellipsisDimensions[i] = rank - term.LetterCount;
            if (ellipsisDimensions[i] > ellipsisRank)
            {
                ellipsisRank = ellipsisDimensions[i];
                widest = i;
            }
        }

        if (ellipsisRank > 0 && !labels.Output.HasEllipsis)
        {
            // numpy's wording, so the error reads as numpy users know it.
            throw new ArgumentException(
                $"Expression \"{expressionText}\": output has more dimensions than subscripts given in einstein sum, but no '...' "
                + $"ellipsis provided to broadcast the extra dimensions (operand '{names[widest]}' has shape {ShapeText.Format(lengths[widest])}, "
                + $"so its \"...\" covers {ShapeText.Dimensions(ellipsisRank)}). Add \"...\" to the output.",
                names[widest]);
        }

        var sizes = new nint[labels.LetterCount + ellipsisRank];
        var sources = new int[sizes.Length];
        sizes.AsSpan().Fill(Unknown);
        for (int i = 0; i < inputCount; i++)
        {
            ThrowIfDiagonalMismatch(labels, names, lengths, i, ellipsisDimensions[i], ellipsisRank);
            for (int d = 0; d < lengths[i].Length; d++)
            {
                int label = labels.Inputs[i].LabelOfDimension(d, ellipsisDimensions[i], ellipsisRank, labels.LetterCount);
                nint length = lengths[i][d];
                nint known = sizes[label];
                if (known == Unknown || (known == 1 && length != 1))
                {
                    sizes[label] = length;
                    sources[label] = i;
                }
                else if (length != known && length != 1)
                {
                    throw Mismatch(labels, names, lengths, i, d, label, sources[label], known);
                }
            }
        }

        TermPattern output = labels.Output;
        int[] outputLabels = output.LabelsOfDimensions(output.HasEllipsis ? ellipsisRank : 0, ellipsisRank, labels.LetterCount);
        var outputShape = new nint[outputLabels.Length];
        for (int d = 0; d < outputLabels.Length; d++)
        {
            outputShape[d] = sizes[outputLabels[d]];
        }

        return new ResolvedShapes(ellipsisRank, ellipsisDimensions, sizes, outputShape);
    }

    /// <summary>numpy takes a diagonal only over dimensions of equal length; size-1 broadcasting does not apply within a term.</summary>
    private static void ThrowIfDiagonalMismatch(ExpressionLabels labels, string[] names, nint[][] lengths, int input,
        int ellipsisDimensions, int ellipsisRank)
    {
        TermPattern term = labels.Inputs[input];
        for (int d = 1; d < lengths[input].Length; d++)
        {
            int label = term.LabelOfDimension(d, ellipsisDimensions, ellipsisRank, labels.LetterCount);
            for (int e = 0; e < d; e++)
            {
                if (term.LabelOfDimension(e, ellipsisDimensions, ellipsisRank, labels.LetterCount) == label
                    && lengths[input][e] != lengths[input][d])
                {
                    throw new ArgumentException(
                        $"Operand '{names[input]}' has shape {ShapeText.Format(lengths[input])} but expression term \"{term.Text}\" repeats "
                        + $"index '{labels.NameOf(label)}', which takes a diagonal and so needs dimensions {e} and {d} to have equal lengths "
                        + $"({(long)lengths[input][e]} != {(long)lengths[input][d]}).",
                        names[input]);
                }
            }
        }
    }

    private static ArgumentException Mismatch(ExpressionLabels labels, string[] names, nint[][] lengths, int input, int dimension,
        int label, int source, nint known)
    {
        string needs = label < labels.LetterCount
            ? $"index '{labels.NameOf(label)}' = {(long)known}"
            : $"dimension {dimension} (part of \"...\") = {(long)known}";
        string rule = label < labels.LetterCount
            ? "An index has one size across operands; a length of 1 broadcasts."
            : "The dimensions of \"...\" are right-aligned across operands and must be equal or 1.";
        return new ArgumentException(
            $"Operand '{names[input]}' has shape {ShapeText.Format(lengths[input])} but expression term \"{labels.Inputs[input].Text}\" needs "
            + $"{needs} (from operand '{names[source]}' {ShapeText.Format(lengths[source])}). {rule}",
            names[input]);
    }
}
