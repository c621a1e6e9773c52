using System;

namespace TensorGen;

/// <summary>
/// Generates the backward pass of a <see cref="SphericalHarmonicsAttribute"/> method in the same type: given the gradient of
/// a loss with respect to the harmonics, the gradient with respect to the vectors (the vector–Jacobian product
/// Σ_f gradOutput_f ∂Y_f/∂r, through the normalization of r when the forward has <c>Normalize = true</c>). The method takes
/// <c>(ReadOnlyTensorSpan&lt;T&gt; vectors, ReadOnlyTensorSpan&lt;T&gt; gradOutput, TensorSpan&lt;T&gt; gradVectors)</c> with
/// vectors [Z, 3], gradOutput [Z, dim] and gradVectors [Z, 3] (overwritten), T float or double as the forward's.
/// </summary>
/// <example>
/// <code>
/// [SphericalHarmonics("0e+1o+2e", Normalize = true)]
/// public static partial void Sh(ReadOnlyTensorSpan&lt;double&gt; vectors, TensorSpan&lt;double&gt; output);
///
/// [SphericalHarmonicsBackward(nameof(Sh))]
/// public static partial void ShBackward(ReadOnlyTensorSpan&lt;double&gt; vectors, ReadOnlyTensorSpan&lt;double&gt; gradOutput,
///     TensorSpan&lt;double&gt; gradVectors);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SphericalHarmonicsBackwardAttribute : Attribute
{
    /// <summary>Declares the backward pass of the <see cref="SphericalHarmonicsAttribute"/> method <paramref name="forward"/>.</summary>
    /// <param name="forward">The forward method's name, e.g. <c>nameof(Sh)</c>.</param>
    public SphericalHarmonicsBackwardAttribute(string forward) => Forward = forward;

    /// <summary>The forward method's name.</summary>
    public string Forward { get; }

    /// <summary>
    /// Where the backward pass runs (default <see cref="Backend.Cpu"/>). <c>Backend.Cpu | Backend.Gpu</c> also generates an
    /// ILGPU kernel and a <c>NameGpu</c> host entry point taking a <c>TensorGen.Runtime.Gpu.GpuContext</c> (docs/gpu.md).
    /// </summary>
    public Backend Backends { get; set; } = Backend.Cpu;
}
