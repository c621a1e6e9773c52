using System.Numerics.Tensors;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>Spherical harmonics up to l = 8 and their backward passes, for every normalization with and without normalized inputs.</summary>
public static partial class HarmonicsBackwardKernels
{
    public const string UpToEight = "0e+1o+2e+3o+4e+5o+6e+7o+8e";

    [SphericalHarmonics(UpToEight, Normalize = true, Normalization = ShNormalization.Component)]
    public static partial void ComponentUnit(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> output);

    [SphericalHarmonicsBackward(nameof(ComponentUnit))]
    public static partial void ComponentUnitBackward(ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradVectors);

    [SphericalHarmonics(UpToEight, Normalize = false, Normalization = ShNormalization.Component)]
    public static partial void ComponentRaw(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> output);

    [SphericalHarmonicsBackward(nameof(ComponentRaw))]
    public static partial void ComponentRawBackward(ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradVectors);

    [SphericalHarmonics(UpToEight, Normalize = true, Normalization = ShNormalization.Norm)]
    public static partial void NormUnit(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> output);

    [SphericalHarmonicsBackward(nameof(NormUnit))]
    public static partial void NormUnitBackward(ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradVectors);

    [SphericalHarmonics(UpToEight, Normalize = false, Normalization = ShNormalization.Norm)]
    public static partial void NormRaw(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> output);

    [SphericalHarmonicsBackward(nameof(NormRaw))]
    public static partial void NormRawBackward(ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradVectors);

    [SphericalHarmonics(UpToEight, Normalize = true)]
    public static partial void IntegralUnit(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> output);

    [SphericalHarmonicsBackward(nameof(IntegralUnit))]
    public static partial void IntegralUnitBackward(ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradVectors);

    [SphericalHarmonics(UpToEight, Normalize = false)]
    public static partial void IntegralRaw(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> output);

    [SphericalHarmonicsBackward(nameof(IntegralRaw))]
    public static partial void IntegralRawBackward(ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradVectors);

    /// <summary>Degrees out of order and repeated: the adjoint of a harmonic sums every copy.</summary>
    [SphericalHarmonics("2x2y + 1y + 3y + 0y", Normalize = true, Normalization = ShNormalization.Component)]
    public static partial void Repeated(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> output);

    [SphericalHarmonicsBackward(nameof(Repeated))]
    public static partial void RepeatedBackward(ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradVectors);

    /// <summary>The NequIP edge harmonics in float.</summary>
    [SphericalHarmonics("0e+1o+2e", Normalize = true, Normalization = ShNormalization.Component)]
    public static partial void EdgeSingle(ReadOnlyTensorSpan<float> vectors, TensorSpan<float> output);

    [SphericalHarmonicsBackward(nameof(EdgeSingle))]
    public static partial void EdgeSingleBackward(ReadOnlyTensorSpan<float> vectors, ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradVectors);

    /// <summary>Only Y⁰: a zero gradient.</summary>
    [SphericalHarmonics("2x0e", Normalize = true)]
    public static partial void Constant(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> output);

    [SphericalHarmonicsBackward(nameof(Constant))]
    public static partial void ConstantBackward(ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradVectors);
}
