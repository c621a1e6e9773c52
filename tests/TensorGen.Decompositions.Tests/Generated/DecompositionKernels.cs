using System;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Decompositions;

namespace TensorGen.Decompositions.Tests.Generated;

/// <summary>Declared decomposition kernels, implemented by the generator at build time, in both forms.</summary>
public static partial class DecompositionKernels
{
    // CP, dynamic sizes.
    [CpKernel(CpOperation.Reconstruct, Order = 3)]
    public static partial void CpReconstruct(CpTensor<double> x, TensorSpan<double> result);

    [CpKernel(CpOperation.ModeProduct, Order = 3, Modes = "2,0")]
    public static partial void CpModeProduct(CpTensor<double> x, ReadOnlyTensorSpan<double> u2, ReadOnlyTensorSpan<double> u0, TensorSpan<double> result);

    [CpKernel(CpOperation.ModeVectorProduct, Order = 3, Modes = "1")]
    public static partial void CpVectorProduct(CpTensor<double> x, ReadOnlyTensorSpan<double> v1, TensorSpan<double> result);

    [CpKernel(CpOperation.ModeVectorProduct, Order = 3, Modes = "0,1,2")]
    public static partial double CpFullContraction(CpTensor<double> x, ReadOnlyTensorSpan<double> v0, ReadOnlyTensorSpan<double> v1, ReadOnlyTensorSpan<double> v2);

    [CpKernel(CpOperation.Inner, Order = 3)]
    public static partial Complex CpInner(CpTensor<Complex> x, CpTensor<Complex> y);

    [CpKernel(CpOperation.Norm, Order = 3)]
    public static partial double CpNorm(CpTensor<Complex> x);

    [CpKernel(CpOperation.Mttkrp, Order = 3, Modes = "1")]
    public static partial void Mttkrp(ReadOnlyTensorSpan<double> x, CpTensor<double> factors, TensorSpan<double> result);

    // CP, static sizes.
    [CpKernel(CpOperation.Mttkrp, Shape = "4,5,6", Ranks = "3", Modes = "0")]
    public static partial void MttkrpStatic(ReadOnlySpan<float> x, CpTensor<float> factors, Span<float> result);

    [CpKernel(CpOperation.ModeProduct, Shape = "4,5,6", Ranks = "3", Modes = "1:2")]
    public static partial void CpModeProductStatic(CpTensor<double> x, ReadOnlySpan<double> u, Span<double> result);

    // Tucker.
    [TuckerKernel(TuckerOperation.Reconstruct, Order = 3)]
    public static partial void TuckerReconstruct(TuckerTensor<Complex> x, TensorSpan<Complex> result);

    [TuckerKernel(TuckerOperation.Reconstruct, Shape = "6,5,4", Ranks = "2,3,2")]
    public static partial void TuckerReconstructStatic(TuckerTensor<double> x, Span<double> result);

    [TuckerKernel(TuckerOperation.Inner, Shape = "6,5,4", Ranks = "2,3,2")]
    public static partial double TuckerInnerStatic(TuckerTensor<double> x, TuckerTensor<double> y);

    [TuckerKernel(TuckerOperation.ModeVectorProduct, Order = 3, Modes = "0,2")]
    public static partial void TuckerVectorProduct(TuckerTensor<double> x, ReadOnlyTensorSpan<double> v0, ReadOnlyTensorSpan<double> v2, TensorSpan<double> result);

    [TuckerKernel(TuckerOperation.Norm, Order = 3)]
    public static partial float TuckerNorm(TuckerTensor<float> x);

    // Tensor trains.
    [TensorTrainKernel(TensorTrainOperation.Inner, Order = 5)]
    public static partial double TrainInner(TensorTrain<double> x, TensorTrain<double> y);

    [TensorTrainKernel(TensorTrainOperation.Inner, Order = 4)]
    public static partial Complex TrainInnerComplex(TensorTrain<Complex> x, TensorTrain<Complex> y);

    [TensorTrainKernel(TensorTrainOperation.Inner, Shape = "3,2,4,2", Ranks = "2,3,2")]
    public static partial double TrainInnerStatic(TensorTrain<double> x, TensorTrain<double> y);

    [TensorTrainKernel(TensorTrainOperation.Reconstruct, Order = 4)]
    public static partial void TrainReconstruct(TensorTrain<double> x, TensorSpan<double> result);

    [TensorTrainKernel(TensorTrainOperation.ModeProduct, Order = 4, Modes = "1,3")]
    public static partial void TrainModeProduct(TensorTrain<double> x, ReadOnlyTensorSpan<double> u1, ReadOnlyTensorSpan<double> u3, TensorSpan<double> result);

    [TensorTrainKernel(TensorTrainOperation.Norm, Order = 1)]
    public static partial double SingleCoreNorm(TensorTrain<double> x);

    // TT-matrices (MPOs).
    [TensorTrainMatrixKernel(TensorTrainMatrixOperation.MatVec, Order = 3)]
    public static partial void MatVec(TensorTrainMatrix<double> a, ReadOnlyTensorSpan<double> x, TensorSpan<double> result);

    [TensorTrainMatrixKernel(TensorTrainMatrixOperation.Apply, Order = 3)]
    public static partial TensorTrain<Complex> Apply(TensorTrainMatrix<Complex> a, TensorTrain<Complex> x);

    [TensorTrainMatrixKernel(TensorTrainMatrixOperation.Apply, Shape = "2x3,3x2,2x2", Ranks = "2,3", TrainRanks = "2,2")]
    public static partial TensorTrain<double> ApplyStatic(TensorTrainMatrix<double> a, TensorTrain<double> x);

    [TensorTrainMatrixKernel(TensorTrainMatrixOperation.Expectation, Order = 3)]
    public static partial Complex Expectation(TensorTrain<Complex> x, TensorTrainMatrix<Complex> a, TensorTrain<Complex> y);

    [TensorTrainMatrixKernel(TensorTrainMatrixOperation.Expectation, Shape = "2x3,3x2,2x2", Ranks = "2,3", TrainRanks = "2,2")]
    public static partial double ExpectationStatic(TensorTrain<double> x, TensorTrainMatrix<double> a, TensorTrain<double> y);

    [TensorTrainMatrixKernel(TensorTrainMatrixOperation.Reconstruct, Shape = "2x3,3x2,2x2", Ranks = "2,3")]
    public static partial void OperatorReconstructStatic(TensorTrainMatrix<double> a, Span<double> result);

    [TensorTrainMatrixKernel(TensorTrainMatrixOperation.Inner, Order = 3)]
    public static partial double OperatorInner(TensorTrainMatrix<double> a, TensorTrainMatrix<double> b);

    [TensorTrainMatrixKernel(TensorTrainMatrixOperation.Norm, Shape = "2x3,3x2,2x2", Ranks = "2,3")]
    public static partial double OperatorNormStatic(TensorTrainMatrix<double> a);
}
