namespace TensorGen.Model;

/// <summary>
/// A <c>[TensorProductConvolution]</c> method: its shape, the product method's name as written, <c>Backends</c> and
/// <c>GpuScatter</c> (ConvolutionScatter: 0 deterministic, 1 atomic).
/// </summary>
internal sealed record ConvolutionModel(KernelMethodShape Method, AttributeArgumentModel Product, OptionModel Backends, OptionModel GpuScatter, bool HasErrors);

/// <summary>A <c>[TensorProductConvolutionBackward]</c> method: its shape, the convolution method's name as written, <c>Backends</c> and <c>GpuScatter</c>.</summary>
internal sealed record ConvolutionBackwardModel(KernelMethodShape Method, AttributeArgumentModel Forward, OptionModel Backends, OptionModel GpuScatter, bool HasErrors);

/// <summary>A <c>[TensorProductConvolutionDoubleBackward]</c> method: its shape and the convolution method's name as written.</summary>
internal sealed record ConvolutionDoubleBackwardModel(KernelMethodShape Method, AttributeArgumentModel Forward, bool HasErrors);
