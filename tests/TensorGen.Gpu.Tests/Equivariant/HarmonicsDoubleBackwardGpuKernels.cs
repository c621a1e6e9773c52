using System.Numerics.Tensors;

namespace TensorGen.Gpu.Tests.Equivariant;

/// <summary>Spherical-harmonics double backward passes with <c>Backend.Gpu</c>: float and double, normalized and raw, l up to 6.</summary>
public static partial class EquivariantGpuKernels
{
    [SphericalHarmonicsDoubleBackward(nameof(HarmonicsSingle), Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void HarmonicsSingleDoubleBackward(ReadOnlyTensorSpan<float> vectors, ReadOnlyTensorSpan<float> gradOutput,
        ReadOnlyTensorSpan<float> gradGradVectors, TensorSpan<float> gradVectors, TensorSpan<float> gradGradOutput);

    [SphericalHarmonicsDoubleBackward(nameof(HarmonicsDouble), Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void HarmonicsDoubleDoubleBackward(ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradVectors, TensorSpan<double> gradVectors, TensorSpan<double> gradGradOutput);

    [SphericalHarmonics("0e+1o+2e+3o+4e+5o+6e", Normalize = true, Normalization = ShNormalization.Norm, Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void HarmonicsSix(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> output);

    [SphericalHarmonicsDoubleBackward(nameof(HarmonicsSix), Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void HarmonicsSixDoubleBackward(ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradVectors, TensorSpan<double> gradVectors, TensorSpan<double> gradGradOutput);
}
