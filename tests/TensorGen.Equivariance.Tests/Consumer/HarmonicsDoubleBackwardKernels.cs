using System.Numerics.Tensors;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>The double backward passes of <see cref="HarmonicsBackwardKernels"/>' harmonics: every normalization, normalized and raw, l ≤ 8.</summary>
public static partial class HarmonicsBackwardKernels
{
    [SphericalHarmonicsDoubleBackward(nameof(ComponentUnit))]
    public static partial void ComponentUnitDoubleBackward(ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradVectors, TensorSpan<double> gradVectors, TensorSpan<double> gradGradOutput);

    [SphericalHarmonicsDoubleBackward(nameof(ComponentRaw))]
    public static partial void ComponentRawDoubleBackward(ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradVectors, TensorSpan<double> gradVectors, TensorSpan<double> gradGradOutput);

    [SphericalHarmonicsDoubleBackward(nameof(NormUnit))]
    public static partial void NormUnitDoubleBackward(ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradVectors, TensorSpan<double> gradVectors, TensorSpan<double> gradGradOutput);

    [SphericalHarmonicsDoubleBackward(nameof(NormRaw))]
    public static partial void NormRawDoubleBackward(ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradVectors, TensorSpan<double> gradVectors, TensorSpan<double> gradGradOutput);

    [SphericalHarmonicsDoubleBackward(nameof(IntegralUnit))]
    public static partial void IntegralUnitDoubleBackward(ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradVectors, TensorSpan<double> gradVectors, TensorSpan<double> gradGradOutput);

    [SphericalHarmonicsDoubleBackward(nameof(IntegralRaw))]
    public static partial void IntegralRawDoubleBackward(ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradVectors, TensorSpan<double> gradVectors, TensorSpan<double> gradGradOutput);

    [SphericalHarmonicsDoubleBackward(nameof(Repeated))]
    public static partial void RepeatedDoubleBackward(ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradVectors, TensorSpan<double> gradVectors, TensorSpan<double> gradGradOutput);

    [SphericalHarmonicsDoubleBackward(nameof(EdgeSingle))]
    public static partial void EdgeSingleDoubleBackward(ReadOnlyTensorSpan<float> vectors, ReadOnlyTensorSpan<float> gradOutput,
        ReadOnlyTensorSpan<float> gradGradVectors, TensorSpan<float> gradVectors, TensorSpan<float> gradGradOutput);

    [SphericalHarmonicsDoubleBackward(nameof(Constant))]
    public static partial void ConstantDoubleBackward(ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradVectors, TensorSpan<double> gradVectors, TensorSpan<double> gradGradOutput);

    /// <summary>e3nn's conformance case (tests/Conformance/e3nn_sh_double_backward.json).</summary>
    [SphericalHarmonics("0e+1o+2e+3o+4e+5o+6e", Normalize = true, Normalization = ShNormalization.Component)]
    public static partial void UpToSix(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> output);

    [SphericalHarmonicsDoubleBackward(nameof(UpToSix))]
    public static partial void UpToSixDoubleBackward(ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradVectors, TensorSpan<double> gradVectors, TensorSpan<double> gradGradOutput);
}
