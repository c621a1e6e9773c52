using System;

namespace TensorGen;

/// <summary>
/// Generates the body of a <c>static partial void</c> method computing MACE's symmetric contraction (Batatia et al., NeurIPS 2022,
/// eqs. 10–11; <c>mace.modules.symmetric_contraction.SymmetricContraction</c>): for every atom z with chemical element e = elements[z]
/// and every channel c, <c>B[z, c] = Σ_ν Σ_k W_ν[e, k, c] U_ν[·, i₁…i_ν, k] A[z, c, i₁] ⋯ A[z, c, i_ν]</c> for ν = 1 … <see cref="Correlation"/>,
/// with MACE's coupling tensors U_ν (chained Wigner 3j symbols, e3nn's real basis and "component" normalization) computed exactly
/// at build time and only their non-zeros in the generated code. The method takes
/// <c>(ReadOnlyTensorSpan&lt;T&gt; a, ReadOnlyTensorSpan&lt;T&gt; weights, ReadOnlySpan&lt;int&gt; elements, TensorSpan&lt;T&gt; output)</c>, T float or
/// double: a [Z, dimIn] and output [Z, dimOut] in e3nn's mul_ir layout (the layout MACE's <c>reshape_irreps</c> reads and its output
/// has), elements [Z] (MACE's one-hot node attributes as indices 0 … Elements − 1), weights [W] flat in MACE's parameter order:
/// for each output irrep i, <c>contractions[i].weights_max</c> (order Correlation) then <c>contractions[i].weights[0]</c>,
/// <c>weights[1]</c>, … (orders Correlation − 1 … 1), each [Elements, K_ν, channels] row-major —
/// <c>torch.cat([p.flatten() for p in module.parameters()])</c>. Every irrep block has one multiplicity, the channels.
/// </summary>
/// <example>
/// <code>
/// [SymmetricContraction("128x0e+128x1o+128x2e", "128x0e+128x1o", Correlation = 3, Elements = 10)]
/// public static partial void Product(ReadOnlyTensorSpan&lt;float&gt; a, ReadOnlyTensorSpan&lt;float&gt; weights,
///     ReadOnlySpan&lt;int&gt; elements, TensorSpan&lt;float&gt; output);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SymmetricContractionAttribute : Attribute
{
    /// <summary>Declares the contraction of <paramref name="irrepsIn"/> into <paramref name="irrepsOut"/>.</summary>
    /// <param name="irrepsIn">A's irreps in e3nn's grammar, e.g. <c>"128x0e+128x1o+128x2e"</c>; every block with the same multiplicity.</param>
    /// <param name="irrepsOut">The output's irreps, e.g. <c>"128x0e+128x1o"</c>, with the input's multiplicity.</param>
    public SymmetricContractionAttribute(string irrepsIn, string irrepsOut)
    {
        IrrepsIn = irrepsIn;
        IrrepsOut = irrepsOut;
    }

    /// <summary>A's irreps.</summary>
    public string IrrepsIn { get; }

    /// <summary>The output's irreps.</summary>
    public string IrrepsOut { get; }

    /// <summary>The correlation order ν, 1 to 4 (the body order is ν + 1; default 3, MACE's).</summary>
    public int Correlation { get; set; } = 3;

    /// <summary>The number of chemical elements: the first axis of every weight tensor (default 1).</summary>
    public int Elements { get; set; } = 1;

    /// <summary>The Wigner 3j sign convention (default e3nn ≥ 0.5; E3nnLegacy for models trained with e3nn 0.4.4, which MACE pins).</summary>
    public Wigner3jConvention Wigner3j { get; set; }
}
