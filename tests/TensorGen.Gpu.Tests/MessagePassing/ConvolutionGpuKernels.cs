using System;
using System.Numerics.Tensors;

namespace TensorGen.Gpu.Tests.MessagePassing;

/// <summary>
/// Fused convolutions with GPU kernels, declared through the real generator: a small NequIP interaction (channelwise uvu,
/// per-edge weights) in double and float, a fully connected product with shared weights (staged in shared memory by the
/// atomic kernels, summed in order by the deterministic ones), and an unweighted one — each with
/// <c>GpuScatter = ConvolutionScatter.Deterministic</c> and <c>Atomic</c>, forward and backward.
/// </summary>
public static partial class ConvolutionGpuKernels
{
    public const string Nequip1 = "2x0e+2x1o+1x2e";
    public const string Nequip2 = "0e+1o+2e";
    public const string Shared1 = "2x0e+1x1o";
    public const string Shared2 = "0e+1o";
    public const string SharedOut = "2x0e+1x1o";
    public const string Unweighted1 = "2x1o";
    public const string Unweighted2 = "1o";
    public const string UnweightedOut = "2x0e+2x1e";
    public const string UnweightedInstructions = "0,0,0,uvu,false; 0,0,1,uvu,false";
    public const string Warp1 = "32x0e+32x1o";
    public const string Warp2 = "0e+1o";

    [TensorProduct(Nequip1, Nequip2, "", Kind = TensorProductKind.Channelwise, SharedWeights = false)]
    public static partial void NequipMessage(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProduct(Nequip1, Nequip2, "", Kind = TensorProductKind.Channelwise, SharedWeights = false)]
    public static partial void NequipMessageSingle(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProduct(Shared1, Shared2, SharedOut)]
    public static partial void SharedMessage(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    /// <summary>32 channels: the deterministic backward kernel runs a warp per sender and sums x2's gradient by shuffles.</summary>
    [TensorProduct(Warp1, Warp2, "", Kind = TensorProductKind.Channelwise, SharedWeights = false)]
    public static partial void WarpMessage(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProduct(Unweighted1, Unweighted2, UnweightedOut, Instructions = UnweightedInstructions)]
    public static partial void UnweightedMessage(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, TensorSpan<double> output);

    [TensorProductConvolution(nameof(NequipMessage), Backends = Backend.Cpu | Backend.Gpu, GpuScatter = ConvolutionScatter.Deterministic)]
    public static partial void NequipDeterministic(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures, ReadOnlyTensorSpan<double> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<double> output);

    [TensorProductConvolutionBackward(nameof(NequipDeterministic), Backends = Backend.Cpu | Backend.Gpu, GpuScatter = ConvolutionScatter.Deterministic)]
    public static partial void NequipDeterministicBackward(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures, ReadOnlyTensorSpan<double> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradNodeFeatures, TensorSpan<double> gradEdgeFeatures, TensorSpan<double> gradWeights);

    [TensorProductConvolution(nameof(NequipMessage), Backends = Backend.Cpu | Backend.Gpu, GpuScatter = ConvolutionScatter.Atomic)]
    public static partial void NequipAtomic(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures, ReadOnlyTensorSpan<double> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<double> output);

    [TensorProductConvolutionBackward(nameof(NequipAtomic), Backends = Backend.Cpu | Backend.Gpu, GpuScatter = ConvolutionScatter.Atomic)]
    public static partial void NequipAtomicBackward(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures, ReadOnlyTensorSpan<double> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradNodeFeatures, TensorSpan<double> gradEdgeFeatures, TensorSpan<double> gradWeights);

    [TensorProductConvolution(nameof(NequipMessageSingle), Backends = Backend.Cpu | Backend.Gpu, GpuScatter = ConvolutionScatter.Deterministic)]
    public static partial void NequipSingleDeterministic(ReadOnlyTensorSpan<float> nodeFeatures, ReadOnlyTensorSpan<float> edgeFeatures, ReadOnlyTensorSpan<float> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<float> output);

    [TensorProductConvolutionBackward(nameof(NequipSingleDeterministic), Backends = Backend.Cpu | Backend.Gpu, GpuScatter = ConvolutionScatter.Deterministic)]
    public static partial void NequipSingleDeterministicBackward(ReadOnlyTensorSpan<float> nodeFeatures, ReadOnlyTensorSpan<float> edgeFeatures, ReadOnlyTensorSpan<float> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<float> gradOutput,
        TensorSpan<float> gradNodeFeatures, TensorSpan<float> gradEdgeFeatures, TensorSpan<float> gradWeights);

    [TensorProductConvolution(nameof(NequipMessageSingle), Backends = Backend.Cpu | Backend.Gpu, GpuScatter = ConvolutionScatter.Atomic)]
    public static partial void NequipSingleAtomic(ReadOnlyTensorSpan<float> nodeFeatures, ReadOnlyTensorSpan<float> edgeFeatures, ReadOnlyTensorSpan<float> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<float> output);

    [TensorProductConvolutionBackward(nameof(NequipSingleAtomic), Backends = Backend.Cpu | Backend.Gpu, GpuScatter = ConvolutionScatter.Atomic)]
    public static partial void NequipSingleAtomicBackward(ReadOnlyTensorSpan<float> nodeFeatures, ReadOnlyTensorSpan<float> edgeFeatures, ReadOnlyTensorSpan<float> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<float> gradOutput,
        TensorSpan<float> gradNodeFeatures, TensorSpan<float> gradEdgeFeatures, TensorSpan<float> gradWeights);

    [TensorProductConvolution(nameof(SharedMessage), Backends = Backend.Cpu | Backend.Gpu, GpuScatter = ConvolutionScatter.Deterministic)]
    public static partial void SharedDeterministic(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures, ReadOnlyTensorSpan<double> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<double> output);

    [TensorProductConvolutionBackward(nameof(SharedDeterministic), Backends = Backend.Cpu | Backend.Gpu, GpuScatter = ConvolutionScatter.Deterministic)]
    public static partial void SharedDeterministicBackward(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures, ReadOnlyTensorSpan<double> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradNodeFeatures, TensorSpan<double> gradEdgeFeatures, TensorSpan<double> gradWeights);

    [TensorProductConvolution(nameof(SharedMessage), Backends = Backend.Cpu | Backend.Gpu, GpuScatter = ConvolutionScatter.Atomic)]
    public static partial void SharedAtomic(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures, ReadOnlyTensorSpan<double> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<double> output);

    [TensorProductConvolutionBackward(nameof(SharedAtomic), Backends = Backend.Cpu | Backend.Gpu, GpuScatter = ConvolutionScatter.Atomic)]
    public static partial void SharedAtomicBackward(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures, ReadOnlyTensorSpan<double> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradNodeFeatures, TensorSpan<double> gradEdgeFeatures, TensorSpan<double> gradWeights);

    [TensorProductConvolution(nameof(UnweightedMessage), Backends = Backend.Cpu | Backend.Gpu, GpuScatter = ConvolutionScatter.Deterministic)]
    public static partial void UnweightedDeterministic(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<double> output);

    [TensorProductConvolutionBackward(nameof(UnweightedDeterministic), Backends = Backend.Cpu | Backend.Gpu, GpuScatter = ConvolutionScatter.Deterministic)]
    public static partial void UnweightedDeterministicBackward(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradNodeFeatures, TensorSpan<double> gradEdgeFeatures);

    [TensorProductConvolution(nameof(UnweightedMessage), Backends = Backend.Cpu | Backend.Gpu, GpuScatter = ConvolutionScatter.Atomic)]
    public static partial void UnweightedAtomic(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<double> output);

    [TensorProductConvolutionBackward(nameof(UnweightedAtomic), Backends = Backend.Cpu | Backend.Gpu, GpuScatter = ConvolutionScatter.Atomic)]
    public static partial void UnweightedAtomicBackward(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradNodeFeatures, TensorSpan<double> gradEdgeFeatures);

    [TensorProductConvolution(nameof(WarpMessage), Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void WarpDeterministic(ReadOnlyTensorSpan<float> nodeFeatures, ReadOnlyTensorSpan<float> edgeFeatures, ReadOnlyTensorSpan<float> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<float> output);

    [TensorProductConvolutionBackward(nameof(WarpDeterministic), Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void WarpDeterministicBackward(ReadOnlyTensorSpan<float> nodeFeatures, ReadOnlyTensorSpan<float> edgeFeatures, ReadOnlyTensorSpan<float> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<float> gradOutput,
        TensorSpan<float> gradNodeFeatures, TensorSpan<float> gradEdgeFeatures, TensorSpan<float> gradWeights);

    [TensorProductConvolution(nameof(WarpMessage), Backends = Backend.Cpu | Backend.Gpu, GpuScatter = ConvolutionScatter.Atomic)]
    public static partial void WarpAtomic(ReadOnlyTensorSpan<float> nodeFeatures, ReadOnlyTensorSpan<float> edgeFeatures, ReadOnlyTensorSpan<float> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<float> output);

    [TensorProductConvolutionBackward(nameof(WarpAtomic), Backends = Backend.Cpu | Backend.Gpu, GpuScatter = ConvolutionScatter.Atomic)]
    public static partial void WarpAtomicBackward(ReadOnlyTensorSpan<float> nodeFeatures, ReadOnlyTensorSpan<float> edgeFeatures, ReadOnlyTensorSpan<float> weights,
        ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<float> gradOutput,
        TensorSpan<float> gradNodeFeatures, TensorSpan<float> gradEdgeFeatures, TensorSpan<float> gradWeights);
}
