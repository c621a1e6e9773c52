using System.Collections.Generic;
using System.Linq;

namespace TensorGen.Equivariance;

/// <summary>
/// One weight tensor of MACE's symmetric contraction: W[element, k, channel] for output block <see cref="Output"/> and
/// correlation order <see cref="Correlation"/> (MACE's <c>contractions[Output].weights_max</c> for the highest order,
/// <c>weights[j]</c> for order correlation − 1 − j), stored at <see cref="Offset"/> of the flat weights, row-major.
/// </summary>
internal sealed record SymmetricContractionBlock(int Output, int Correlation, int Parameters, int Offset, int Row, IReadOnlyList<string> PathNames);

/// <summary>
/// A product of inputs A_{i₁} ⋯ A_{i_ν} with i₁ ≤ … ≤ i_ν (one channel): formed as <see cref="Prefix"/> (the product
/// without the last factor, −1 for a single input) times A_<see cref="Last"/>.
/// </summary>
internal sealed record SymmetricMonomial(IReadOnlyList<int> Factors, int Prefix, int Last)
{
    public int Degree => Factors.Count;
}

/// <summary>
/// One non-zero of the symmetrized coupling tensors: output feature <see cref="Component"/> (of one channel) receives
/// G[term] · monomial, where per element and channel G = Σ_k <see cref="Coefficients"/>[k] · W_block[element, k, channel].
/// The coefficient of the sorted monomial is the sum of U_ν over the distinct orderings of its indices (exact, then rounded
/// once): the products A^⊗ν are symmetric, so only U's symmetric part contributes.
/// </summary>
internal sealed record SymmetricContractionTerm(int Component, int Monomial, int Block, IReadOnlyList<(int Parameter, double Value)> Coefficients);

/// <summary>
/// MACE's symmetric contraction (Batatia et al., NeurIPS 2022, eqs. 10–11) as data: B[o, c] = Σ_ν Σ_k W_ν[e, k, c] Σ U_ν[o, i…, k]
/// A[i₁, c] ⋯ A[i_ν, c], for every channel c and the atom's element e, evaluated through the symmetric monomials of A and
/// per-element folded coefficients (<see cref="Terms"/>). Features follow e3nn's mul_ir layout: block b of the input holds
/// channel c's component m at <c>offset_b + c·(2l+1) + m</c>; the output likewise.
/// </summary>
internal sealed class SymmetricContractionSpec
{
    public SymmetricContractionSpec(Irreps irrepsIn, Irreps irrepsOut, int correlation, int elements, Wigner3jPhase phase,
        IReadOnlyList<SymmetricContractionBlock> blocks, IReadOnlyList<SymmetricMonomial> monomials, IReadOnlyList<SymmetricContractionTerm> terms)
    {
        IrrepsIn = irrepsIn;
        IrrepsOut = irrepsOut;
        Correlation = correlation;
        Elements = elements;
        Phase = phase;
        Blocks = blocks;
        Monomials = monomials;
        Terms = terms;
    }

    public Irreps IrrepsIn { get; }

    public Irreps IrrepsOut { get; }

    public int Correlation { get; }

    public int Elements { get; }

    public Wigner3jPhase Phase { get; }

    /// <summary>The multiplicity every block shares: MACE's channels.</summary>
    public int Channels => IrrepsIn[0].Mul;

    /// <summary>Features of one channel of the input (Σ 2l+1 over the input blocks): the coupling index i.</summary>
    public int CouplingDim => IrrepsIn.Blocks.Sum(b => b.Irrep.Dim);

    /// <summary>Features of one channel of the output (Σ 2l+1 over the output blocks): the component o.</summary>
    public int OutputDim => IrrepsOut.Blocks.Sum(b => b.Irrep.Dim);

    /// <summary>The weight tensors in MACE's parameter order.</summary>
    public IReadOnlyList<SymmetricContractionBlock> Blocks { get; }

    /// <summary>Every monomial a term or a longer monomial needs; a prefix comes before the monomials built on it.</summary>
    public IReadOnlyList<SymmetricMonomial> Monomials { get; }

    /// <summary>The terms, by output component.</summary>
    public IReadOnlyList<SymmetricContractionTerm> Terms { get; }

    /// <summary>Rows of the flat weights when each [element, k] row holds the channels: Σ elements · K.</summary>
    public int WeightRows => Blocks.Sum(b => Elements * b.Parameters);

    /// <summary>Length of the flat weights: Σ elements · K · channels (MACE's <c>parameters()</c> concatenated).</summary>
    public long WeightCount => (long)WeightRows * Channels;

    /// <summary>Multiplications per channel and atom of the forward pass: the products forming monomials, and one per term.</summary>
    public int ForwardMultipliesPerChannel => Monomials.Count(m => m.Degree > 1) + Terms.Count;

    /// <summary>Non-zero (term, parameter) coefficients: the work of folding one element's weights, per channel.</summary>
    public int Coefficients => Terms.Sum(t => t.Coefficients.Count);
}
