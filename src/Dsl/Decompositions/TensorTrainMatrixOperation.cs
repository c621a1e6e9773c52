namespace TensorGen
{
    /// <summary>What a <see cref="TensorTrainMatrixKernelAttribute"/> method computes from a <c>TensorTrainMatrix&lt;T&gt;</c> (an MPO).</summary>
    public enum TensorTrainMatrixOperation
    {
        /// <summary>The dense operator [m_1, …, m_N, n_1, …, n_N]: <c>static partial void F(TensorTrainMatrix&lt;T&gt; a, TensorSpan&lt;T&gt; result)</c>.</summary>
        Reconstruct = 0,

        /// <summary>
        /// A times a dense vector [n_1, …, n_N], a dense result [m_1, …, m_N]:
        /// <c>static partial void F(TensorTrainMatrix&lt;T&gt; a, ReadOnlyTensorSpan&lt;T&gt; x, TensorSpan&lt;T&gt; result)</c>.
        /// </summary>
        MatVec = 1,

        /// <summary>
        /// A times a tensor train, core by core (MPO × MPS), a tensor train with multiplied bonds:
        /// <c>static partial TensorTrain&lt;T&gt; F(TensorTrainMatrix&lt;T&gt; a, TensorTrain&lt;T&gt; x)</c>.
        /// </summary>
        Apply = 2,

        /// <summary>
        /// ⟨x | A | y⟩ = Σ conj(x) A y by the three-layer zipper (an MPS expectation value when x = y):
        /// <c>static partial T F(TensorTrain&lt;T&gt; x, TensorTrainMatrix&lt;T&gt; a, TensorTrain&lt;T&gt; y)</c>.
        /// </summary>
        Expectation = 3,

        /// <summary>⟨a, b⟩ = Σ conj(a) b over all entries, without densifying.</summary>
        Inner = 4,

        /// <summary>The Frobenius norm without densifying.</summary>
        Norm = 5,
    }
}
