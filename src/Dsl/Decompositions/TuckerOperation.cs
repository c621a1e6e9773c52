namespace TensorGen
{
    /// <summary>What a <see cref="TuckerKernelAttribute"/> method computes from a <c>TuckerTensor&lt;T&gt;</c> x = G ×₁ U⁽¹⁾ ⋯ ×_N U⁽ᴺ⁾.</summary>
    public enum TuckerOperation
    {
        /// <summary>The dense tensor: <c>static partial void F(TuckerTensor&lt;T&gt; x, TensorSpan&lt;T&gt; result)</c>.</summary>
        Reconstruct = 0,

        /// <summary>n-mode products with dense matrices U [m_k, n_k] along <c>Modes</c>; a dense result.</summary>
        ModeProduct = 1,

        /// <summary>Contraction with dense vectors [n_k] along <c>Modes</c>; a dense result, or the scalar when every mode is contracted.</summary>
        ModeVectorProduct = 2,

        /// <summary>⟨x, y⟩ = Σ conj(x) y without densifying.</summary>
        Inner = 3,

        /// <summary>The Frobenius norm without densifying.</summary>
        Norm = 4,
    }
}
