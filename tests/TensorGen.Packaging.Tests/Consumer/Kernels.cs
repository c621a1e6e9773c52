using System;
using System.Numerics.Tensors;
using TensorGen;
using TensorGen.Decompositions;

namespace PackageConsumer;

/// <summary>One declaration of every kernel family, implemented by the packaged generator at build time.</summary>
public static partial class Kernels
{
    public const int Batch = 64, Size = 64;

    /// <summary>Static form: the 64×64³ batched matmul that README and docs/packaging.md time.</summary>
    [Einsum("bij,bjk->bik", Sizes = "b=64,i=64,j=64,k=64")]
    public static partial void BatchedMatMul(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    /// <summary>Dynamic form: sizes and strides read at run time.</summary>
    [Einsum("ij,jk,kl->il")]
    public static partial void Chain(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, ReadOnlyTensorSpan<double> c, TensorSpan<double> result);

    /// <summary>e3nn's FullyConnectedTensorProduct('2x0e+2x1o', '1x0e+1x1o', '2x0e+2x1o+1x2e') (conformance case fctp_small_component_element).</summary>
    [TensorProduct("2x0e+2x1o", "1x0e+1x1o", "2x0e+2x1o+1x2e",
        IrrepNormalization = IrrepNormalization.Component, PathNormalization = PathNormalization.Element, SharedWeights = true)]
    public static partial void Product(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(Product))]
    public static partial void ProductBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
        ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    /// <summary>Y⁰..Y³ of unit vectors, e3nn's 'component' normalization.</summary>
    [SphericalHarmonics("0e+1o+2e+3o", Normalize = true, Normalization = ShNormalization.Component)]
    public static partial void Harmonics(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> harmonics);

    /// <summary>Gather, <see cref="Product"/> per edge, scatter-sum into the receivers: one fused pass.</summary>
    [TensorProductConvolution(nameof(Product))]
    public static partial void Convolution(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures, ReadOnlyTensorSpan<double> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<double> output);

    /// <summary>A CP tensor made dense.</summary>
    [CpKernel(CpOperation.Reconstruct, Order = 3)]
    public static partial void CpDense(CpTensor<double> x, TensorSpan<double> result);
}
