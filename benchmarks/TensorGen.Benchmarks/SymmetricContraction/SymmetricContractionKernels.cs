using System;
using System.Numerics.Tensors;

namespace TensorGen.Benchmarks.SymmetricContraction;

/// <summary>The peer's configurations (../shared/peers/mace_symmetric_contraction.py): correlation 3, 10 elements, float (torch's default).</summary>
public static partial class SymmetricContractionKernels
{
    [SymmetricContraction("128x0e+128x1o+128x2e", "128x0e+128x1o", Correlation = 3, Elements = 10)]
    public static partial void Medium(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> weights, ReadOnlySpan<int> elements, TensorSpan<float> output);

    [SymmetricContractionBackward(nameof(Medium))]
    public static partial void MediumBackward(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> weights, ReadOnlySpan<int> elements,
        ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradA, TensorSpan<float> gradWeights);

    [SymmetricContraction("128x0e+128x1o+128x2e", "128x0e", Correlation = 3, Elements = 10)]
    public static partial void Small(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> weights, ReadOnlySpan<int> elements, TensorSpan<float> output);

    [SymmetricContractionBackward(nameof(Small))]
    public static partial void SmallBackward(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> weights, ReadOnlySpan<int> elements,
        ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradA, TensorSpan<float> gradWeights);
}
