using System.Numerics.Tensors;

namespace TensorGen.Equivariance.Tests.Interop;

/// <summary>The layers and products of tests/Conformance/e3nn_interop.json, declared as TensorGen kernels (double and float).</summary>
public static partial class InteropKernels
{
    public const string MixedIn = "2x0e+3x1o+1x2e+2x0e";
    public const string MixedOut = "3x0e+2x1o+1x1e+2x2e";
    public const string MixedBiasedOut = "3x0e+2x1o+1x1e+2x2e+1x0e";
    public const string MaceIn = "8x0e+4x1o+2x2e";
    public const string MaceOut = "6x0e+3x1o+2x2e";
    public const string UvuInstructions = "0,0,0,uvu,true; 0,1,2,uvu,true; 1,0,1,uvu,true; 1,1,3,uvu,true";

    [EquivariantLinear(MixedIn, MixedOut)]
    public static partial void Mixed(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [EquivariantLinearBackward(nameof(Mixed))]
    public static partial void MixedBackward(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradInput, TensorSpan<double> gradWeights);

    [EquivariantLinear(MixedIn, MixedOut)]
    public static partial void MixedFloat(ReadOnlyTensorSpan<float> input, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [EquivariantLinear(MixedIn, MixedBiasedOut, Biases = true)]
    public static partial void MixedBiases(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> biases,
        TensorSpan<double> output);

    [EquivariantLinearBackward(nameof(MixedBiases))]
    public static partial void MixedBiasesBackward(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradInput, TensorSpan<double> gradWeights, TensorSpan<double> gradBiases);

    [EquivariantLinear(MixedIn, MixedBiasedOut, Biases = true)]
    public static partial void MixedBiasesFloat(ReadOnlyTensorSpan<float> input, ReadOnlyTensorSpan<float> weights, ReadOnlyTensorSpan<float> biases,
        TensorSpan<float> output);

    [EquivariantLinear(MaceIn, MaceOut)]
    public static partial void MaceLike(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [EquivariantLinearBackward(nameof(MaceLike))]
    public static partial void MaceLikeBackward(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradInput, TensorSpan<double> gradWeights);

    [EquivariantLinear(MaceIn, MaceOut)]
    public static partial void MaceLikeFloat(ReadOnlyTensorSpan<float> input, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [EquivariantLinear(MaceIn, MaceOut, Biases = true)]
    public static partial void MaceLikeBiases(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> biases,
        TensorSpan<double> output);

    [EquivariantLinearBackward(nameof(MaceLikeBiases))]
    public static partial void MaceLikeBiasesBackward(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradInput, TensorSpan<double> gradWeights, TensorSpan<double> gradBiases);

    [EquivariantLinear(MaceIn, MaceOut, Biases = true)]
    public static partial void MaceLikeBiasesFloat(ReadOnlyTensorSpan<float> input, ReadOnlyTensorSpan<float> weights, ReadOnlyTensorSpan<float> biases,
        TensorSpan<float> output);

    [TensorProduct("2x0e+2x1o", "1x0e+1x1o", "2x0e+2x1o+1x2e")]
    public static partial void FullyConnected(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProduct("2x0e+2x1o", "1x0e+1x1o", "2x0e+2x1o+1x2e")]
    public static partial void FullyConnectedFloat(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProduct("3x0e+2x1o", "1x0e+1x1o", "3x0e+2x1o+3x1o+2x0e", Instructions = UvuInstructions)]
    public static partial void Uvu(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProduct("3x0e+2x1o", "1x0e+1x1o", "3x0e+2x1o+3x1o+2x0e", Instructions = UvuInstructions)]
    public static partial void UvuFloat(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);
}
