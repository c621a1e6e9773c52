using System.Numerics.Tensors;

namespace TensorGen.Gpu.Tests.Equivariant;

/// <summary>
/// Tensor products and spherical harmonics declared with <c>Backend.Gpu</c>: each CPU kernel gets its <c>…Gpu</c> entry
/// points and ILGPU kernel beside it. Mixed lists every connection mode (uvu, uvv, uvw, uuw weighted and not, uuu, uvuv),
/// with two paths into output block 0 and several paths reading each x1 block.
/// </summary>
public static partial class EquivariantGpuKernels
{
    public const string Mixed1 = "2x0e+2x1o", Mixed2 = "2x0e+2x1o", MixedOut = "2x0e+2x1o+4x1e+3x2e+1x0e";
    public const string MixedInstructions = "0,0,0,uvu,true; 1,1,0,uvv,true; 1,0,1,uuu,true; 0,1,1,uvw,true; 1,1,2,uvuv,false; 1,1,3,uuw,true; 0,0,4,uuw,false";
    public const string Full1 = "3x0e+2x1o", Full2 = "1x0e+1x1o+1x2e", FullOut = "2x0e+2x1o+1x2e";
    public const string Channel1 = "3x0e+2x1o+2x2e", Channel2 = "0e+1o+2e+3o", ChannelOut = "0e+1o+2e+3o";

    [TensorProduct(Mixed1, Mixed2, MixedOut, Instructions = MixedInstructions, Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void MixedSharedDouble(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(MixedSharedDouble), Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void MixedSharedDoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
        ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    [TensorProduct(Mixed1, Mixed2, MixedOut, Instructions = MixedInstructions, SharedWeights = false, Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void MixedRowsDouble(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(MixedRowsDouble), Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void MixedRowsDoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
        ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    [TensorProduct(Mixed1, Mixed2, MixedOut, Instructions = MixedInstructions, Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void MixedSharedSingle(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProductBackward(nameof(MixedSharedSingle), Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void MixedSharedSingleBackward(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights,
        ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights);

    [TensorProduct(Mixed1, Mixed2, MixedOut, Instructions = MixedInstructions, SharedWeights = false, Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void MixedRowsSingle(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProductBackward(nameof(MixedRowsSingle), Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void MixedRowsSingleBackward(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights,
        ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights);

    // e3nn's FullyConnectedTensorProduct: uvw paths, shared weights staged in shared memory.
    [TensorProduct(Full1, Full2, FullOut, Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void FullSingle(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProductBackward(nameof(FullSingle), Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void FullSingleBackward(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights,
        ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights);

    // NequIP / MACE: uvu into one output block per path, per-row weights (a small mace-large).
    [TensorProduct(Channel1, Channel2, ChannelOut, Kind = TensorProductKind.Channelwise, SharedWeights = false, Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void ChannelwiseSingle(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProductBackward(nameof(ChannelwiseSingle), Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void ChannelwiseSingleBackward(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights,
        ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights);

    // More channels than lanes (and than the CPU accelerator's group): strided channel loops, shared weights staged.
    [TensorProduct("40x0e+20x1o", "1x0e+1x1o", "24x0e+20x1o", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void WideDouble(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(WideDouble), Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void WideDoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
        ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    // mace-large as tools/GpuCheck declares it (128 channels: lanes clamped to the accelerator's group, strided channel loops).
    [TensorProduct("128x0e+128x1o+128x2e", "0e+1o+2e+3o", "0e+1o+2e+3o", Kind = TensorProductKind.Channelwise, SharedWeights = false, Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void MaceLargeSingle(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProductBackward(nameof(MaceLargeSingle), Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void MaceLargeSingleBackward(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights,
        ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights);

    // No weighted path: no weights parameters.
    [TensorProduct("2x1o", "1x1o", "2x0e+2x2e", Instructions = "0,0,0,uvu,false; 0,0,1,uvu,false", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void UnweightedDouble(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, TensorSpan<double> output);

    [TensorProductBackward(nameof(UnweightedDouble), Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void UnweightedDoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2);

    [SphericalHarmonics("0e+1o+2e+3o", Normalize = true, Normalization = ShNormalization.Component, Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void HarmonicsSingle(ReadOnlyTensorSpan<float> vectors, TensorSpan<float> output);

    [SphericalHarmonics("1x0e+2x1o+1x2e", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void HarmonicsDouble(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> output);

    [SphericalHarmonicsBackward(nameof(HarmonicsSingle), Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void HarmonicsSingleBackward(ReadOnlyTensorSpan<float> vectors, ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradVectors);

    [SphericalHarmonicsBackward(nameof(HarmonicsDouble), Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void HarmonicsDoubleBackward(ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradVectors);
}
