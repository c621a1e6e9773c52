namespace TensorGen
{
    /// <summary>What a <see cref="TensorTrainKernelAttribute"/> method computes from a <c>TensorTrain&lt;T&gt;</c> (an MPS).</summary>
    public enum TensorTrainOperation
    {
        /// <summary>The dense tensor: <c>static partial void F(TensorTrain&lt;T&gt; x, TensorSpan&lt;T&gt; result)</c>.</summary>
        Reconstruct = 0,

        /// <summary>n-mode products with dense matrices U [m_k, n_k] along <c>Modes</c>; a dense result.</summary>
        ModeProduct = 1,

        /// <summary>Contraction with dense vectors [n_k] along <c>Modes</c>; a dense result, or the scalar when every mode is contracted.</summary>
        ModeVectorProduct = 2,

        /// <summary>⟨x, y⟩ = Σ conj(x) y by the zipper sweep: <c>static partial T F(TensorTrain&lt;T&gt; x, TensorTrain&lt;T&gt; y)</c>.</summary>
        Inner = 3,

        /// <summary>The Frobenius norm without densifying.</summary>
        Norm = 4,
    }
}
