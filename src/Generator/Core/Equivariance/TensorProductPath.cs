using System.Globalization;
using System.Linq;

namespace TensorGen.Equivariance;

/// <summary>
/// One instruction of a built tensor product with everything a kernel needs: the blocks it couples, its Wigner
/// 3j symbol, its normalized path weight and where its weights are in the flat weight vector.
/// </summary>
internal sealed class TensorProductPath
{
    public TensorProductPath(int index, TensorProductInstruction instruction, Irreps irreps1, Irreps irreps2, Irreps irrepsOut,
        double normalizedWeight, int weightOffset, Wigner3jPhase phase)
    {
        Index = index;
        Instruction = instruction;
        Block1 = irreps1[instruction.In1];
        Block2 = irreps2[instruction.In2];
        BlockOut = irrepsOut[instruction.Out];
        Offset1 = irreps1.Offsets[instruction.In1];
        Offset2 = irreps2.Offsets[instruction.In2];
        OffsetOut = irrepsOut.Offsets[instruction.Out];
        NormalizedWeight = normalizedWeight;
        PathShape = instruction.Mode.PathShape(Block1.Mul, Block2.Mul, BlockOut.Mul);
        WeightOffset = weightOffset;
        WeightCount = instruction.HasWeight ? PathShape.Aggregate(1, (p, n) => checked(p * n)) : 0;
        Symbol = Wigner3j.Get(Block1.Irrep.L, Block2.Irrep.L, BlockOut.Irrep.L, phase);
    }

    /// <summary>The instruction's position in the product's instruction list.</summary>
    public int Index { get; }

    public TensorProductInstruction Instruction { get; }

    public ConnectionMode Mode => Instruction.Mode;

    public bool HasWeight => Instruction.HasWeight;

    public MulIrrep Block1 { get; }

    public MulIrrep Block2 { get; }

    public MulIrrep BlockOut { get; }

    /// <summary>Where the x1 block starts in a row of x1.</summary>
    public int Offset1 { get; }

    public int Offset2 { get; }

    public int OffsetOut { get; }

    /// <summary>e3nn's <c>path_weight</c> after normalization: √α, including the user's factor.</summary>
    public double NormalizedWeight { get; }

    /// <summary>e3nn's <c>path_shape</c>.</summary>
    public int[] PathShape { get; }

    /// <summary>Where this path's weights start in the flat weight vector (meaningless when it has none).</summary>
    public int WeightOffset { get; }

    /// <summary>The product of <see cref="PathShape"/> when weighted, else 0.</summary>
    public int WeightCount { get; }

    public Wigner3j Symbol { get; }

    /// <summary>Whether any multiplicity is zero, so the path contributes nothing.</summary>
    public bool IsEmpty => Block1.Mul == 0 || Block2.Mul == 0 || BlockOut.Mul == 0;

    /// <summary>e.g. <c>128x1o ⊗ 1x2e → 128x3o</c>.</summary>
    public string Describe() => Block1 + " x " + Block2 + " -> " + BlockOut;

    public string Shape() => "[" + string.Join(", ", PathShape.Select(n => n.ToString(CultureInfo.InvariantCulture))) + "]";
}
