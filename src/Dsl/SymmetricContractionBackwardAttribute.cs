using System;

namespace TensorGen;

/// <summary>
/// Generates the backward pass of a <see cref="SymmetricContractionAttribute"/> method in the same type: given the gradient of a
/// loss with respect to the output, the gradients with respect to A and to the weights. The method takes
/// <c>(ReadOnlyTensorSpan&lt;T&gt; a, ReadOnlyTensorSpan&lt;T&gt; weights, ReadOnlySpan&lt;int&gt; elements, ReadOnlyTensorSpan&lt;T&gt; gradOutput,
/// TensorSpan&lt;T&gt; gradA, TensorSpan&lt;T&gt; gradWeights)</c>: the forward's inputs, gradOutput [Z, dimOut], and results shaped like
/// a and the weights (overwritten; the weights' gradient is summed over the atoms, in MACE's flat order).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SymmetricContractionBackwardAttribute : Attribute
{
    /// <summary>Declares the backward pass of the <see cref="SymmetricContractionAttribute"/> method <paramref name="forward"/>.</summary>
    /// <param name="forward">The forward method's name, e.g. <c>nameof(Product)</c>.</param>
    public SymmetricContractionBackwardAttribute(string forward) => Forward = forward;

    /// <summary>The forward method's name.</summary>
    public string Forward { get; }
}
