namespace TensorGen.Model;

/// <summary>A <c>[TensorProductConvolution]</c> method: its shape and the product method's name as written.</summary>
internal sealed record ConvolutionModel(KernelMethodShape Method, AttributeArgumentModel Product, bool HasErrors);

/// <summary>A <c>[TensorProductConvolutionBackward]</c> method: its shape and the convolution method's name as written.</summary>
internal sealed record ConvolutionBackwardModel(KernelMethodShape Method, AttributeArgumentModel Forward, bool HasErrors);

/// <summary>A <c>[TensorProductConvolutionDoubleBackward]</c> method: its shape and the convolution method's name as written.</summary>
internal sealed record ConvolutionDoubleBackwardModel(KernelMethodShape Method, AttributeArgumentModel Forward, bool HasErrors);
