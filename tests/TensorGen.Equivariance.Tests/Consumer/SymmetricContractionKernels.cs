using System;
using System.Numerics.Tensors;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>
/// Symmetric contractions declared through the real generator: the two configurations of tests/Conformance/mace_symmetric_contraction.json
/// (MACE-medium-like 0e+1o+2e → 0e+1o, and 0e+1o+2e+3o → 0e+1o+2e with 5 channels, not a whole SIMD vector) at correlation 1, 2 and 3,
/// three elements, with their backward passes, and one float pair.
/// </summary>
public static partial class SymmetricContractionKernels
{
    public const string MediumIn = "3x0e+3x1o+3x2e", MediumOut = "3x0e+3x1o";
    public const string LargeIn = "5x0e+5x1o+5x2e+5x3o", LargeOut = "5x0e+5x1o+5x2e";

    [SymmetricContraction(MediumIn, MediumOut, Correlation = 1, Elements = 3)]
    public static partial void Medium1(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements, TensorSpan<double> output);

    [SymmetricContraction(MediumIn, MediumOut, Correlation = 2, Elements = 3)]
    public static partial void Medium2(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements, TensorSpan<double> output);

    [SymmetricContraction(MediumIn, MediumOut, Correlation = 3, Elements = 3)]
    public static partial void Medium3(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements, TensorSpan<double> output);

    [SymmetricContraction(LargeIn, LargeOut, Correlation = 1, Elements = 3)]
    public static partial void Large1(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements, TensorSpan<double> output);

    [SymmetricContraction(LargeIn, LargeOut, Correlation = 2, Elements = 3)]
    public static partial void Large2(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements, TensorSpan<double> output);

    [SymmetricContraction(LargeIn, LargeOut, Correlation = 3, Elements = 3)]
    public static partial void Large3(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements, TensorSpan<double> output);

    [SymmetricContractionBackward(nameof(Medium1))]
    public static partial void Medium1Backward(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements,
        ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradA, TensorSpan<double> gradWeights);

    [SymmetricContractionBackward(nameof(Medium2))]
    public static partial void Medium2Backward(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements,
        ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradA, TensorSpan<double> gradWeights);

    [SymmetricContractionBackward(nameof(Medium3))]
    public static partial void Medium3Backward(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements,
        ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradA, TensorSpan<double> gradWeights);

    [SymmetricContractionBackward(nameof(Large3))]
    public static partial void Large3Backward(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements,
        ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradA, TensorSpan<double> gradWeights);

    [SymmetricContraction(MediumIn, MediumOut, Correlation = 3, Elements = 3)]
    public static partial void Medium3Float(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> weights, ReadOnlySpan<int> elements, TensorSpan<float> output);

    [SymmetricContractionBackward(nameof(Medium3Float))]
    public static partial void Medium3FloatBackward(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> weights, ReadOnlySpan<int> elements,
        ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradA, TensorSpan<float> gradWeights);
}
