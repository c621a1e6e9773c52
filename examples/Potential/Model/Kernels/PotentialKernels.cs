using System;
using System.Numerics.Tensors;
using TensorGen;
using TensorGen.Equivariance;

namespace Potential.Kernels;

/// <summary>
/// Every generated kernel the potential runs, declared once. Node features follow NequIP: C channels of scalars, vectors and
/// rank-2 tensors (l ≤ 2); edges carry the spherical harmonics of their unit vector (l ≤ 2). Each interaction layer is a
/// fused convolution (a channelwise "uvu" product with per-edge weights, summed into the receiver), a linear mixing of its
/// output and a self-interaction of the layer's input (both e3nn Linear: a fully connected product with the constant scalar 1),
/// and a gate. All in double precision: forces are checked against central differences to 1e-6.
/// </summary>
public static partial class PotentialKernels
{
    /// <summary>The embedding of an atom (one species): scalars only.</summary>
    public const string EmbeddingIrreps = "8x0e";

    /// <summary>The node features after each interaction layer.</summary>
    public const string FeatureIrreps = "8x0e+8x1o+8x2e";

    /// <summary>The edges' spherical harmonics (parity (−1)ˡ: edge vectors are polar).</summary>
    public const string EdgeIrreps = "0e+1o+2e";

    /// <summary>
    /// The gate's input: 8 scalars (through SiLU), 16 gates (through the sigmoid, one per vector and tensor channel), then the
    /// gated 8x1o and 8x2e.
    /// </summary>
    public const string GateIrreps = "24x0e+8x1o+8x2e";

    /// <summary>The convolution of layer 2 keeps every path into l ≤ 2 (11 paths): its output holds 3, 4 and 4 blocks of 8.</summary>
    public const string Layer2MessageIrreps = "24x0e+32x1o+32x2e";

    /// <summary>The constant scalar input that turns a fully connected product into e3nn's Linear.</summary>
    public const string Constant = "0e";

    public static readonly TensorProductDescription Message1 =
        TensorProductDescription.Create(EmbeddingIrreps, EdgeIrreps, "", kind: TensorProductKind.Channelwise, sharedWeights: false);

    public static readonly TensorProductDescription Message2 =
        TensorProductDescription.Create(FeatureIrreps, EdgeIrreps, EdgeIrreps, kind: TensorProductKind.Channelwise, sharedWeights: false);

    public static readonly TensorProductDescription Mix1 = TensorProductDescription.Create(FeatureIrreps, Constant, GateIrreps);

    public static readonly TensorProductDescription Mix2 = TensorProductDescription.Create(Layer2MessageIrreps, Constant, GateIrreps);

    public static readonly TensorProductDescription SelfInteraction1 = TensorProductDescription.Create(EmbeddingIrreps, Constant, GateIrreps);

    public static readonly TensorProductDescription SelfInteraction2 = TensorProductDescription.Create(FeatureIrreps, Constant, GateIrreps);

    // Edge harmonics ("component": ‖Yˡ‖² = 2l+1), and their vector–Jacobian product for the forces.
    [SphericalHarmonics(EdgeIrreps, Normalize = true, Normalization = ShNormalization.Component)]
    public static partial void EdgeHarmonics(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> harmonics);

    [SphericalHarmonicsBackward(nameof(EdgeHarmonics))]
    public static partial void EdgeHarmonicsBackward(ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradHarmonics,
        TensorSpan<double> gradVectors);

    // Layer 1: the embedding (8x0e) couples with the harmonics into 8x0e+8x1o+8x2e.
    [TensorProduct(EmbeddingIrreps, EdgeIrreps, "", Kind = TensorProductKind.Channelwise, SharedWeights = false)]
    public static partial void MessageProduct1(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
        TensorSpan<double> output);

    [TensorProductConvolution(nameof(MessageProduct1))]
    public static partial void Convolution1(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures,
        ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<double> output);

    [TensorProductConvolutionBackward(nameof(Convolution1))]
    public static partial void Convolution1Backward(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures,
        ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradNodeFeatures, TensorSpan<double> gradEdgeFeatures, TensorSpan<double> gradWeights);

    [TensorProduct(FeatureIrreps, Constant, GateIrreps)]
    public static partial void MixProduct1(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
        TensorSpan<double> output);

    [TensorProductBackward(nameof(MixProduct1))]
    public static partial void MixProduct1Backward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
        ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    [TensorProduct(EmbeddingIrreps, Constant, GateIrreps)]
    public static partial void SelfInteractionProduct1(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
        TensorSpan<double> output);

    [TensorProductBackward(nameof(SelfInteractionProduct1))]
    public static partial void SelfInteractionProduct1Backward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2,
        ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradX1, TensorSpan<double> gradX2,
        TensorSpan<double> gradWeights);

    // Layer 2: the features couple with the harmonics along every path into l ≤ 2.
    [TensorProduct(FeatureIrreps, EdgeIrreps, EdgeIrreps, Kind = TensorProductKind.Channelwise, SharedWeights = false)]
    public static partial void MessageProduct2(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
        TensorSpan<double> output);

    [TensorProductConvolution(nameof(MessageProduct2))]
    public static partial void Convolution2(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures,
        ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<double> output);

    [TensorProductConvolutionBackward(nameof(Convolution2))]
    public static partial void Convolution2Backward(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures,
        ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradNodeFeatures, TensorSpan<double> gradEdgeFeatures, TensorSpan<double> gradWeights);

    [TensorProduct(Layer2MessageIrreps, Constant, GateIrreps)]
    public static partial void MixProduct2(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
        TensorSpan<double> output);

    [TensorProductBackward(nameof(MixProduct2))]
    public static partial void MixProduct2Backward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
        ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    [TensorProduct(FeatureIrreps, Constant, GateIrreps)]
    public static partial void SelfInteractionProduct2(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
        TensorSpan<double> output);

    [TensorProductBackward(nameof(SelfInteractionProduct2))]
    public static partial void SelfInteractionProduct2Backward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2,
        ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradX1, TensorSpan<double> gradX2,
        TensorSpan<double> gradWeights);

    // The radial network's dense layers over all edges at once: forward (x W) and the input gradient (g Wᵀ).
    [Einsum("eb,bh->eh")]
    public static partial void Dense(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [Einsum("eh,bh->eb")]
    public static partial void DenseBackward(ReadOnlyTensorSpan<double> gradOutput, ReadOnlyTensorSpan<double> weights, TensorSpan<double> gradInput);
}
