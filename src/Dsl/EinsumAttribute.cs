using System;

namespace TensorGen
{
    /// <summary>
    /// Declares that the body of a <c>static partial void</c> method is generated from an Einstein-summation
    /// expression with numpy.einsum's semantics, e.g. <c>[Einsum("bij,bjk->bik")]</c>.
    /// </summary>
    /// <remarks>
    /// The method takes one parameter per operand, in order, then the result last, all of one element type
    /// (<see cref="float"/> or <see cref="double"/>).
    /// <list type="bullet">
    /// <item><description>Dynamic form: operands are <c>ReadOnlyTensorSpan&lt;T&gt;</c> and the result a <c>TensorSpan&lt;T&gt;</c>;
    /// sizes and strides are read at run time, so transposed and broadcast views work.</description></item>
    /// <item><description>Static form: <see cref="Sizes"/> gives every index size; operands are dense row-major
    /// <c>ReadOnlySpan&lt;T&gt;</c> and the result a <c>Span&lt;T&gt;</c>; the code is specialized to the sizes.</description></item>
    /// </list>
    /// </remarks>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class EinsumAttribute : Attribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="expression">The expression, e.g. <c>"ij,jk->ik"</c>, <c>"ii"</c> or <c>"...ij,...jk->...ik"</c>.</param>
        public EinsumAttribute(string expression) => Expression = expression;

        /// <summary>The Einstein-summation expression.</summary>
        public string Expression { get; }

        /// <summary>
        /// Every index's size, e.g. <c>"i=3,j=3,a=3"</c>. Given, the method takes dense row-major spans and the
        /// generated code is specialized to these sizes.
        /// </summary>
        public string? Sizes { get; set; }

        /// <summary>When true the result is added into the result span instead of overwriting it.</summary>
        public bool Accumulate { get; set; }

        /// <summary>How the contraction order is chosen (default <see cref="ContractionStrategy.Auto"/>).</summary>
        public ContractionStrategy Strategy { get; set; }

        /// <summary>What the contraction order minimizes (default <see cref="ContractionObjective.Flops"/>).</summary>
        public ContractionObjective Minimize { get; set; }

        /// <summary>
        /// The most elements any intermediate may have (0: no limit). In the static form, when no order keeps every
        /// intermediate this small, indices are sliced: the generated code loops over them outside the steps, and the
        /// plan table shows the FLOP overhead.
        /// </summary>
        public long MemoryLimit { get; set; }

        /// <summary>
        /// An explicit contraction order in opt_einsum's linear format, e.g. <c>"[(1, 2), (0, 1)]"</c>: each step names
        /// positions in the current operand list — two to contract, or one (<c>(0,)</c>) to sum out indices that only that
        /// operand holds — which are removed and the result appended. Replaces planning.
        /// </summary>
        public string? Path { get; set; }

        /// <summary>
        /// Sizes to plan the dynamic form for, e.g. <c>"b=64,i=1024"</c>, or symbolic as TensorOperations.jl's
        /// <c>@tensoropt</c> allows: <c>"a=chi,b=chi^2,c=4"</c> plans for large χ. Unhinted indices are assumed 32.
        /// </summary>
        public string? SizeHints { get; set; }

        /// <summary>How long planning may take at compile time, in seconds (default 1).</summary>
        public double PlanningTimeLimit { get; set; }

        /// <summary>
        /// Dynamic form: plan for each call's actual sizes. This is now what dynamic kernels do by default — a shape not seen
        /// before is planned at run time with the same planner (a few milliseconds at most, once per shape; the plans of
        /// up to 64 shapes are kept) and runs whenever the compiled order costs more for it — so setting Replan changes
        /// nothing; it is kept so that existing declarations compile. See <see cref="PinOrder"/> for the opposite.
        /// </summary>
        public bool Replan { get; set; }

        /// <summary>
        /// Dynamic form: run the order planned at compile time (from <see cref="SizeHints"/>, or every index assumed 32) for
        /// every call, whatever its sizes, and never plan at run time. An explicit <see cref="Path"/> is always pinned.
        /// </summary>
        public bool PinOrder { get; set; }

        /// <summary>
        /// Where the kernel runs (default <see cref="Backend.Cpu"/>). <c>Backend.Cpu | Backend.Gpu</c> also generates ILGPU
        /// kernels for the same plan and a <c>NameGpu</c> host entry point taking a <c>TensorGen.Runtime.Gpu.GpuContext</c>.
        /// </summary>
        public Backend Backends { get; set; } = Backend.Cpu;
    }
}
