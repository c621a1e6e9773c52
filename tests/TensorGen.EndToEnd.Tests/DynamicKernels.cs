using System.Numerics.Tensors;

namespace TensorGen.EndToEnd.Tests;

/// <summary>Dynamic-form declarations, written only from the public contract: every syntax feature, float and double.</summary>
public static partial class DynamicKernels
{
    [Einsum("ij,jk->ik")]
    public static partial void MatMulF(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);

    [Einsum("ij,jk->ik")]
    public static partial void MatMulD(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, TensorSpan<double> result);

    [Einsum("bij,bjk->bik")]
    public static partial void BatchedMatMul(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);

    [Einsum("ij->ji")]
    public static partial void Transpose(ReadOnlyTensorSpan<double> a, TensorSpan<double> result);

    [Einsum("ijk->kij")]
    public static partial void Permute3(ReadOnlyTensorSpan<float> a, TensorSpan<float> result);

    [Einsum("ii->")]
    public static partial void Trace(ReadOnlyTensorSpan<double> a, TensorSpan<double> result);

    [Einsum("ii->i")]
    public static partial void Diagonal(ReadOnlyTensorSpan<double> a, TensorSpan<double> result);

    [Einsum("iij->ji")]
    public static partial void PartialDiagonal(ReadOnlyTensorSpan<float> a, TensorSpan<float> result);

    [Einsum("ij")]
    public static partial void ImplicitIdentity(ReadOnlyTensorSpan<double> a, TensorSpan<double> result);

    [Einsum("ba")]
    public static partial void ImplicitTranspose(ReadOnlyTensorSpan<float> a, TensorSpan<float> result);

    [Einsum("ij,jk")]
    public static partial void ImplicitMatMul(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);

    [Einsum("ii")]
    public static partial void ImplicitTrace(ReadOnlyTensorSpan<double> a, TensorSpan<double> result);

    [Einsum("...ij->...ji")]
    public static partial void BatchTranspose(ReadOnlyTensorSpan<double> a, TensorSpan<double> result);

    [Einsum("i...->...")]
    public static partial void SumFirstAxis(ReadOnlyTensorSpan<double> a, TensorSpan<double> result);

    [Einsum("i...i->...")]
    public static partial void TraceOuterAxes(ReadOnlyTensorSpan<float> a, TensorSpan<float> result);

    [Einsum("...ij,...jk->...ik")]
    public static partial void BroadcastMatMul(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);

    [Einsum("...i,...i->...")]
    public static partial void BroadcastDot(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, TensorSpan<double> result);

    [Einsum("...,...->...")]
    public static partial void BroadcastProduct(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, TensorSpan<double> result);

    [Einsum("...ij,...j")]
    public static partial void ImplicitBatchedMatVec(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, TensorSpan<double> result);

    [Einsum("i,i->")]
    public static partial void Dot(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);

    [Einsum("i,i")]
    public static partial void ImplicitDot(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, TensorSpan<double> result);

    [Einsum("i,j->ij")]
    public static partial void Outer(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);

    [Einsum("ijk,jil->kl")]
    public static partial void DoubleContraction(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, TensorSpan<double> result);

    [Einsum(",i->i")]
    public static partial void Scale(ReadOnlyTensorSpan<double> scalar, ReadOnlyTensorSpan<double> b, TensorSpan<double> result);

    [Einsum("->")]
    public static partial void ScalarCopy(ReadOnlyTensorSpan<double> scalar, TensorSpan<double> result);

    [Einsum("aB,Bc->ac")]
    public static partial void MixedCase(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);

    [Einsum("bn,anm,bm->ba")]
    public static partial void Bilinear(ReadOnlyTensorSpan<double> x, ReadOnlyTensorSpan<double> w, ReadOnlyTensorSpan<double> y, TensorSpan<double> result);

    [Einsum("i,i,i->i")]
    public static partial void TripleHadamard(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, ReadOnlyTensorSpan<float> c, TensorSpan<float> result);

    [Einsum("ea,fb,abcd,gc,hd->efgh")]
    public static partial void FourWayRotation(ReadOnlyTensorSpan<double> q1, ReadOnlyTensorSpan<double> q2, ReadOnlyTensorSpan<double> c,
        ReadOnlyTensorSpan<double> q3, ReadOnlyTensorSpan<double> q4, TensorSpan<double> result);

    [Einsum("igc,fka,efdk,jiedh,cj,gbh->ba")]
    public static partial void SixOperandNetwork(ReadOnlyTensorSpan<double> t0, ReadOnlyTensorSpan<double> t1, ReadOnlyTensorSpan<double> t2,
        ReadOnlyTensorSpan<double> t3, ReadOnlyTensorSpan<double> t4, ReadOnlyTensorSpan<double> t5, TensorSpan<double> result);

    [Einsum("αβ,βγ->αγ")]
    public static partial void GreekMatMul(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);

    [Einsum("𝐀i,i->𝐀")]
    public static partial void AstralLetters(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, TensorSpan<double> result);

    [Einsum("ij->")]
    public static partial void SumAll(ReadOnlyTensorSpan<double> a, TensorSpan<double> result);

    [Einsum("ij->i")]
    public static partial void RowSums(ReadOnlyTensorSpan<float> a, TensorSpan<float> result);

    [Einsum("ij,ij->ij")]
    public static partial void Hadamard(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, TensorSpan<double> result);

    [Einsum("ab,bc,cd->ad")]
    public static partial void Chain(ReadOnlyTensorSpan<float> x, ReadOnlyTensorSpan<float> y, ReadOnlyTensorSpan<float> z, TensorSpan<float> result);

    [Einsum("ijk,ijk->")]
    public static partial void FrobeniusInner(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, TensorSpan<double> result);

    [Einsum("ij,jk->ik", Accumulate = true)]
    public static partial void MatMulAccumulate(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);

    [Einsum("ii->i", Accumulate = true)]
    public static partial void DiagonalAccumulate(ReadOnlyTensorSpan<double> a, TensorSpan<double> result);

    [Einsum("i->i")]
    public static partial void Copy(ReadOnlyTensorSpan<double> a, TensorSpan<double> result);

    [Einsum("ab,cd->abcd")]
    public static partial void OuterMatrices(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);

    [Einsum("abc,cd,de,ef->abf")]
    public static partial void TensorTrainTail(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, ReadOnlyTensorSpan<double> c,
        ReadOnlyTensorSpan<double> d, TensorSpan<double> result);

    [Einsum("ijk,jr,kr->ir")]
    public static partial void Mttkrp(ReadOnlyTensorSpan<float> x, ReadOnlyTensorSpan<float> u, ReadOnlyTensorSpan<float> w, TensorSpan<float> result);

    [Einsum("kr,ijk,ir->jr", Accumulate = true)]
    public static partial void MttkrpModeTwoAccumulate(ReadOnlyTensorSpan<double> w, ReadOnlyTensorSpan<double> x, ReadOnlyTensorSpan<double> u,
        TensorSpan<double> result);
    [Einsum("xa,ab,bc->c", SizeHints = "x=chi^2,a=chi,b=chi,c=4")]
    public static partial void HintedSumOut(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, ReadOnlyTensorSpan<double> c,
        TensorSpan<double> result);

    [Einsum("xb,bc,cd->d", Path = "[[0], [1, 2], [0, 1]]")]
    public static partial void ExplicitUnaryPath(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, ReadOnlyTensorSpan<float> c,
        TensorSpan<float> result);

    /// <summary>Replan: called with sizes for which the compiled order is far costlier, the call runs a plan made for them.</summary>
    [Einsum("ab,bc,cd->ad", Replan = true)]
    public static partial void Replanned(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, ReadOnlyTensorSpan<double> c, TensorSpan<double> result);

    [Einsum("ab,bc,cd->ad", Replan = true, Accumulate = true)]
    public static partial void ReplannedAccumulate(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, ReadOnlyTensorSpan<float> c,
        TensorSpan<float> result);

    /// <summary>The default: each new shape planned for its real sizes, the binding reused per thread.</summary>
    [Einsum("ab,bc,cd->ad")]
    public static partial void Chain(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, ReadOnlyTensorSpan<double> c, TensorSpan<double> result);

    /// <summary>At these sizes a batched chain (every step keeps n, small per item): the run-time batched-chain kernel.</summary>
    [Einsum("ia,jb,kc,ld,nabcd->nijkl")]
    public static partial void RotateBatch(ReadOnlyTensorSpan<double> q1, ReadOnlyTensorSpan<double> q2, ReadOnlyTensorSpan<double> q3,
        ReadOnlyTensorSpan<double> q4, ReadOnlyTensorSpan<double> c, TensorSpan<double> result);

    [Einsum("nij,njk->nik", Accumulate = true)]
    public static partial void SmallBatchedMatMulAccumulate(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);

    /// <summary>PinOrder: the order planned at compile time (every index assumed 32) runs whatever the sizes.</summary>
    [Einsum("ab,bc,cd->ad", PinOrder = true)]
    public static partial void ChainPinned(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, ReadOnlyTensorSpan<double> c,
        TensorSpan<double> result);
}
