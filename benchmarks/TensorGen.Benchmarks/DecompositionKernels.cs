using System;
using System.Numerics.Tensors;
using TensorGen.Decompositions;

namespace TensorGen.Benchmarks;

/// <summary>The decomposition suite's kernels (shapes of ../shared/peers cases d2, e and f), declared in both forms.</summary>
public static partial class DecompositionKernels
{
    [CpKernel(CpOperation.Mttkrp, Order = 3, Modes = "0")]
    public static partial void Mttkrp(ReadOnlyTensorSpan<float> x, CpTensor<float> factors, TensorSpan<float> result);

    [CpKernel(CpOperation.Mttkrp, Shape = "200,200,200", Ranks = "32", Modes = "0")]
    public static partial void MttkrpStatic(ReadOnlySpan<float> x, CpTensor<float> factors, Span<float> result);

    [TuckerKernel(TuckerOperation.Reconstruct, Order = 3)]
    public static partial void TuckerReconstruct(TuckerTensor<float> x, TensorSpan<float> result);

    [TuckerKernel(TuckerOperation.Reconstruct, Shape = "128,128,128", Ranks = "16,16,16")]
    public static partial void TuckerReconstructStatic(TuckerTensor<float> x, Span<float> result);

    [TensorTrainKernel(TensorTrainOperation.Inner, Order = 16)]
    public static partial float TrainInner(TensorTrain<float> x, TensorTrain<float> y);

    [TensorTrainKernel(TensorTrainOperation.Inner, Shape = "2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2", Ranks = "64,64,64,64,64,64,64,64,64,64,64,64,64,64,64")]
    public static partial float TrainInnerStatic(TensorTrain<float> x, TensorTrain<float> y);
}
