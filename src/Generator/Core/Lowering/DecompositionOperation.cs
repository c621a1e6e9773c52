namespace TensorGen.Decompositions.Lowering;

/// <summary>
/// The operations lowered to einsum networks over a format's components. The public per-format enums of
/// TensorGen.Dsl (CpOperation, TuckerOperation, …) name subsets of these.
/// </summary>
internal enum DecompositionOperation
{
    /// <summary>The dense tensor (for a TT-matrix: rows' modes, then columns' modes).</summary>
    Reconstruct,

    /// <summary>n-mode products with dense matrices U [m_k, n_k] along chosen modes; a dense result with n_k replaced by m_k.</summary>
    ModeProduct,

    /// <summary>Contraction with dense vectors [n_k] along chosen modes; a dense result over the other modes.</summary>
    ModeVectorProduct,

    /// <summary>⟨x, y⟩ = Σ conj(x) y of two tensors of one format, without densifying either.</summary>
    Inner,

    /// <summary>‖x‖ = √⟨x, x⟩, without densifying.</summary>
    Norm,

    /// <summary>
    /// CP's matricized tensor times Khatri–Rao product, M = X_(n) (⊙_{k≠n} A⁽ᵏ⁾), without forming the Khatri–Rao product
    /// (Kolda &amp; Bader 2009 §3.4: the weights are not applied). For a 3-way tensor the network "ijk,jr,kr->ir" is the
    /// runtime's fused MTTKRP.
    /// </summary>
    Mttkrp,

    /// <summary>TT-matrix times a dense vector of shape [n_1, …, n_N]; a dense result of shape [m_1, …, m_N].</summary>
    MatVec,

    /// <summary>TT-matrix times tensor train, core by core; a tensor train whose ranks are the products of the operands' ranks.</summary>
    Apply,

    /// <summary>⟨x | A | y⟩ = Σ conj(x) A y for tensor trains x, y and a TT-matrix A (an MPS expectation value when x = y).</summary>
    Expectation,
}
