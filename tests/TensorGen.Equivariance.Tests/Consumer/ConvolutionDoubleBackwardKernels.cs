using System;
using System.Numerics.Tensors;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>Double backward passes of the fused convolutions (and of the unweighted product they fuse).</summary>
public static partial class ConvolutionKernels
{
    [TensorProductConvolutionDoubleBackward(nameof(NequipInteraction))]
    public static partial void NequipInteractionDoubleBackward(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures, ReadOnlyTensorSpan<double> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradNodeFeatures, ReadOnlyTensorSpan<double> gradGradEdgeFeatures, ReadOnlyTensorSpan<double> gradGradWeights,
        TensorSpan<double> gradNodeFeatures, TensorSpan<double> gradEdgeFeatures, TensorSpan<double> gradWeights, TensorSpan<double> gradGradOutput);

    [TensorProductConvolutionDoubleBackward(nameof(NequipInteractionSingle))]
    public static partial void NequipInteractionDoubleBackwardSingle(ReadOnlyTensorSpan<float> nodeFeatures, ReadOnlyTensorSpan<float> edgeFeatures, ReadOnlyTensorSpan<float> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<float> gradOutput,
        ReadOnlyTensorSpan<float> gradGradNodeFeatures, ReadOnlyTensorSpan<float> gradGradEdgeFeatures, ReadOnlyTensorSpan<float> gradGradWeights,
        TensorSpan<float> gradNodeFeatures, TensorSpan<float> gradEdgeFeatures, TensorSpan<float> gradWeights, TensorSpan<float> gradGradOutput);

    [TensorProductConvolutionDoubleBackward(nameof(SharedInteraction))]
    public static partial void SharedInteractionDoubleBackward(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures, ReadOnlyTensorSpan<double> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradNodeFeatures, ReadOnlyTensorSpan<double> gradGradEdgeFeatures, ReadOnlyTensorSpan<double> gradGradWeights,
        TensorSpan<double> gradNodeFeatures, TensorSpan<double> gradEdgeFeatures, TensorSpan<double> gradWeights, TensorSpan<double> gradGradOutput);

    [TensorProductConvolutionDoubleBackward(nameof(UnweightedInteraction))]
    public static partial void UnweightedInteractionDoubleBackward(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradNodeFeatures, ReadOnlyTensorSpan<double> gradGradEdgeFeatures,
        TensorSpan<double> gradNodeFeatures, TensorSpan<double> gradEdgeFeatures, TensorSpan<double> gradGradOutput);

    [TensorProductBackward(nameof(UnweightedMessage))]
    public static partial void UnweightedMessageBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradX1, TensorSpan<double> gradX2);

    [TensorProductDoubleBackward(nameof(UnweightedMessage))]
    public static partial void UnweightedMessageDoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> gradOutput, ReadOnlyTensorSpan<double> gradGradX1, ReadOnlyTensorSpan<double> gradGradX2,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradGradOutput);
}
