using TensorGen.Equivariance;
using static TensorGen.Emit.CSharpLiteral;

namespace TensorGen.Emit.Equivariant;

/// <summary>
/// One path of a tensor product as the kernels see it, computed once and rendered by the CPU writer
/// (<see cref="TensorProductPathWriter"/>: SIMD lanes across a tile of rows) and the GPU writer (<see cref="GpuPathWriter"/>:
/// one thread per batch row and channel): its multiplicities and dimensions, the non-zero structure of its Clebsch–Gordan
/// tensor (<see cref="Terms"/>: the folds c_ik = Σ_j C_ijk x2_j and the products t_k = Σ_i x1_i c_ik), and the per-path
/// decisions both backends take from the connection mode. It plays the part <c>ContractionPlan</c> plays for einsum.
/// </summary>
internal sealed class TensorProductPathPlan
{
    /// <summary>The most multiplicity pairs × components whose CG sums the CPU kernel keeps on the stack for the weight contraction (128 KiB of doubles).</summary>
    private const int MaxStackedProducts = 4096;

    public TensorProductPathPlan(TensorProductPath path)
    {
        Path = path;
        Terms = new PathSparsity(path);
    }

    public TensorProductPath Path { get; }

    /// <summary>The non-zero coefficients, grouped into folds and products.</summary>
    public PathSparsity Terms { get; }

    public ConnectionMode Mode => Path.Mode;

    public bool HasWeight => Path.HasWeight;

    /// <summary>x1's multiplicity (the u channels).</summary>
    public int U => Path.Block1.Mul;

    /// <summary>x2's multiplicity (the v channels).</summary>
    public int V => Path.Block2.Mul;

    /// <summary>The output's multiplicity (the w channels).</summary>
    public int W => Path.BlockOut.Mul;

    public int D1 => Path.Block1.Irrep.Dim;

    public int D2 => Path.Block2.Irrep.Dim;

    public int D3 => Path.BlockOut.Irrep.Dim;

    /// <summary>uuu and uuw: x1 and x2 share the channel u, so the fold is per u.</summary>
    public bool IsUu => Mode is ConnectionMode.Uuu or ConnectionMode.Uuw;

    /// <summary>Unweighted uuw: every u adds into the one output channel.</summary>
    public bool SumsOverU => Mode == ConnectionMode.Uuw && !HasWeight;

    /// <summary>
    /// uvw and weighted uuw: each output channel mixes every multiplicity pair through W[pair, o] (CG first, then the
    /// weights); the backward pass goes through h_k = Σ_o W[pair, o] g[o, k].
    /// </summary>
    public bool ContractsWeights => Mode == ConnectionMode.Uvw || (Mode == ConnectionMode.Uuw && HasWeight);

    /// <summary>The multiplicity pairs (u, v), or the u's of the uu modes.</summary>
    public long PairCount => TensorProductCost.Pairs(Path);

    /// <summary>The pair (u, v) as an index: u·mul2 + v.</summary>
    public string PairIndex => $"(u * {Int(V)}) + v";

    /// <summary>The output channel of a uvu (u) or uvuv (u·mul2 + v) pair.</summary>
    public string OutputChannel => Mode == ConnectionMode.Uvu ? "u" : $"({PairIndex})";

    /// <summary>
    /// CPU: whether the path contracts its weights as a matrix product after the CG sums: uvw and weighted uuw, where each
    /// output multiplicity mixes every pair (t[pair, k] on the stack, then out[o, k] = Σ_pair W[pair, o] t[pair, k] in
    /// register blocks), while the products fit the stack.
    /// </summary>
    public bool UsesGemm => ContractsWeights && PairCount * D3 <= MaxStackedProducts;

    /// <summary>CPU: whether the forward code writes each element of its output block exactly once (so it may store instead of add).</summary>
    public bool WritesOnce => UsesGemm || Mode switch
    {
        ConnectionMode.Uvu => V == 1,
        ConnectionMode.Uuu or ConnectionMode.Uvuv or ConnectionMode.Uvv => true,
        ConnectionMode.Uuw => !HasWeight,
        _ => false,
    };

    /// <summary>CPU: the register-block width of the weight contraction: enough accumulators to hide the FMA latency, few enough to stay in registers.</summary>
    public int GemmBlock => System.Math.Max(1, System.Math.Min(8, 24 / Terms.UsedK.Count));

    /// <summary>GPU: whether the forward fold does not depend on the output channel (uvu with one x2 channel), so it is written once before the channel loop.</summary>
    public bool HoistsFold => Mode == ConnectionMode.Uvu && V == 1;
}
