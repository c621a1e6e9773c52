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
    }
}
