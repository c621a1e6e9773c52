namespace TensorGen.Runtime;

/// <summary>
/// What the operands' shapes say about an expression: how many broadcast dimensions <c>...</c> stands for,
/// how many of them each operand has, every label's size and the output's shape.
/// </summary>
internal sealed class ResolvedShapes
{
    public ResolvedShapes(int ellipsisRank, int[] ellipsisDimensions, nint[] sizes, nint[] outputShape)
    {
        EllipsisRank = ellipsisRank;
        EllipsisDimensions = ellipsisDimensions;
        Sizes = sizes;
        OutputShape = outputShape;
    }

    /// <summary>K: the most dimensions any operand's <c>...</c> covers.</summary>
    public int EllipsisRank { get; }

    /// <summary>Per input, the dimensions its <c>...</c> covers (0 for a term without one).</summary>
    public int[] EllipsisDimensions { get; }

    /// <summary>Per label id (letters, then the K broadcast dimensions), its size after size-1 broadcasting.</summary>
    public nint[] Sizes { get; }

    public nint[] OutputShape { get; }
}
