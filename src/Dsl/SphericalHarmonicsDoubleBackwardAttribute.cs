using System;

namespace TensorGen;

/// <summary>
/// Generates the double backward pass of a <see cref="SphericalHarmonicsAttribute"/> method in the same type: the gradient of
/// <see cref="SphericalHarmonicsBackwardAttribute"/>'s pass, which force-matching training needs (a loss on forces, which are
/// themselves gradients). Given the backward's inputs (vectors, gradOutput) and the gradient of a loss with respect to the
/// backward's output (gradGradVectors, written v below), it writes
/// <list type="bullet">
/// <item><description>gradVectors = Σ_f gradOutput_f Σ_j ∂²Y_f/∂r_i∂r_j v_j, the Hessian–vector product (the gradient with
/// respect to the vectors; through the normalization of r when the forward has <c>Normalize = true</c>);</description></item>
/// <item><description>gradGradOutput_f = Σ_j ∂Y_f/∂r_j v_j, the Jacobian–vector product (the gradient with respect to
/// gradOutput).</description></item>
/// </list>
/// The method takes <c>(ReadOnlyTensorSpan&lt;T&gt; vectors, ReadOnlyTensorSpan&lt;T&gt; gradOutput, ReadOnlyTensorSpan&lt;T&gt;
/// gradGradVectors, TensorSpan&lt;T&gt; gradVectors, TensorSpan&lt;T&gt; gradGradOutput)</c> — the backward's parameters, the
/// gradient of its result, then the two results (overwritten) — with vectors, gradGradVectors and gradVectors [Z, 3],
/// gradOutput and gradGradOutput [Z, dim], T float or double as the forward's. At r = 0 with <c>Normalize = true</c> the
/// pass is the derivative of the backward's definition there (u = r / 1e-12, linear): see docs/equivariant.md.
/// </summary>
/// <example>
/// <code>
/// [SphericalHarmonics("0e+1o+2e", Normalize = true)]
/// public static partial void Sh(ReadOnlyTensorSpan&lt;double&gt; vectors, TensorSpan&lt;double&gt; output);
///
/// [SphericalHarmonicsDoubleBackward(nameof(Sh))]
/// public static partial void ShDoubleBackward(ReadOnlyTensorSpan&lt;double&gt; vectors, ReadOnlyTensorSpan&lt;double&gt; gradOutput,
///     ReadOnlyTensorSpan&lt;double&gt; gradGradVectors, TensorSpan&lt;double&gt; gradVectors, TensorSpan&lt;double&gt; gradGradOutput);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SphericalHarmonicsDoubleBackwardAttribute : Attribute
{
    /// <summary>Declares the double backward pass of the <see cref="SphericalHarmonicsAttribute"/> method <paramref name="forward"/>.</summary>
    /// <param name="forward">The forward method's name, e.g. <c>nameof(Sh)</c>.</param>
    public SphericalHarmonicsDoubleBackwardAttribute(string forward) => Forward = forward;

    /// <summary>The forward method's name.</summary>
    public string Forward { get; }

    /// <summary>
    /// Where the pass runs (default <see cref="Backend.Cpu"/>). <c>Backend.Cpu | Backend.Gpu</c> also generates an ILGPU kernel
    /// and a <c>NameGpu</c> host entry point taking a <c>TensorGen.Runtime.Gpu.GpuContext</c> (docs/gpu.md).
    /// </summary>
    public Backend Backends { get; set; } = Backend.Cpu;
}
