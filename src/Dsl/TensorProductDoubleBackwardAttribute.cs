using System;

namespace TensorGen;

/// <summary>
/// Generates the double backward pass of a <see cref="TensorProductAttribute"/> method in the same type — the gradient of the
/// gradient, what training on forces needs. The backward pass maps (x1, x2, weights, gradOutput) to (gradX1, gradX2,
/// gradWeights); given the upstream gradients of a loss with respect to those three results (gradGradX1, gradGradX2,
/// gradGradWeights), the double backward pass gives the loss's gradients with respect to the backward pass's four inputs.
/// The method takes
/// <c>(x1, x2, weights, gradOutput, gradGradX1, gradGradX2, gradGradWeights, gradX1, gradX2, gradWeights, gradGradOutput)</c>:
/// the first seven as ReadOnlyTensorSpan&lt;T&gt; (gradOutput [Z, dimOut], gradGradX1, gradGradX2 and gradGradWeights shaped
/// like x1, x2 and the weights), then TensorSpan&lt;T&gt; results shaped like x1, x2, the weights and gradOutput (overwritten;
/// for shared weights the weights' gradient is summed over the batch). Without weighted paths the weights parameters are left
/// out: <c>(x1, x2, gradOutput, gradGradX1, gradGradX2, gradX1, gradX2, gradGradOutput)</c>.
/// </summary>
/// <remarks>
/// The product is linear in each of x1, x2 and the weights, so every result is a sum of forward and backward products with
/// swapped arguments (docs/double-backward.md has the derivation): with a1 = gradGradX1, a2 = gradGradX2,
/// aw = gradGradWeights and g = gradOutput,
/// gradGradOutput = TP(a1, x2; w) + TP(x1, a2; w) + TP°(x1, x2; aw), gradX1 = B₁(a2, w; g) + B₁°(x2, aw; g),
/// gradX2 = B₂(a1, w; g) + B₂°(x1, aw; g), gradWeights = B_w(a1, x2; g) + B_w(x1, a2; g), where ° restricts a product to its
/// weighted paths (an unweighted path does not depend on the weights). The generated code runs the product's own per-path
/// tile kernels (CPU SIMD) on these swapped arguments, summing in scratch tiles.
/// </remarks>
/// <example>
/// <code>
/// [TensorProduct("32x0e+32x1o", "0e+1o", "32x0e+32x1o", Kind = TensorProductKind.Channelwise, SharedWeights = false)]
/// static partial void Tp(ReadOnlyTensorSpan&lt;double&gt; x1, ReadOnlyTensorSpan&lt;double&gt; x2, ReadOnlyTensorSpan&lt;double&gt; weights, TensorSpan&lt;double&gt; output);
///
/// [TensorProductDoubleBackward(nameof(Tp))]
/// static partial void TpDoubleBackward(ReadOnlyTensorSpan&lt;double&gt; x1, ReadOnlyTensorSpan&lt;double&gt; x2, ReadOnlyTensorSpan&lt;double&gt; weights,
///     ReadOnlyTensorSpan&lt;double&gt; gradOutput, ReadOnlyTensorSpan&lt;double&gt; gradGradX1, ReadOnlyTensorSpan&lt;double&gt; gradGradX2,
///     ReadOnlyTensorSpan&lt;double&gt; gradGradWeights, TensorSpan&lt;double&gt; gradX1, TensorSpan&lt;double&gt; gradX2, TensorSpan&lt;double&gt; gradWeights,
///     TensorSpan&lt;double&gt; gradGradOutput);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TensorProductDoubleBackwardAttribute : Attribute
{
    /// <summary>Declares the double backward pass of the <see cref="TensorProductAttribute"/> method <paramref name="forward"/>.</summary>
    /// <param name="forward">The forward method's name, e.g. <c>nameof(Tp)</c>.</param>
    public TensorProductDoubleBackwardAttribute(string forward) => Forward = forward;

    /// <summary>The forward method's name.</summary>
    public string Forward { get; }
}
