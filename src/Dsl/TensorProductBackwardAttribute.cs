using System;

namespace TensorGen;

/// <summary>
/// Generates the backward pass of a <see cref="TensorProductAttribute"/> method in the same type: given the gradient of a
/// loss with respect to the output, the gradients with respect to x1, x2 and the weights. The method takes
/// <c>(x1, x2, weights, gradOutput, gradX1, gradX2, gradWeights)</c> — the forward's inputs as ReadOnlyTensorSpan&lt;T&gt;,
/// gradOutput [Z, dimOut], and TensorSpan&lt;T&gt; results shaped like x1, x2 and the weights (for shared weights the
/// gradient is summed over the batch). The weights parameters may be left out when no path is weighted.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TensorProductBackwardAttribute : Attribute
{
    /// <summary>Declares the backward pass of the <see cref="TensorProductAttribute"/> method <paramref name="forward"/>.</summary>
    /// <param name="forward">The forward method's name, e.g. <c>nameof(Tp)</c>.</param>
    public TensorProductBackwardAttribute(string forward) => Forward = forward;

    /// <summary>The forward method's name.</summary>
    public string Forward { get; }

    /// <summary>
    /// Where the backward pass runs (default <see cref="Backend.Cpu"/>). <c>Backend.Cpu | Backend.Gpu</c> also generates ILGPU
    /// kernels and a <c>NameGpu</c> host entry point taking a <c>TensorGen.Runtime.Gpu.GpuContext</c> (docs/gpu.md).
    /// </summary>
    public Backend Backends { get; set; } = Backend.Cpu;
}
