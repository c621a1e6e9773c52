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
/// With <c>Backends = Backend.Cpu | Backend.Gpu</c> the GPU kernels are deterministic too by default
/// (<see cref="ConvolutionScatter.Deterministic"/>: CSR segments, one thread per sum, bit-identical run to run), or atomic
/// (<see cref="ConvolutionScatter.Atomic"/>: one row of threads per edge, atomic adds; faster, not bit-identical), as
/// <see cref="GpuScatter"/> says (docs/gpu.md).
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TensorProductConvolutionBackwardAttribute : Attribute
{
    /// <summary>Declares the backward pass of the <see cref="TensorProductConvolutionAttribute"/> method <paramref name="forward"/>.</summary>
    /// <param name="forward">The convolution's method name, e.g. <c>nameof(Interaction)</c>.</param>
    public TensorProductConvolutionBackwardAttribute(string forward) => Forward = forward;

    /// <summary>The convolution's method name.</summary>
    public string Forward { get; }

    /// <summary>
    /// Where the convolution runs (default <see cref="Backend.Cpu"/>). <c>Backend.Cpu | Backend.Gpu</c> also generates ILGPU
    /// kernels and <c>NameGpu</c> entry points taking a <c>TensorGen.Runtime.Gpu.GpuContext</c>: one over the declared host
    /// tensors (the CPU kernel's checks, every edge index included, run before anything is copied or launched) and one over
    /// device views with a <c>TensorGen.Runtime.Gpu.MessagePassing.GpuGraph</c> in place of senders and receivers (docs/gpu.md).
    /// </summary>
    public Backend Backends { get; set; } = Backend.Cpu;

    /// <summary>
    /// How the GPU kernels sum into nodes (default <see cref="ConvolutionScatter.Deterministic"/>: CSR segments, one thread per
    /// sum, bit-identical run to run; <see cref="ConvolutionScatter.Atomic"/>: one row of threads per edge and atomic adds).
    /// Only meaningful with <c>Backend.Gpu</c>.
    /// </summary>
    public ConvolutionScatter GpuScatter { get; set; }
}
