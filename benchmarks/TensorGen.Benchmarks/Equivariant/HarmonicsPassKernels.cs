using System.Numerics.Tensors;

namespace TensorGen.Benchmarks.Equivariant;

/// <summary>
/// The spherical harmonics e3nn's models use on edges (normalized vectors, 'component'), l ≤ 2 and l ≤ 6, float, with their
/// backward and double backward passes: what <see cref="HarmonicsPassTiming"/> times.
/// </summary>
public static partial class HarmonicsPassKernels
{
    [SphericalHarmonics("0e+1o+2e", Normalize = true, Normalization = ShNormalization.Component)]
    public static partial void ShTwo(ReadOnlyTensorSpan<float> vectors, TensorSpan<float> output);

    [SphericalHarmonicsBackward(nameof(ShTwo))]
    public static partial void ShTwoBackward(ReadOnlyTensorSpan<float> vectors, ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradVectors);

    [SphericalHarmonicsDoubleBackward(nameof(ShTwo))]
    public static partial void ShTwoDoubleBackward(ReadOnlyTensorSpan<float> vectors, ReadOnlyTensorSpan<float> gradOutput, ReadOnlyTensorSpan<float> gradGradVectors,
        TensorSpan<float> gradVectors, TensorSpan<float> gradGradOutput);

    [SphericalHarmonics("0e+1o+2e+3o+4e+5o+6e", Normalize = true, Normalization = ShNormalization.Component)]
    public static partial void ShSix(ReadOnlyTensorSpan<float> vectors, TensorSpan<float> output);

    [SphericalHarmonicsBackward(nameof(ShSix))]
    public static partial void ShSixBackward(ReadOnlyTensorSpan<float> vectors, ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradVectors);

    [SphericalHarmonicsDoubleBackward(nameof(ShSix))]
    public static partial void ShSixDoubleBackward(ReadOnlyTensorSpan<float> vectors, ReadOnlyTensorSpan<float> gradOutput, ReadOnlyTensorSpan<float> gradGradVectors,
        TensorSpan<float> gradVectors, TensorSpan<float> gradGradOutput);
}
