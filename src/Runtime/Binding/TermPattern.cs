using System;

namespace TensorGen.Runtime;

/// <summary>
/// One term of an expression as label ids: the letters before its <c>...</c>, whether it has one, and the
/// letters after. Letters have ids 0..L−1 (see <see cref="ExpressionLabels"/>); once the ellipsis rank K is
/// known, the broadcast dimensions of <c>...</c> get ids L..L+K−1, right-aligned as numpy aligns them.
/// </summary>
internal sealed class TermPattern
{
    public TermPattern(int[] leading, bool hasEllipsis, int[] trailing, string text)
    {
        Leading = leading;
        HasEllipsis = hasEllipsis;
        Trailing = trailing;
        Text = text;
    }

    /// <summary>Letter ids before the ellipsis (all of them when there is none).</summary>
    public int[] Leading { get; }

    public bool HasEllipsis { get; }

    /// <summary>Letter ids after the ellipsis.</summary>
    public int[] Trailing { get; }

    /// <summary>The term as written, e.g. <c>"...ij"</c>, for messages.</summary>
    public string Text { get; }

    public int LetterCount => Leading.Length + Trailing.Length;

    /// <summary>True for a term with no index and no ellipsis: a scalar.</summary>
    public bool IsScalar => LetterCount == 0 && !HasEllipsis;

    /// <summary>
    /// The label id of dimension <paramref name="dimension"/> of an operand bound to this term whose
    /// <c>...</c> covers <paramref name="ellipsisDimensions"/> dimensions; those are the last ones of the
    /// expression's <paramref name="ellipsisRank"/> broadcast dimensions (numpy aligns them to the right).
    /// </summary>
    public int LabelOfDimension(int dimension, int ellipsisDimensions, int ellipsisRank, int letterCount)
    {
        if (dimension < Leading.Length)
        {
            return Leading[dimension];
        }

        int inEllipsis = dimension - Leading.Length;
        if (inEllipsis < ellipsisDimensions)
        {
            return letterCount + (ellipsisRank - ellipsisDimensions) + inEllipsis;
        }

        int trailing = inEllipsis - ellipsisDimensions;
        if (trailing >= Trailing.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension));
        }

        return Trailing[trailing];
    }

    /// <summary>The label id of every dimension, in order.</summary>
    public int[] LabelsOfDimensions(int ellipsisDimensions, int ellipsisRank, int letterCount)
    {
        var labels = new int[LetterCount + ellipsisDimensions];
        for (int d = 0; d < labels.Length; d++)
        {
            labels[d] = LabelOfDimension(d, ellipsisDimensions, ellipsisRank, letterCount);
        }

        return labels;
    }
}
