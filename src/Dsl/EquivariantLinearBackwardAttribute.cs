using System;

namespace TensorGen;

/// <summary>
/// Generates the backward pass of an <see cref="EquivariantLinearAttribute"/> method in the same type: given the gradient of a
/// loss with respect to the output, the gradients with respect to the input, the weights and (when the layer has them) the
/// biases. The method takes <c>(input, weights, gradOutput, gradInput, gradWeights[, gradBiases])</c> — the forward's inputs that
/// the gradients depend on as ReadOnlyTensorSpan&lt;T&gt;, gradOutput [Z, dimOut], and TensorSpan&lt;T&gt; results shaped like
/// the input, the weights and the biases (the weights' and biases' gradients are summed over the batch).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class EquivariantLinearBackwardAttribute : Attribute
{
    /// <summary>Declares the backward pass of the <see cref="EquivariantLinearAttribute"/> method <paramref name="forward"/>.</summary>
    /// <param name="forward">The forward method's name, e.g. <c>nameof(Linear)</c>.</param>
    public EquivariantLinearBackwardAttribute(string forward) => Forward = forward;

    /// <summary>The forward method's name.</summary>
    public string Forward { get; }
}
