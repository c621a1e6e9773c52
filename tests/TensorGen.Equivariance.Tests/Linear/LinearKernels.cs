using System.Numerics.Tensors;

namespace TensorGen.Equivariance.Tests.Linear;

/// <summary>Equivariant linear layers declared through the real generator, for the tests in this folder.</summary>
public static partial class LinearKernels
{
    /// <summary>Two 0e input blocks into two 0e outputs, an output (1x1e) no input reaches, biases on the 0e outputs.</summary>
    public const string MixedIn = "3x0e+2x1o+2x0e+1x2e";

    public const string MixedOut = "2x0e+3x1o+1x1e+2x2e+1x0e";

    [EquivariantLinear(MixedIn, MixedOut, Biases = true)]
    public static partial void Mixed(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> biases,
        TensorSpan<double> output);

    [EquivariantLinearBackward(nameof(Mixed))]
    public static partial void MixedBackward(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradInput, TensorSpan<double> gradWeights, TensorSpan<double> gradBiases);

    [EquivariantLinear(MixedIn, MixedOut)]
    public static partial void MixedFloat(ReadOnlyTensorSpan<float> input, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [EquivariantLinearBackward(nameof(MixedFloat))]
    public static partial void MixedFloatBackward(ReadOnlyTensorSpan<float> input, ReadOnlyTensorSpan<float> weights, ReadOnlyTensorSpan<float> gradOutput,
        TensorSpan<float> gradInput, TensorSpan<float> gradWeights);

    /// <summary>e3nn's path normalization: each path by its own fan-in times the paths into the block.</summary>
    [EquivariantLinear("4x0e+3x1o+2x0e", "5x0e+2x1o", PathNormalization = PathNormalization.Path)]
    public static partial void PathNormalized(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    /// <summary>Two 1o blocks on each side (four paths adding into shared outputs, reading shared inputs), float, for tiles of rows.</summary>
    public const string RepeatedIn = "2x1o+3x0e+3x1o+1x2e";

    public const string RepeatedOut = "4x1o+1x2e+2x1o+2x0e";

    [EquivariantLinear(RepeatedIn, RepeatedOut, Biases = true)]
    public static partial void Repeated(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> biases,
        TensorSpan<double> output);

    [EquivariantLinearBackward(nameof(Repeated))]
    public static partial void RepeatedBackward(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradInput, TensorSpan<double> gradWeights, TensorSpan<double> gradBiases);

    /// <summary>Large enough that each path runs on the GEMM engine rather than the loop nest.</summary>
    public const string Wide = "48x0e+32x1o+16x2e";

    [EquivariantLinear(Wide, Wide, Biases = true)]
    public static partial void WideLayer(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> biases,
        TensorSpan<double> output);

    [EquivariantLinearBackward(nameof(WideLayer))]
    public static partial void WideLayerBackward(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradInput, TensorSpan<double> gradWeights, TensorSpan<double> gradBiases);
}
