using System;

namespace TensorGen;

/// <summary>
/// Generates the double backward pass of a <see cref="TensorProductConvolutionAttribute"/> method in the same type: given the
/// upstream gradients of a loss with respect to the convolution backward pass's results (gradGradNodeFeatures,
/// gradGradEdgeFeatures, gradGradWeights), the loss's gradients with respect to the backward pass's inputs — the node
/// features, the edge features, the weights and gradOutput. The method takes
/// <c>(nodeFeatures, edgeFeatures, weights, senders, receivers, gradOutput, gradGradNodeFeatures, gradGradEdgeFeatures,
/// gradGradWeights, gradNodeFeatures, gradEdgeFeatures, gradWeights, gradGradOutput)</c>: ReadOnlyTensorSpan&lt;T&gt; inputs
/// (gradOutput [M, dimOut]; the upstream gradients shaped like nodeFeatures, edgeFeatures and the weights), ReadOnlySpan&lt;int&gt;
/// senders and receivers, and TensorSpan&lt;T&gt; results shaped like nodeFeatures, edgeFeatures, the weights and gradOutput
/// (overwritten). Without weighted paths the weights parameters are left out.
/// </summary>
/// <remarks>
/// With e = (s → r), a_x = gradGradNodeFeatures, a_y = gradGradEdgeFeatures, a_w = gradGradWeights, g = gradOutput:
/// gradGradOutput[r] = Σ_{e into r} TP(a_x[s], y_e; w_e) + TP(x[s], a_y,e; w_e) + TP°(x[s], y_e; a_w,e);
/// gradNodeFeatures[s] = Σ_{e out of s} B₁(a_y,e, w_e; g[r]) + B₁°(y_e, a_w,e; g[r]); gradEdgeFeatures[e] = B₂(a_x[s], w_e; g[r]) + B₂°(x[s], a_w,e; g[r]);
/// gradWeights[e] = B_w(a_x[s], y_e; g[r]) + B_w(x[s], a_y,e; g[r]) (° : the weighted paths only; docs/double-backward.md).
/// Deterministic as the convolution's backward pass: receivers' rows summed by one thread each in edge order (edges sorted by
/// receiver), senders' rows likewise (edges sorted by sender), per-edge results written once, shared weights' gradient summed
/// per thread and then over threads in order. Edge indices are checked before anything is written.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TensorProductConvolutionDoubleBackwardAttribute : Attribute
{
    /// <summary>Declares the double backward pass of the <see cref="TensorProductConvolutionAttribute"/> method <paramref name="forward"/>.</summary>
    /// <param name="forward">The convolution's method name, e.g. <c>nameof(Interaction)</c>.</param>
    public TensorProductConvolutionDoubleBackwardAttribute(string forward) => Forward = forward;

    /// <summary>The convolution's method name.</summary>
    public string Forward { get; }
}
