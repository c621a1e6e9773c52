namespace TensorGen.Planning;

/// <summary>
/// A node of a <see cref="ContractionTree"/>: an input operand (a leaf), a unary step that sums indices out of
/// one operand, or a pairwise contraction. Each node knows the inputs below it, the index set of its result,
/// the result's size and the cost of the step that makes it (opt_einsum's units; see <see cref="CostModel"/>).
/// </summary>
internal sealed class ContractionTreeNode
{
    private ContractionTreeNode(int input, ContractionTreeNode? left, ContractionTreeNode? right, BitSet tensors, BitSet indices,
        double size, double flops, BitSet involved)
    {
        Input = input;
        Left = left;
        Right = right;
        Tensors = tensors;
        Indices = indices;
        Size = size;
        Flops = flops;
        Involved = involved;
    }

    /// <summary>The input operand a leaf stands for; −1 for a step.</summary>
    public int Input { get; }

    /// <summary>The operand a step reads first (the only one of a unary step); null for a leaf.</summary>
    public ContractionTreeNode? Left { get; }

    /// <summary>The second operand of a pairwise step; null for a leaf or a unary step.</summary>
    public ContractionTreeNode? Right { get; }

    public bool IsLeaf => Input >= 0;

    public bool IsUnary => Input < 0 && Right is null;

    /// <summary>The input operands under this node.</summary>
    public BitSet Tensors { get; }

    /// <summary>The indices of this node's result.</summary>
    public BitSet Indices { get; }

    /// <summary>The indices the step loops over (its operands' indices together); a leaf's own indices.</summary>
    public BitSet Involved { get; }

    /// <summary>The number of elements of this node's result.</summary>
    public double Size { get; }

    /// <summary>The cost of the step that makes this node (0 for a leaf).</summary>
    public double Flops { get; }

    /// <summary>Whether the step sums an index (its loop nest has indices its result lacks).</summary>
    public bool SumsIndex => !IsLeaf && !Involved.IsSubsetOf(Indices);

    public static ContractionTreeNode Leaf(ContractionNetwork network, int input)
    {
        BitSet indices = network.Inputs[input];
        return new ContractionTreeNode(input, null, null, BitSet.Single(network.TensorWords, input), indices, network.Size(indices), 0, indices);
    }

    /// <summary>
    /// A unary step over <paramref name="operand"/> that keeps only the indices the output or another operand
    /// needs; on a leaf this sums out its dangling indices (opt_einsum's dp does this before pairing).
    /// </summary>
    public static ContractionTreeNode Unary(ContractionNetwork network, ContractionTreeNode operand)
    {
        BitSet result = network.Legs(operand.Indices, operand.Tensors);
        bool summed = !operand.Indices.IsSubsetOf(result);
        return new ContractionTreeNode(-1, operand, null, operand.Tensors, result, network.Size(result),
            CostModel.StepFlops(operand.Size, terms: 1, summed), operand.Indices);
    }

    /// <summary>The pairwise contraction of two disjoint subtrees.</summary>
    public static ContractionTreeNode Contract(ContractionNetwork network, ContractionTreeNode left, ContractionTreeNode right)
    {
        BitSet tensors = left.Tensors.Union(right.Tensors);
        BitSet involved = left.Indices.Union(right.Indices);
        BitSet result = network.Legs(involved, tensors);
        bool summed = !involved.IsSubsetOf(result);
        return new ContractionTreeNode(-1, left, right, tensors, result, network.Size(result),
            CostModel.StepFlops(network.Size(involved), terms: 2, summed), involved);
    }
}
