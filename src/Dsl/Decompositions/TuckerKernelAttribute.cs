using System;

namespace TensorGen
{
    /// <summary>
    /// Declares that the body of a <c>static partial</c> method is generated: an operation on a Tucker tensor, lowered to an einsum network over
    /// the format's components, ordered by the contraction planner and run by TensorGen's einsum kernels, e.g.
    /// <c>[TuckerKernel(TuckerOperation.Reconstruct, Shape = "128,128,128", Ranks = "16,16,16")]</c>.
    /// </summary>
    /// <remarks>
    /// The operation fixes the signature (see <see cref="TuckerOperation"/>); elements are <c>float</c>, <c>double</c> or
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
    public sealed class TuckerKernelAttribute : Attribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="operation">What the method computes.</param>
        public TuckerKernelAttribute(TuckerOperation operation) => Operation = operation;

        /// <summary>What the method computes.</summary>
        public TuckerOperation Operation { get; }

        /// <summary>The number of modes N (required unless <see cref="Shape"/> gives it).</summary>
        public int Order { get; set; }

        /// <summary>
        /// The mode sizes n_1, …, n_N, e.g. <c>"128,128,128"</c>.
        /// Given together with <see cref="Ranks"/>, the kernel is specialized to these sizes (static form).
        /// </summary>
        public string? Shape { get; set; }

        /// <summary>The multilinear ranks r_1, …, r_N (the core's shape), e.g. <c>"16,16,16"</c> (static form).</summary>
        public string? Ranks { get; set; }

        /// <summary>
        /// The modes a ModeProduct, ModeVectorProduct acts on, 0-based, in the order the dense operands are passed, e.g.
        /// <c>"0,2"</c>. In the static form each mode of a ModeProduct also names the matrix's row count m: <c>"0:64,2:32"</c>.
        /// </summary>
        public string? Modes { get; set; }
    }
}
