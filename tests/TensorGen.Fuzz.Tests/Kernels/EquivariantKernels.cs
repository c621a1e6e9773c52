using System.Numerics.Tensors;

namespace TensorGen.Fuzz.Tests.Kernels;

/// <summary>
/// Tensor products and spherical harmonics this project declares, implemented by the real generator at build time: every connection
/// mode, weighted and not, shared and per-row weights, derived kinds, both Wigner 3j conventions, a path too large for the weight GEMM,
/// empty and unwritten blocks, float and double. <see cref="EquivariantFamilies"/> lists how to call and describe each.
/// </summary>
internal static partial class EquivariantKernels
{
    public const string FcIrreps1 = "2x0e+1x1o", FcIrreps2 = "1x0e+1x1o", FcIrrepsOut = "2x0e+1x1o+1x2e+1x1e";

    [TensorProduct(FcIrreps1, FcIrreps2, FcIrrepsOut)]
    public static partial void FullyConnectedF(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProductBackward(nameof(FullyConnectedF))]
    public static partial void FullyConnectedBackwardF(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights,
        ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights);

    [TensorProduct(FcIrreps1, FcIrreps2, FcIrrepsOut, SharedWeights = false)]
    public static partial void FullyConnectedPerRowD(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(FullyConnectedPerRowD))]
    public static partial void FullyConnectedPerRowBackwardD(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
        ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    public const string ModesIrreps1 = "2x1o+2x2e+1x0e", ModesIrreps2 = "2x1o+1x0o", ModesIrrepsOut = "2x1e+4x2o+1x1e+2x3o+2x0e+1x0o+3x2o";

    public const string ModesInstructions = "0,0,0,uvu,true; 1,0,1,uvuv,false,0.5; 1,0,6,uvw,true; 0,0,4,uuu,true; 0,0,4,uuw,true,2.0; 1,0,3,uvv,true; "
        + "2,1,5,uvw,true; 0,0,2,uuw,false,1.5";

    [TensorProduct(ModesIrreps1, ModesIrreps2, ModesIrrepsOut, Instructions = ModesInstructions, IrrepNormalization = IrrepNormalization.Norm,
        PathNormalization = PathNormalization.Path)]
    public static partial void ModesD(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(ModesD))]
    public static partial void ModesBackwardD(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
        ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    [TensorProduct(ModesIrreps1, ModesIrreps2, ModesIrrepsOut, Instructions = ModesInstructions, SharedWeights = false, Wigner3j = Wigner3jConvention.E3nnLegacy)]
    public static partial void ModesLegacyPerRowF(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProductBackward(nameof(ModesLegacyPerRowF))]
    public static partial void ModesLegacyPerRowBackwardF(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights,
        ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights);

    public const string ElementwiseIrreps1 = "2x0e+1x1o+1x2e", ElementwiseIrreps2 = "1x1o+3x0e";

    [TensorProduct(ElementwiseIrreps1, ElementwiseIrreps2, "", Kind = TensorProductKind.Elementwise)]
    public static partial void ElementwiseF(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, TensorSpan<float> output);

    [TensorProductBackward(nameof(ElementwiseF))]
    public static partial void ElementwiseBackwardF(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> gradOutput,
        TensorSpan<float> gradX1, TensorSpan<float> gradX2);

    public const string FullIrreps1 = "1x0e+2x1o", FullIrreps2 = "1x1o+1x2e";

    [TensorProduct(FullIrreps1, FullIrreps2, "", Kind = TensorProductKind.Full)]
    public static partial void FullD(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, TensorSpan<double> output);

    [TensorProductBackward(nameof(FullD))]
    public static partial void FullBackwardD(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2);

    public const string ChannelIrreps1 = "3x0e+2x1o", ChannelIrreps2 = "0e+1o+2e", ChannelIrrepsOut = "0e+1o+2e+1e+2o";

    [TensorProduct(ChannelIrreps1, ChannelIrreps2, ChannelIrrepsOut, Kind = TensorProductKind.Channelwise, SharedWeights = false)]
    public static partial void ChannelwisePerRowD(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(ChannelwisePerRowD))]
    public static partial void ChannelwisePerRowBackwardD(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
        ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    /// <summary>One uvw path of 32 × 32 × 2 multiplicities over l = 2: too many pairs for the weight GEMM's stack, so the path loops instead.</summary>
    public const string WideIrreps = "32x2e", WideIrrepsOut = "2x2e+0x1o";

    [TensorProduct(WideIrreps, WideIrreps, WideIrrepsOut)]
    public static partial void WideF(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProductBackward(nameof(WideF))]
    public static partial void WideBackwardF(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights,
        ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights);

    /// <summary>No path at all: the output is only cleared; x2 has no features.</summary>
    [TensorProduct("1x1o", "", "2x0e", Instructions = "")]
    public static partial void EmptyD(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, TensorSpan<double> output);

    [TensorProductBackward(nameof(EmptyD))]
    public static partial void EmptyBackwardD(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2);

    [SphericalHarmonics("0e+1o+2e+3o", Normalize = true, Normalization = ShNormalization.Component)]
    public static partial void HarmonicsComponentF(ReadOnlyTensorSpan<float> vectors, TensorSpan<float> output);

    [SphericalHarmonics("1x0e+1x1o+1x2e", Normalize = true, Normalization = ShNormalization.Norm)]
    public static partial void HarmonicsNormD(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> output);

    [SphericalHarmonics("2x2y + 1y + 5y + 0y", Normalization = ShNormalization.Component)]
    public static partial void HarmonicsUnnormalizedD(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> output);

    [SphericalHarmonics("0e+1e+2e+0x1e", Normalize = true)]
    public static partial void HarmonicsPseudovectorIntegralF(ReadOnlyTensorSpan<float> vectors, TensorSpan<float> output);
}
