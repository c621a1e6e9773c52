using System;
using System.Numerics.Tensors;
using TensorGen.Decompositions;

namespace TensorGen.Fuzz.Tests.Kernels;

/// <summary>
/// Decomposition kernels this project declares, implemented by the real generator at build time: every format, the operations with
/// dense operands and results (where strides, overlaps and guard regions matter) and the scalar ones, both forms, float and double.
/// <see cref="DecompositionFamilies"/> lists how to call and check each.
/// </summary>
internal static partial class DecompositionKernels
{
    [CpKernel(CpOperation.Reconstruct, Order = 3)]
    public static partial void CpReconstructD(CpTensor<double> x, TensorSpan<double> result);

    [CpKernel(CpOperation.ModeProduct, Shape = "3,4,2", Ranks = "2", Modes = "1:3")]
    public static partial void CpModeProductStaticF(CpTensor<float> x, ReadOnlySpan<float> u0, Span<float> result);

    [CpKernel(CpOperation.Mttkrp, Order = 3, Modes = "2")]
    public static partial void CpMttkrpD(ReadOnlyTensorSpan<double> x, CpTensor<double> factors, TensorSpan<double> result);

    [CpKernel(CpOperation.Norm, Order = 2)]
    public static partial float CpNormF(CpTensor<float> x);

    [TuckerKernel(TuckerOperation.ModeVectorProduct, Order = 3, Modes = "0,2")]
    public static partial void TuckerVectorProductD(TuckerTensor<double> x, ReadOnlyTensorSpan<double> v0, ReadOnlyTensorSpan<double> v1, TensorSpan<double> result);

    [TuckerKernel(TuckerOperation.Reconstruct, Shape = "3,2,4", Ranks = "2,2,1")]
    public static partial void TuckerReconstructStaticF(TuckerTensor<float> x, Span<float> result);

    [TensorTrainKernel(TensorTrainOperation.Reconstruct, Order = 3)]
    public static partial void TrainReconstructF(TensorTrain<float> x, TensorSpan<float> result);

    [TensorTrainKernel(TensorTrainOperation.ModeProduct, Order = 3, Modes = "1")]
    public static partial void TrainModeProductD(TensorTrain<double> x, ReadOnlyTensorSpan<double> u0, TensorSpan<double> result);

    [TensorTrainKernel(TensorTrainOperation.Inner, Shape = "2,3,2", Ranks = "2,2")]
    public static partial double TrainInnerStaticD(TensorTrain<double> x, TensorTrain<double> y);

    [TensorTrainMatrixKernel(TensorTrainMatrixOperation.MatVec, Order = 2)]
    public static partial void MatVecD(TensorTrainMatrix<double> a, ReadOnlyTensorSpan<double> x, TensorSpan<double> result);

    [TensorTrainMatrixKernel(TensorTrainMatrixOperation.Reconstruct, Shape = "2x3,3x2", Ranks = "2")]
    public static partial void OperatorReconstructStaticF(TensorTrainMatrix<float> a, Span<float> result);

    [TensorTrainMatrixKernel(TensorTrainMatrixOperation.Expectation, Order = 2)]
    public static partial double ExpectationD(TensorTrain<double> x, TensorTrainMatrix<double> a, TensorTrain<double> y);
}
