using System;
using System.Numerics.Tensors;

namespace TensorGen.Benchmarks.MessagePassing;

/// <summary>
/// The NequIP-like layer of ../shared/peers/e3nn_message_passing.py, fp32: features 32x0e+32x1o+32x2e, edge harmonics
/// 0e+1o+2e (component normalization of unit vectors), every uvu path into l ≤ 2 with per-edge weights — the same 15
/// instructions in the same order, so the output irreps are e3nn's unsimplified list (dim 1,056) and the weights per edge 480.
/// </summary>
public static partial class MessagePassingKernels
{
    public const string NodeIrreps = "32x0e+32x1o+32x2e";
    public const string EdgeIrreps = "0e+1o+2e";
    public const string OutputIrreps = "32x0e+32x1o+32x2e+32x1o+32x0e+32x1e+32x2e+32x1o+32x2o+32x2e+32x1o+32x2o+32x0e+32x1e+32x2e";
    public const string Paths =
        "0,0,0,uvu,true; 0,1,1,uvu,true; 0,2,2,uvu,true; 1,0,3,uvu,true; 1,1,4,uvu,true; 1,1,5,uvu,true; 1,1,6,uvu,true; 1,2,7,uvu,true; "
        + "1,2,8,uvu,true; 2,0,9,uvu,true; 2,1,10,uvu,true; 2,1,11,uvu,true; 2,2,12,uvu,true; 2,2,13,uvu,true; 2,2,14,uvu,true";

    [SphericalHarmonics(EdgeIrreps, Normalize = true, Normalization = ShNormalization.Component)]
    public static partial void EdgeHarmonics(ReadOnlyTensorSpan<float> vectors, TensorSpan<float> output);

    [SphericalHarmonicsBackward(nameof(EdgeHarmonics))]
    public static partial void EdgeHarmonicsBackward(ReadOnlyTensorSpan<float> vectors, ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradVectors);

    [TensorProduct(NodeIrreps, EdgeIrreps, OutputIrreps, Instructions = Paths, SharedWeights = false)]
    public static partial void Message(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProductBackward(nameof(Message))]
    public static partial void MessageBackward(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights,
        ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights);

    [TensorProductConvolution(nameof(Message))]
    public static partial void Interaction(ReadOnlyTensorSpan<float> nodeFeatures, ReadOnlyTensorSpan<float> edgeFeatures, ReadOnlyTensorSpan<float> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<float> output);

    [TensorProductConvolutionBackward(nameof(Interaction))]
    public static partial void InteractionBackward(ReadOnlyTensorSpan<float> nodeFeatures, ReadOnlyTensorSpan<float> edgeFeatures, ReadOnlyTensorSpan<float> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<float> gradOutput,
        TensorSpan<float> gradNodeFeatures, TensorSpan<float> gradEdgeFeatures, TensorSpan<float> gradWeights);

    [TensorProductConvolutionDoubleBackward(nameof(Interaction))]
    public static partial void InteractionDoubleBackward(ReadOnlyTensorSpan<float> nodeFeatures, ReadOnlyTensorSpan<float> edgeFeatures, ReadOnlyTensorSpan<float> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<float> gradOutput,
        ReadOnlyTensorSpan<float> gradGradNodeFeatures, ReadOnlyTensorSpan<float> gradGradEdgeFeatures, ReadOnlyTensorSpan<float> gradGradWeights,
        TensorSpan<float> gradNodeFeatures, TensorSpan<float> gradEdgeFeatures, TensorSpan<float> gradWeights, TensorSpan<float> gradGradOutput);

    [TensorProductDoubleBackward(nameof(Message))]
    public static partial void MessageDoubleBackward(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights,
        ReadOnlyTensorSpan<float> gradOutput, ReadOnlyTensorSpan<float> gradGradX1, ReadOnlyTensorSpan<float> gradGradX2, ReadOnlyTensorSpan<float> gradGradWeights,
        TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights, TensorSpan<float> gradGradOutput);
}
