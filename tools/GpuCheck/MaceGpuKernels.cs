using System.Numerics.Tensors;

namespace TensorGen.GpuCheck;

/// <summary>
/// The MACE configurations of benchmarks/TensorGen.Benchmarks/Equivariant/EquivariantKernels.cs (fp32, channelwise uvu,
/// per-row weights), declared with <c>Backend.Gpu</c> so that each CPU kernel has its <c>…Gpu</c> entry points.
/// </summary>
public static partial class MaceGpuKernels
{
    public const string MaceLarge1 = "128x0e+128x1o+128x2e", MaceLarge2 = "0e+1o+2e+3o", MaceLargeOut = "0e+1o+2e+3o";
    public const string MaceMedium1 = "128x0e+128x1o", MaceMedium2 = "0e+1o+2e+3o", MaceMediumOut = "0e+1o+2e";

    [TensorProduct(MaceLarge1, MaceLarge2, MaceLargeOut, Kind = TensorProductKind.Channelwise, SharedWeights = false, Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void MaceLarge(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProductBackward(nameof(MaceLarge), Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void MaceLargeBackward(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights,
        ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights);

    [TensorProduct(MaceMedium1, MaceMedium2, MaceMediumOut, Kind = TensorProductKind.Channelwise, SharedWeights = false, Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void MaceMedium(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProductBackward(nameof(MaceMedium), Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void MaceMediumBackward(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights,
        ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights);
}
