using System;
using System.Numerics.Tensors;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>Fused convolutions declared through the real generator, beside the products they fuse.</summary>
public static partial class ConvolutionKernels
{
    /// <summary>A small NequIP interaction: uvu paths l ≤ 2, one weight per path and channel per edge.</summary>
    public static readonly TensorProductDescription Nequip =
        TensorProductDescription.Create("2x0e+2x1o+1x2e", "0e+1o+2e", "", kind: TensorProductKind.Channelwise, sharedWeights: false);

    /// <summary>Fully connected with one weight vector for every edge.</summary>
    public static readonly TensorProductDescription Shared = TensorProductDescription.Create("2x0e+1x1o", "0e+1o", "2x0e+1x1o");

    /// <summary>No weights at all.</summary>
    public static readonly TensorProductDescription Unweighted =
        TensorProductDescription.Create("2x1o", "1o", "2x0e+2x1e", "0,0,0,uvu,false; 0,0,1,uvu,false");

    [SphericalHarmonics("0e+1o+2e", Normalize = true, Normalization = ShNormalization.Component)]
    public static partial void EdgeHarmonics(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> output);

    [SphericalHarmonicsBackward(nameof(EdgeHarmonics))]
    public static partial void EdgeHarmonicsBackward(ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradVectors);

    [TensorProduct("2x0e+2x1o+1x2e", "0e+1o+2e", "", Kind = TensorProductKind.Channelwise, SharedWeights = false)]
    public static partial void NequipMessage(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(NequipMessage))]
    public static partial void NequipMessageBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
        ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    [TensorProductConvolution(nameof(NequipMessage))]
    public static partial void NequipInteraction(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures, ReadOnlyTensorSpan<double> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<double> output);

    [TensorProductConvolutionBackward(nameof(NequipInteraction))]
    public static partial void NequipInteractionBackward(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures, ReadOnlyTensorSpan<double> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradNodeFeatures, TensorSpan<double> gradEdgeFeatures, TensorSpan<double> gradWeights);

    [TensorProductConvolution(nameof(NequipMessage))]
    public static partial void NequipInteractionSingle(ReadOnlyTensorSpan<float> nodeFeatures, ReadOnlyTensorSpan<float> edgeFeatures, ReadOnlyTensorSpan<float> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<float> output);

    [TensorProduct("2x0e+1x1o", "0e+1o", "2x0e+1x1o")]
    public static partial void SharedMessage(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductConvolution(nameof(SharedMessage))]
    public static partial void SharedInteraction(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures, ReadOnlyTensorSpan<double> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<double> output);

    [TensorProductConvolutionBackward(nameof(SharedInteraction))]
    public static partial void SharedInteractionBackward(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures, ReadOnlyTensorSpan<double> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradNodeFeatures, TensorSpan<double> gradEdgeFeatures, TensorSpan<double> gradWeights);

    [TensorProduct("2x1o", "1o", "2x0e+2x1e", Instructions = "0,0,0,uvu,false; 0,0,1,uvu,false")]
    public static partial void UnweightedMessage(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, TensorSpan<double> output);

    [TensorProductConvolution(nameof(UnweightedMessage))]
    public static partial void UnweightedInteraction(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<double> output);

    [TensorProductConvolutionBackward(nameof(UnweightedInteraction))]
    public static partial void UnweightedInteractionBackward(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradNodeFeatures, TensorSpan<double> gradEdgeFeatures);
}
