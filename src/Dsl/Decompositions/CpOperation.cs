namespace TensorGen
{
    /// <summary>What a <see cref="CpKernelAttribute"/> method computes from a <c>CpTensor&lt;T&gt;</c> x = Σ_r λ_r a⁽¹⁾_r ∘ ⋯ ∘ a⁽ᴺ⁾_r.</summary>
    public enum CpOperation
    {
        /// <summary>The dense tensor: <c>static partial void F(CpTensor&lt;T&gt; x, TensorSpan&lt;T&gt; result)</c>.</summary>
        Reconstruct = 0,

        /// <summary>
        /// n-mode products with dense matrices U [m_k, n_k] along <c>Modes</c>, a dense result with n_k replaced by m_k:
        /// <c>static partial void F(CpTensor&lt;T&gt; x, ReadOnlyTensorSpan&lt;T&gt; u, …, TensorSpan&lt;T&gt; result)</c>.
        /// </summary>
        ModeProduct = 1,

        /// <summary>
        /// Contraction with dense vectors [n_k] along <c>Modes</c>; a dense result over the other modes, or the scalar
        /// returned when every mode is contracted.
        /// </summary>
        ModeVectorProduct = 2,

        /// <summary>⟨x, y⟩ = Σ conj(x) y without densifying: <c>static partial T F(CpTensor&lt;T&gt; x, CpTensor&lt;T&gt; y)</c>.</summary>
        Inner = 3,

        /// <summary>The Frobenius norm without densifying; returns <c>float</c> for float, <c>double</c> for double and Complex.</summary>
        Norm = 4,

        /// <summary>
        /// The MTTKRP X_(n) (⊙_{k≠n} A⁽ᵏ⁾) along the one mode in <c>Modes</c>, without forming the Khatri–Rao product (the
        /// weights are not applied, as in Kolda and Bader's definition; a 3-way MTTKRP runs TensorGen's fused kernel):
        /// <c>static partial void F(ReadOnlyTensorSpan&lt;T&gt; x, CpTensor&lt;T&gt; factors, TensorSpan&lt;T&gt; result)</c>, result [n_n, R].
        /// </summary>
        Mttkrp = 5,
    }
}
