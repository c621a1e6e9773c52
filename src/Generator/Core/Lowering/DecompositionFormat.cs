namespace TensorGen.Decompositions.Lowering;

/// <summary>The decomposed formats TensorGen lowers to einsum networks.</summary>
internal enum DecompositionFormat
{
    /// <summary>
    /// CP (CANDECOMP/PARAFAC): X = Σ_r λ_r a⁽¹⁾_r ∘ … ∘ a⁽ᴺ⁾_r, weights λ [R] and one factor [n_k, R] per mode
    /// (Kolda &amp; Bader 2009, SIAM Review 51(3) §3).
    /// </summary>
    Cp,

    /// <summary>Tucker: X = G ×₁ U⁽¹⁾ ⋯ ×_N U⁽ᴺ⁾, core G [r_1, …, r_N] and one factor [n_k, r_k] per mode (Kolda &amp; Bader 2009 §4).</summary>
    Tucker,

    /// <summary>Tensor train / MPS: cores [r_{k−1}, n_k, r_k] with r_0 = r_N = 1 (Oseledets 2011, SIAM J. Sci. Comput. 33(5)).</summary>
    TensorTrain,

    /// <summary>TT-matrix / MPO: cores [r_{k−1}, m_k, n_k, r_k] with r_0 = r_N = 1, a matrix of (m_1⋯m_N) rows and (n_1⋯n_N) columns.</summary>
    TensorTrainMatrix,
}
