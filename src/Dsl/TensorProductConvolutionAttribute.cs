using System;

namespace TensorGen;

/// <summary>
/// Generates a fused message-passing layer (an e3nn "convolution", NequIP / MACE's interaction) from a
/// <see cref="TensorProductAttribute"/> method of the same type: for every edge e = (senders[e] → receivers[e]),
/// <c>output[receivers[e]] += TP(nodeFeatures[senders[e]], edgeFeatures[e]; weights[e])</c>, with the product's irreps,
/// instructions and normalization. No [E, dimOut] message tensor is formed: messages live in a tile of SIMD lanes and are
/// summed into their receiver at once. The method takes
/// <c>(ReadOnlyTensorSpan&lt;T&gt; nodeFeatures, ReadOnlyTensorSpan&lt;T&gt; edgeFeatures, ReadOnlyTensorSpan&lt;T&gt; weights,
/// ReadOnlySpan&lt;int&gt; senders, ReadOnlySpan&lt;int&gt; receivers, TensorSpan&lt;T&gt; output)</c>: nodeFeatures [N, dim1],
/// edgeFeatures [E, dim2] (e.g. the edge vectors' spherical harmonics), weights [E, W] (the product declared with
/// <c>SharedWeights = false</c>; [W] when shared), senders and receivers [E] (node indices into nodeFeatures and the output),
/// output [M, dimOut] (overwritten). The weights parameter may be left out when no path is weighted.
/// </summary>
/// <remarks>
/// Deterministic: edges are ordered by receiver (a stable counting sort; already sorted edges are not moved), each output
/// row is summed by one thread in edge order, so results are bit-identical run to run and for any thread count. An index
/// out of range or an index array of the wrong length throws <see cref="ArgumentException"/> before anything is written.
/// With <c>Backends = Backend.Cpu | Backend.Gpu</c> the GPU kernels are deterministic too by default
/// (<see cref="ConvolutionScatter.Deterministic"/>: CSR segments, one thread per sum, bit-identical run to run), or atomic
/// (<see cref="ConvolutionScatter.Atomic"/>: one row of threads per edge, atomic adds; faster, not bit-identical), as
/// <see cref="GpuScatter"/> says (docs/gpu.md).
/// </remarks>
/// <example>
/// <code>
/// [TensorProduct("32x0e+32x1o+32x2e", "0e+1o+2e", "", Kind = TensorProductKind.Channelwise, SharedWeights = false)]
/// static partial void Message(ReadOnlyTensorSpan&lt;float&gt; x, ReadOnlyTensorSpan&lt;float&gt; sh, ReadOnlyTensorSpan&lt;float&gt; w, TensorSpan&lt;float&gt; m);
///
/// [TensorProductConvolution(nameof(Message))]
/// static partial void Interaction(ReadOnlyTensorSpan&lt;float&gt; nodeFeatures, ReadOnlyTensorSpan&lt;float&gt; edgeFeatures,
///     ReadOnlyTensorSpan&lt;float&gt; weights, ReadOnlySpan&lt;int&gt; senders, ReadOnlySpan&lt;int&gt; receivers, TensorSpan&lt;float&gt; output);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TensorProductConvolutionAttribute : Attribute
{
    /// <summary>Declares the convolution of the <see cref="TensorProductAttribute"/> method <paramref name="product"/>.</summary>
    /// <param name="product">The product's method name, e.g. <c>nameof(Message)</c>.</param>
    public TensorProductConvolutionAttribute(string product) => Product = product;

    /// <summary>The product's method name.</summary>
    public string Product { get; }

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
