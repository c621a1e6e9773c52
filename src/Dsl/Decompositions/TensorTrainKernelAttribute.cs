using System;

namespace TensorGen
{
    /// <summary>
    /// Declares that the body of a <c>static partial</c> method is generated: an operation on a tensor train (MPS), lowered to an einsum network over
    /// the format's components, ordered by the contraction planner and run by TensorGen's einsum kernels, e.g.
    /// <c>[TensorTrainKernel(TensorTrainOperation.Inner, Order = 16)]</c>.
    /// </summary>
    /// <remarks>
    /// The operation fixes the signature (see <see cref="TensorTrainOperation"/>); elements are <c>float</c>, <c>double</c> or
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
    public sealed class TensorTrainKernelAttribute : Attribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="operation">What the method computes.</param>
        public TensorTrainKernelAttribute(TensorTrainOperation operation) => Operation = operation;

        /// <summary>What the method computes.</summary>
        public TensorTrainOperation Operation { get; }

        /// <summary>The number of modes N (required unless <see cref="Shape"/> gives it).</summary>
        public int Order { get; set; }

        /// <summary>
        /// The mode sizes n_1, …, n_N, e.g. <c>"2,2,2,2"</c>.
        /// Given together with <see cref="Ranks"/>, the kernel is specialized to these sizes (static form).
        /// </summary>
        public string? Shape { get; set; }

        /// <summary>The N − 1 inner bond ranks r_1, …, r_{N−1} (r_0 = r_N = 1), e.g. <c>"4,8,4"</c> (static form).</summary>
        public string? Ranks { get; set; }

        /// <summary>
        /// The modes a ModeProduct, ModeVectorProduct acts on, 0-based, in the order the dense operands are passed, e.g.
        /// <c>"0,2"</c>. In the static form each mode of a ModeProduct also names the matrix's row count m: <c>"0:64,2:32"</c>.
        /// </summary>
        public string? Modes { get; set; }
    }
}
