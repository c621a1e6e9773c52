using System.Numerics.Tensors;

namespace TensorGen.Benchmarks.Equivariant;

/// <summary>
/// OpenEquivariance's standard tensor products, declared for TensorGen in float and double with their backward passes.
/// The uvu configurations give every allowed (i, j, irrep) its own output block with per-row weights (NequIP / MACE
/// convolutions: Kind = Channelwise, the output irreps filter); DiffDock's is a fully connected uvw product with shared weights.
/// </summary>
public static partial class EquivariantKernels
{
    public const string MaceLarge1 = "128x0e+128x1o+128x2e", MaceLarge2 = "0e+1o+2e+3o", MaceLargeOut = "0e+1o+2e+3o";
    public const string MaceMedium1 = "128x0e+128x1o", MaceMedium2 = "0e+1o+2e+3o", MaceMediumOut = "0e+1o+2e";
    public const string Nequip1 = "64x0o+64x0e+64x1o+64x1e+64x2o+64x2e+64x3o+64x3e", Nequip2 = "0e+1o+2e+3o", NequipOut = "0o+0e+1o+1e+2o+2e+3o+3e";
    public const string DiffDock1 = "10x1o+10x1e+48x0e+48x0o", DiffDock2 = "0e+1o+2e", DiffDockOut = "10x1o+10x1e+48x0e+48x0o";

    [TensorProduct(MaceLarge1, MaceLarge2, MaceLargeOut, Kind = TensorProductKind.Channelwise, SharedWeights = false)]
    public static partial void MaceLargeSingle(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProductBackward(nameof(MaceLargeSingle))]
    public static partial void MaceLargeSingleBackward(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights,
        ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights);

    [TensorProduct(MaceLarge1, MaceLarge2, MaceLargeOut, Kind = TensorProductKind.Channelwise, SharedWeights = false)]
    public static partial void MaceLargeDouble(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(MaceLargeDouble))]
    public static partial void MaceLargeDoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
        ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    [TensorProduct(MaceMedium1, MaceMedium2, MaceMediumOut, Kind = TensorProductKind.Channelwise, SharedWeights = false)]
    public static partial void MaceMediumSingle(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProductBackward(nameof(MaceMediumSingle))]
    public static partial void MaceMediumSingleBackward(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights,
        ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights);

    [TensorProduct(MaceMedium1, MaceMedium2, MaceMediumOut, Kind = TensorProductKind.Channelwise, SharedWeights = false)]
    public static partial void MaceMediumDouble(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(MaceMediumDouble))]
    public static partial void MaceMediumDoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
        ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    [TensorProduct(Nequip1, Nequip2, NequipOut, Kind = TensorProductKind.Channelwise, SharedWeights = false)]
    public static partial void NequipBenzeneSingle(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProductBackward(nameof(NequipBenzeneSingle))]
    public static partial void NequipBenzeneSingleBackward(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights,
        ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights);

    [TensorProduct(Nequip1, Nequip2, NequipOut, Kind = TensorProductKind.Channelwise, SharedWeights = false)]
    public static partial void NequipBenzeneDouble(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(NequipBenzeneDouble))]
    public static partial void NequipBenzeneDoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
        ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    [TensorProduct(DiffDock1, DiffDock2, DiffDockOut)]
    public static partial void DiffDockSingle(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProductBackward(nameof(DiffDockSingle))]
    public static partial void DiffDockSingleBackward(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights,
        ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights);

    [TensorProduct(DiffDock1, DiffDock2, DiffDockOut)]
    public static partial void DiffDockDouble(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(DiffDockDouble))]
    public static partial void DiffDockDoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
        ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);
}
