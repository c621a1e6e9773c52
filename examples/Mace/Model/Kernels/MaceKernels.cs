using System;
using System.Numerics.Tensors;
using TensorGen;
using TensorGen.Equivariance;

namespace Mace.Kernels;

/// <summary>
/// Every generated kernel the MACE-style model runs, declared once (Batatia et al., NeurIPS 2022). Every irrep block has the same
/// multiplicity, <see cref="Channels"/>, as MACE's symmetric contraction requires. Per layer: the interaction (a channelwise "uvu"
/// product of the sender's features with the edge harmonics, per-edge weights from the radial network, summed into the receiver by
/// the fused convolution), an e3nn Linear onto the atomic basis A, the symmetric contraction of A with itself up to correlation 3
/// (per-element weights), and an e3nn Linear on its output. Double precision: forces are checked against central differences.
/// </summary>
public static partial class MaceKernels
{
    /// <summary>The multiplicity of every irrep block.</summary>
    public const int Channels = 8;

    /// <summary>The number of chemical elements.</summary>
    public const int Elements = 3;

    /// <summary>The edges' spherical harmonics (parity (−1)ˡ: edge vectors are polar).</summary>
    public const string EdgeIrreps = "0e+1o+2e";

    /// <summary>The per-element embedding every atom starts from (MACE's LinearNodeEmbeddingBlock of the one-hot element).</summary>
    public const string EmbeddingIrreps = "8x0e";

    /// <summary>The atomic basis A the symmetric contraction reads (MACE's target_irreps for l_max = 2).</summary>
    public const string AtomicBasisIrreps = "8x0e+8x1o+8x2e";

    /// <summary>The node features after layer 1 (MACE's hidden_irreps "8x0e+8x1o").</summary>
    public const string Layer1Irreps = "8x0e+8x1o";

    /// <summary>The node features after the last layer: scalars only, as MACE keeps for its last layer.</summary>
    public const string Layer2Irreps = "8x0e";

    /// <summary>
    /// The interaction of layer 2 keeps every path of 8x0e+8x1o ⊗ 0e+1o+2e into l ≤ 2 with the right parity (7 paths); the
    /// product groups its output by irrep: 2, 3 and 2 blocks of 8. <see cref="Network.LayerKernels"/> checks this against the
    /// product's description at start-up.
    /// </summary>
    public const string Layer2MessageIrreps = "16x0e+24x1o+16x2e";

    /// <summary>
    /// The number of coupling vectors K of MACE's weight tensors per output irrep, orders 3, 2, 1 (MACE's parameter order): U_ν for
    /// 0e+1o+2e at correlation 3, as the generated kernels' headers list them. The drivers check the total weight count.
    /// </summary>
    public static readonly int[] ScalarCouplings = [11, 3, 1];

    /// <inheritdoc cref="ScalarCouplings"/>
    public static readonly int[] VectorCouplings = [21, 4, 1];

    public static readonly TensorProductDescription Message1 =
        TensorProductDescription.Create(EmbeddingIrreps, EdgeIrreps, "", kind: TensorProductKind.Channelwise, sharedWeights: false);

    public static readonly TensorProductDescription Message2 =
        TensorProductDescription.Create(Layer1Irreps, EdgeIrreps, EdgeIrreps, kind: TensorProductKind.Channelwise, sharedWeights: false);

    // Edge harmonics as MACE: normalize = True, normalization = "component" (‖Yˡ‖² = 2l+1).
    [SphericalHarmonics(EdgeIrreps, Normalize = true, Normalization = ShNormalization.Component)]
    public static partial void EdgeHarmonics(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> harmonics);

    [SphericalHarmonicsBackward(nameof(EdgeHarmonics))]
    public static partial void EdgeHarmonicsBackward(ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradHarmonics,
        TensorSpan<double> gradVectors);

    // ---- Layer 1: the embedding (8x0e) couples with the harmonics into 8x0e+8x1o+8x2e.
    [TensorProduct(EmbeddingIrreps, EdgeIrreps, "", Kind = TensorProductKind.Channelwise, SharedWeights = false)]
    public static partial void MessageProduct1(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
        TensorSpan<double> output);

    [TensorProductConvolution(nameof(MessageProduct1))]
    public static partial void Interaction1(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures,
        ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<double> output);

    [TensorProductConvolutionBackward(nameof(Interaction1))]
    public static partial void Interaction1Backward(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures,
        ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradNodeFeatures, TensorSpan<double> gradEdgeFeatures, TensorSpan<double> gradWeights);

    [EquivariantLinear(AtomicBasisIrreps, AtomicBasisIrreps)]
    public static partial void AtomicBasis1(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [EquivariantLinearBackward(nameof(AtomicBasis1))]
    public static partial void AtomicBasis1Backward(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights,
        ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradInput, TensorSpan<double> gradWeights);

    [SymmetricContraction(AtomicBasisIrreps, Layer1Irreps, Correlation = 3, Elements = Elements)]
    public static partial void Product1(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements,
        TensorSpan<double> output);

    [SymmetricContractionBackward(nameof(Product1))]
    public static partial void Product1Backward(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements,
        ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradA, TensorSpan<double> gradWeights);

    [EquivariantLinear(Layer1Irreps, Layer1Irreps)]
    public static partial void ProductLinear1(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [EquivariantLinearBackward(nameof(ProductLinear1))]
    public static partial void ProductLinear1Backward(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights,
        ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradInput, TensorSpan<double> gradWeights);

    // ---- Layer 2: the layer-1 features (8x0e+8x1o) couple with the harmonics along every path into l ≤ 2.
    [TensorProduct(Layer1Irreps, EdgeIrreps, EdgeIrreps, Kind = TensorProductKind.Channelwise, SharedWeights = false)]
    public static partial void MessageProduct2(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
        TensorSpan<double> output);

    [TensorProductConvolution(nameof(MessageProduct2))]
    public static partial void Interaction2(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures,
        ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<double> output);

    [TensorProductConvolutionBackward(nameof(Interaction2))]
    public static partial void Interaction2Backward(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures,
        ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradNodeFeatures, TensorSpan<double> gradEdgeFeatures, TensorSpan<double> gradWeights);

    [EquivariantLinear(Layer2MessageIrreps, AtomicBasisIrreps)]
    public static partial void AtomicBasis2(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [EquivariantLinearBackward(nameof(AtomicBasis2))]
    public static partial void AtomicBasis2Backward(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights,
        ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradInput, TensorSpan<double> gradWeights);

    [SymmetricContraction(AtomicBasisIrreps, Layer2Irreps, Correlation = 3, Elements = Elements)]
    public static partial void Product2(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements,
        TensorSpan<double> output);

    [SymmetricContractionBackward(nameof(Product2))]
    public static partial void Product2Backward(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements,
        ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradA, TensorSpan<double> gradWeights);

    [EquivariantLinear(Layer2Irreps, Layer2Irreps)]
    public static partial void ProductLinear2(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [EquivariantLinearBackward(nameof(ProductLinear2))]
    public static partial void ProductLinear2Backward(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights,
        ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradInput, TensorSpan<double> gradWeights);
}
