using System;

namespace TensorGen.Runtime.MessagePassing;

/// <summary>
/// The names a generated convolution (or its backward pass) reports in messages: the method, and its parameters in order —
/// nodeFeatures, edgeFeatures, weights (null when the method has none), senders, receivers, then the output (forward) or
/// gradOutput, gradNodeFeatures, gradEdgeFeatures, gradWeights (backward; null when there are no weights). The dimensions
/// come from the product's kernel (<see cref="Equivariance.TensorProductLayout"/>).
/// </summary>
public sealed class ConvolutionLayout
{
    /// <param name="method">The method as people read it, e.g. <c>Kernels.Interaction</c>.</param>
    /// <param name="parameterNames">The parameter names in order (null for the weights' when left out).</param>
    public ConvolutionLayout(string method, params string?[] parameterNames)
    {
        ArgumentNullException.ThrowIfNull(parameterNames);
        Method = method;
        ParameterNames = parameterNames;
    }

    /// <summary>The method as people read it.</summary>
    public string Method { get; }

    /// <summary>The parameter names, in order.</summary>
    public ReadOnlyMemory<string?> ParameterNames { get; }

    /// <summary>Whether the method has weights parameters.</summary>
    public bool HasWeights => ParameterNames.Span[2] is not null;

    internal string Name(int index) => ParameterNames.Span[index] ?? "weights";
}
