using System;

namespace TensorGen;

/// <summary>
/// Generates the backward pass of a <see cref="TensorProductConvolutionAttribute"/> method in the same type: given the
/// gradient of a loss with respect to the output, the gradients with respect to the node features, the edge features and
/// the weights. The method takes <c>(nodeFeatures, edgeFeatures, weights, senders, receivers, gradOutput, gradNodeFeatures,
/// gradEdgeFeatures, gradWeights)</c> — the convolution's inputs, gradOutput [M, dimOut] as ReadOnlyTensorSpan&lt;T&gt;, and
/// TensorSpan&lt;T&gt; results shaped like nodeFeatures, edgeFeatures and the weights (overwritten). The weights parameters
/// may be left out when no path is weighted.
/// </summary>
/// <remarks>
/// Deterministic: edges are ordered by sender, so each node's gradient is summed by one thread in edge order; the edge
/// features' and per-edge weights' gradients are written once per edge. Shared weights' gradient is summed per thread and
/// then over threads in order (as <see cref="TensorProductBackwardAttribute"/> does).
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TensorProductConvolutionBackwardAttribute : Attribute
{
    /// <summary>Declares the backward pass of the <see cref="TensorProductConvolutionAttribute"/> method <paramref name="forward"/>.</summary>
    /// <param name="forward">The convolution's method name, e.g. <c>nameof(Interaction)</c>.</param>
    public TensorProductConvolutionBackwardAttribute(string forward) => Forward = forward;

    /// <summary>The convolution's method name.</summary>
    public string Forward { get; }
}
