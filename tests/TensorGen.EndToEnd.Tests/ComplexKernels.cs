using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace TensorGen.EndToEnd.Tests;

/// <summary>
/// [Einsum] declarations over System.Numerics.Complex, both forms: the suite's shapes of contraction (GEMM, batched GEMM,
/// chains, rotations, MTTKRP, Tucker), the spectral convolution's two contractions, unary steps, "...", accumulation,
/// slicing and per-shape replanning.
/// </summary>
public static partial class ComplexKernels
{
    // Dynamic form.
    [Einsum("ij,jk->ik")]
    public static partial void MatMul(ReadOnlyTensorSpan<Complex> a, ReadOnlyTensorSpan<Complex> b, TensorSpan<Complex> result);

    [Einsum("bij,bjk->bik")]
    public static partial void BatchedMatMul(ReadOnlyTensorSpan<Complex> a, ReadOnlyTensorSpan<Complex> b, TensorSpan<Complex> result);

    [Einsum("bixy,ioxy->boxy")]
    public static partial void SpectralMix(ReadOnlyTensorSpan<Complex> x, ReadOnlyTensorSpan<Complex> w, TensorSpan<Complex> result);

    [Einsum("bixy,r,ir,or,xr,yr->boxy")]
    public static partial void SpectralMixCp(ReadOnlyTensorSpan<Complex> x, ReadOnlyTensorSpan<Complex> weights, ReadOnlyTensorSpan<Complex> input,
        ReadOnlyTensorSpan<Complex> output, ReadOnlyTensorSpan<Complex> modesX, ReadOnlyTensorSpan<Complex> modesY, TensorSpan<Complex> result);

    [Einsum("ijk->kij")]
    public static partial void Permute3(ReadOnlyTensorSpan<Complex> a, TensorSpan<Complex> result);

    [Einsum("ii->")]
    public static partial void Trace(ReadOnlyTensorSpan<Complex> a, TensorSpan<Complex> result);

    [Einsum("iij->ji")]
    public static partial void PartialDiagonal(ReadOnlyTensorSpan<Complex> a, TensorSpan<Complex> result);

    [Einsum("...ij,...jk->...ik")]
    public static partial void BroadcastMatMul(ReadOnlyTensorSpan<Complex> a, ReadOnlyTensorSpan<Complex> b, TensorSpan<Complex> result);

    [Einsum("i,i->")]
    public static partial void Dot(ReadOnlyTensorSpan<Complex> a, ReadOnlyTensorSpan<Complex> b, TensorSpan<Complex> result);

    [Einsum("i,j->ij")]
    public static partial void Outer(ReadOnlyTensorSpan<Complex> a, ReadOnlyTensorSpan<Complex> b, TensorSpan<Complex> result);

    [Einsum("ij,ij->ij")]
    public static partial void Hadamard(ReadOnlyTensorSpan<Complex> a, ReadOnlyTensorSpan<Complex> b, TensorSpan<Complex> result);

    [Einsum("ijk,jil->kl")]
    public static partial void DoubleContraction(ReadOnlyTensorSpan<Complex> a, ReadOnlyTensorSpan<Complex> b, TensorSpan<Complex> result);

    [Einsum("igc,fka,efdk,jiedh,cj,gbh->ba")]
    public static partial void SixOperandNetwork(ReadOnlyTensorSpan<Complex> a, ReadOnlyTensorSpan<Complex> b, ReadOnlyTensorSpan<Complex> c,
        ReadOnlyTensorSpan<Complex> d, ReadOnlyTensorSpan<Complex> e, ReadOnlyTensorSpan<Complex> f, TensorSpan<Complex> result);

    [Einsum("ij,jk->ik", Accumulate = true)]
    public static partial void MatMulAccumulate(ReadOnlyTensorSpan<Complex> a, ReadOnlyTensorSpan<Complex> b, TensorSpan<Complex> result);

    [Einsum("ijk,jr,kr->ir")]
    public static partial void Mttkrp(ReadOnlyTensorSpan<Complex> x, ReadOnlyTensorSpan<Complex> u, ReadOnlyTensorSpan<Complex> w, TensorSpan<Complex> result);

    [Einsum("ab,bc,cd->ad", Replan = true)]
    public static partial void Replanned(ReadOnlyTensorSpan<Complex> a, ReadOnlyTensorSpan<Complex> b, ReadOnlyTensorSpan<Complex> c, TensorSpan<Complex> result);

    [Einsum("ia,jb,kc,ld,nabcd->nijkl")]
    public static partial void RotateBatch(ReadOnlyTensorSpan<Complex> q1, ReadOnlyTensorSpan<Complex> q2, ReadOnlyTensorSpan<Complex> q3,
        ReadOnlyTensorSpan<Complex> q4, ReadOnlyTensorSpan<Complex> c, TensorSpan<Complex> result);

    [Einsum("nij,njk->nik", Accumulate = true)]
    public static partial void SmallBatchedMatMulAccumulate(ReadOnlyTensorSpan<Complex> a, ReadOnlyTensorSpan<Complex> b, TensorSpan<Complex> result);

    // Static form.
    [Einsum("ij,jk->ik", Sizes = "i=4,j=5,k=3")]
    public static partial void MatMulS(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> result);

    [Einsum("ij,jk->ik", Sizes = "i=40,j=33,k=65")]
    public static partial void MatMulEngineS(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> result);

    [Einsum("bixy,ioxy->boxy", Sizes = "b=4,i=8,o=8,x=4,y=3")]
    public static partial void SpectralMixS(ReadOnlySpan<Complex> x, ReadOnlySpan<Complex> w, Span<Complex> result);

    [Einsum("bixy,r,ir,or,xr,yr->boxy", Sizes = "b=2,i=8,o=8,x=4,y=3,r=4")]
    public static partial void SpectralMixCpS(ReadOnlySpan<Complex> x, ReadOnlySpan<Complex> weights, ReadOnlySpan<Complex> input,
        ReadOnlySpan<Complex> output, ReadOnlySpan<Complex> modesX, ReadOnlySpan<Complex> modesY, Span<Complex> result);

    [Einsum("ia,jb,kc,ld,abcd->ijkl", Sizes = "i=3,j=3,k=3,l=3,a=3,b=3,c=3,d=3")]
    public static partial void RotateS(ReadOnlySpan<Complex> q1, ReadOnlySpan<Complex> q2, ReadOnlySpan<Complex> q3, ReadOnlySpan<Complex> q4,
        ReadOnlySpan<Complex> c, Span<Complex> result);

    [Einsum("ia,jb,nab->nij", Sizes = "i=3,j=2,a=3,b=4,n=45")]
    public static partial void BatchedRotationS(ReadOnlySpan<Complex> u, ReadOnlySpan<Complex> v, ReadOnlySpan<Complex> x, Span<Complex> result);

    [Einsum("ijk,jr,kr->ir", Sizes = "i=5,j=7,k=9,r=4")]
    public static partial void MttkrpS(ReadOnlySpan<Complex> x, ReadOnlySpan<Complex> u, ReadOnlySpan<Complex> w, Span<Complex> result);

    [Einsum("abc,ia,jb,kc->ijk", Sizes = "a=4,b=3,c=2,i=5,j=4,k=6")]
    public static partial void TuckerS(ReadOnlySpan<Complex> core, ReadOnlySpan<Complex> u, ReadOnlySpan<Complex> v, ReadOnlySpan<Complex> w, Span<Complex> result);

    [Einsum("ab,bc,cd->ad", Sizes = "a=100,b=10,c=100,d=10", Accumulate = true)]
    public static partial void ChainEngineAccumulateS(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, ReadOnlySpan<Complex> c, Span<Complex> result);

    [Einsum("ii->", Sizes = "i=5")]
    public static partial void TraceS(ReadOnlySpan<Complex> a, Span<Complex> result);

    [Einsum("iij->ji", Sizes = "i=3,j=2")]
    public static partial void PartialDiagonalS(ReadOnlySpan<Complex> a, Span<Complex> result);

    [Einsum("i,j->ij", Sizes = "i=3,j=4")]
    public static partial void OuterS(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> result);

    [Einsum("i,i,i->i", Sizes = "i=6")]
    public static partial void TripleHadamardS(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, ReadOnlySpan<Complex> c, Span<Complex> result);

    [Einsum("bij,bjk,bik->", Sizes = "b=1000,i=2,j=2,k=2")]
    public static partial void LoopNestsThenScalarS(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, ReadOnlySpan<Complex> c, Span<Complex> result);

    [Einsum("ab,bc,cd->ad", Sizes = "a=4,b=6,c=5,d=3", MemoryLimit = 4)]
    public static partial void SlicedChainS(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, ReadOnlySpan<Complex> c, Span<Complex> result);

    [Einsum("ij,jk->ik", Sizes = "i=3,j=0,k=2")]
    public static partial void EmptyContractionS(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> result);
}
