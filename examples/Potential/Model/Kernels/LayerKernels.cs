using System;
using System.Numerics.Tensors;
using TensorGen.Equivariance;

namespace Potential.Kernels;

/// <summary>A generated fused convolution: output[receiver] = Σ over its edges of TP(nodeFeatures[sender], edgeFeatures; weights).</summary>
public delegate void ConvolutionKernel(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures,
    ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<double> output);

/// <summary>The generated backward pass of a <see cref="ConvolutionKernel"/>.</summary>
public delegate void ConvolutionBackwardKernel(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures,
    ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<double> gradOutput,
    TensorSpan<double> gradNodeFeatures, TensorSpan<double> gradEdgeFeatures, TensorSpan<double> gradWeights);

/// <summary>A generated tensor product with shared weights (here e3nn's Linear: x2 is the constant 1).</summary>
public delegate void ProductKernel(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
    TensorSpan<double> output);

/// <summary>The generated backward pass of a <see cref="ProductKernel"/>.</summary>
public delegate void ProductBackwardKernel(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
    ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

/// <summary>An e3nn Linear (a fully connected product with the constant scalar 1) and its backward pass.</summary>
public sealed record LinearKernels(TensorProductDescription Description, ProductKernel Forward, ProductBackwardKernel Backward);

/// <summary>The kernels of one interaction layer: its convolution (with the product it fuses), the mixing of the convolution's output and the self-interaction of the layer's input.</summary>
public sealed record LayerKernels(TensorProductDescription Message, ConvolutionKernel Convolution, ConvolutionBackwardKernel ConvolutionBackward,
    LinearKernels Mix, LinearKernels SelfInteraction)
{
    /// <summary>Layer 1: from the embedding.</summary>
    public static LayerKernels First { get; } = new(PotentialKernels.Message1, PotentialKernels.Convolution1, PotentialKernels.Convolution1Backward,
        new LinearKernels(PotentialKernels.Mix1, PotentialKernels.MixProduct1, PotentialKernels.MixProduct1Backward),
        new LinearKernels(PotentialKernels.SelfInteraction1, PotentialKernels.SelfInteractionProduct1, PotentialKernels.SelfInteractionProduct1Backward));

    /// <summary>Layer 2: from the first layer's features.</summary>
    public static LayerKernels Second { get; } = new(PotentialKernels.Message2, PotentialKernels.Convolution2, PotentialKernels.Convolution2Backward,
        new LinearKernels(PotentialKernels.Mix2, PotentialKernels.MixProduct2, PotentialKernels.MixProduct2Backward),
        new LinearKernels(PotentialKernels.SelfInteraction2, PotentialKernels.SelfInteractionProduct2, PotentialKernels.SelfInteractionProduct2Backward));
}
