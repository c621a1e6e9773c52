using System;

namespace TensorGen
{
    /// <summary>
    /// Declares that the body of a <c>static partial</c> method is generated: an operation on a TT-matrix (MPO), lowered to an einsum network over
    /// the format's components, ordered by the contraction planner and run by TensorGen's einsum kernels, e.g.
    /// <c>[TensorTrainMatrixKernel(TensorTrainMatrixOperation.Expectation, Order = 8)]</c>.
    /// </summary>
    /// <remarks>
    /// The operation fixes the signature (see <see cref="TensorTrainMatrixOperation"/>); elements are <c>float</c>, <c>double</c> or
    /// <c>System.Numerics.Complex</c>.
    /// <list type="bullet">
    /// <item><description>Dynamic form: give <see cref="Order"/>; sizes and ranks are read from the arguments at run time; dense
    /// operands are <c>ReadOnlyTensorSpan&lt;T&gt;</c> and a dense result a <c>TensorSpan&lt;T&gt;</c>.</description></item>
    /// <item><description>Static form: give <see cref="Shape"/> and <see cref="Ranks"/>; the einsum loops are specialized to the sizes,
    /// dense operands are row-major <c>ReadOnlySpan&lt;T&gt;</c> and a dense result a <c>Span&lt;T&gt;</c>, and the arguments' sizes
    /// are checked against the declaration.</description></item>
    /// </list>
    /// </remarks>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class TensorTrainMatrixKernelAttribute : Attribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="operation">What the method computes.</param>
        public TensorTrainMatrixKernelAttribute(TensorTrainMatrixOperation operation) => Operation = operation;

        /// <summary>What the method computes.</summary>
        public TensorTrainMatrixOperation Operation { get; }

        /// <summary>The number of modes N (required unless <see cref="Shape"/> gives it).</summary>
        public int Order { get; set; }

        /// <summary>
        /// Each core's row and column size m_k x n_k, e.g. <c>"2x2,2x2,2x2"</c>.
        /// Given together with <see cref="Ranks"/>, the kernel is specialized to these sizes (static form).
        /// </summary>
        public string? Shape { get; set; }

        /// <summary>The TT-matrix's N − 1 inner bond ranks (static form).</summary>
        public string? Ranks { get; set; }

        /// <summary>
        /// The N − 1 inner bond ranks of the tensor-train operands of Apply and Expectation (static form), e.g. <c>"4,4"</c>.
        /// </summary>
        public string? TrainRanks { get; set; }
    }
}
