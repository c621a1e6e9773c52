using System.Numerics.Tensors;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>Spherical harmonics declared through the real generator.</summary>
public static partial class HarmonicsKernels
{
    [SphericalHarmonics("1x0e+1x1o+1x2e+1x3o", Normalize = true, Normalization = ShNormalization.Component)]
    public static partial void Component(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> output);

    [SphericalHarmonics("1x0e+1x1o+1x2e", Normalize = true, Normalization = ShNormalization.Norm)]
    public static partial void Norm(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> output);

    [SphericalHarmonics("0e+1o+2e", Normalize = true)]
    public static partial void Integral(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> output);

    [SphericalHarmonics("1x0e+1x1o+1x2e+1x3o", Normalize = true, Normalization = ShNormalization.Component)]
    public static partial void ComponentSingle(ReadOnlyTensorSpan<float> vectors, TensorSpan<float> output);

    /// <summary>Degrees out of order, repeated, and up to 6; y-parities; unnormalized inputs.</summary>
    [SphericalHarmonics("2x2y + 1y + 6y + 0y", Normalization = ShNormalization.Component)]
    public static partial void Unnormalized(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> output);

    /// <summary>Spherical harmonics of a pseudovector: even parity throughout.</summary>
    [SphericalHarmonics("0e+1e+2e", Normalize = true, Normalization = ShNormalization.Component)]
    public static partial void Pseudovector(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> output);
}
