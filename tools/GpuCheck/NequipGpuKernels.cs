using System;
using System.Numerics.Tensors;

namespace TensorGen.GpuCheck;

/// <summary>
/// The NequIP-like interaction of ../shared/peers/e3nn_message_passing.py and benchmarks/TensorGen.Benchmarks/MessagePassing,
/// fp32: features 32x0e+32x1o+32x2e, edge harmonics 0e+1o+2e, the 15 uvu paths into l ≤ 2 with per-edge weights (480 per
/// edge, output dim 1,056), as a fused convolution with GPU kernels of both variants, forward and backward.
/// </summary>
public static partial class NequipGpuKernels
{
    public const string NodeIrreps = "32x0e+32x1o+32x2e";
    public const string EdgeIrreps = "0e+1o+2e";
    public const string OutputIrreps = "32x0e+32x1o+32x2e+32x1o+32x0e+32x1e+32x2e+32x1o+32x2o+32x2e+32x1o+32x2o+32x0e+32x1e+32x2e";
    public const string Paths =
        "0,0,0,uvu,true; 0,1,1,uvu,true; 0,2,2,uvu,true; 1,0,3,uvu,true; 1,1,4,uvu,true; 1,1,5,uvu,true; 1,1,6,uvu,true; 1,2,7,uvu,true; "
        + "1,2,8,uvu,true; 2,0,9,uvu,true; 2,1,10,uvu,true; 2,1,11,uvu,true; 2,2,12,uvu,true; 2,2,13,uvu,true; 2,2,14,uvu,true";

    [TensorProduct(NodeIrreps, EdgeIrreps, OutputIrreps, Instructions = Paths, SharedWeights = false)]
    public static partial void Message(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProductConvolution(nameof(Message), Backends = Backend.Cpu | Backend.Gpu, GpuScatter = ConvolutionScatter.Deterministic)]
    public static partial void Interaction(ReadOnlyTensorSpan<float> nodeFeatures, ReadOnlyTensorSpan<float> edgeFeatures, ReadOnlyTensorSpan<float> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<float> output);

    [TensorProductConvolutionBackward(nameof(Interaction), Backends = Backend.Cpu | Backend.Gpu, GpuScatter = ConvolutionScatter.Deterministic)]
    public static partial void InteractionBackward(ReadOnlyTensorSpan<float> nodeFeatures, ReadOnlyTensorSpan<float> edgeFeatures, ReadOnlyTensorSpan<float> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<float> gradOutput,
        TensorSpan<float> gradNodeFeatures, TensorSpan<float> gradEdgeFeatures, TensorSpan<float> gradWeights);

    [TensorProductConvolution(nameof(Message), Backends = Backend.Cpu | Backend.Gpu, GpuScatter = ConvolutionScatter.Atomic)]
    public static partial void InteractionAtomic(ReadOnlyTensorSpan<float> nodeFeatures, ReadOnlyTensorSpan<float> edgeFeatures, ReadOnlyTensorSpan<float> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<float> output);

    [TensorProductConvolutionBackward(nameof(InteractionAtomic), Backends = Backend.Cpu | Backend.Gpu, GpuScatter = ConvolutionScatter.Atomic)]
    public static partial void InteractionAtomicBackward(ReadOnlyTensorSpan<float> nodeFeatures, ReadOnlyTensorSpan<float> edgeFeatures, ReadOnlyTensorSpan<float> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<float> gradOutput,
        TensorSpan<float> gradNodeFeatures, TensorSpan<float> gradEdgeFeatures, TensorSpan<float> gradWeights);
}
