using System;
using System.Numerics.Tensors;

namespace TensorGen.Benchmarks.Dynamic;

/// <summary>
/// The suite's expressions in both forms side by side: the dynamic form (tensor spans, sizes read and planned at run time)
/// as a new user writes it first, and the static form (Sizes) where SuiteKernels has only the dynamic one (a, b), plus the
/// tiny kernels that show the per-call overhead.
/// </summary>
public static partial class DynamicSuiteKernels
{
    /// <summary>a) static, n = 1024.</summary>
    [Einsum("ij,jk->ik", Sizes = "i=1024,j=1024,k=1024")]
    public static partial void MatMulStatic(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    /// <summary>b) static, 64 × 64³ (also the first-call case).</summary>
    [Einsum("bij,bjk->bik", Sizes = "b=64,i=64,j=64,k=64")]
    public static partial void BatchedMatMulStatic(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    /// <summary>c1, c2) the rotation of a 4th-order tensor (or a batch of them) by four 3 × 3 matrices.</summary>
    [Einsum("ia,jb,kc,ld,abcd->ijkl")]
    public static partial void Rotate(ReadOnlyTensorSpan<float> q1, ReadOnlyTensorSpan<float> q2, ReadOnlyTensorSpan<float> q3,
        ReadOnlyTensorSpan<float> q4, ReadOnlyTensorSpan<float> c, TensorSpan<float> result);

    [Einsum("ia,jb,kc,ld,nabcd->nijkl")]
    public static partial void RotateBatch(ReadOnlyTensorSpan<float> q1, ReadOnlyTensorSpan<float> q2, ReadOnlyTensorSpan<float> q3,
        ReadOnlyTensorSpan<float> q4, ReadOnlyTensorSpan<float> c, TensorSpan<float> result);

    /// <summary>d1) a tensor train of 8 cores contracted with a product state.</summary>
    [Einsum("Aa,aBb,bCc,cDd,dEe,eFf,fGg,gH,A,B,C,D,E,F,G,H->")]
    public static partial void TrainTimesProductState(
        ReadOnlyTensorSpan<float> g0, ReadOnlyTensorSpan<float> g1, ReadOnlyTensorSpan<float> g2, ReadOnlyTensorSpan<float> g3,
        ReadOnlyTensorSpan<float> g4, ReadOnlyTensorSpan<float> g5, ReadOnlyTensorSpan<float> g6, ReadOnlyTensorSpan<float> g7,
        ReadOnlyTensorSpan<float> v0, ReadOnlyTensorSpan<float> v1, ReadOnlyTensorSpan<float> v2, ReadOnlyTensorSpan<float> v3,
        ReadOnlyTensorSpan<float> v4, ReadOnlyTensorSpan<float> v5, ReadOnlyTensorSpan<float> v6, ReadOnlyTensorSpan<float> v7,
        TensorSpan<float> result);

    /// <summary>d2) the inner product of two tensor trains of 16 cores (bond 64).</summary>
    [Einsum("aq,qbr,rcs,sdt,teu,ufv,vgw,whx,xiy,yjz,zkA,AlB,BmC,CnD,DoE,Ep,aF,FbG,GcH,HdI,IeJ,JfK,KgL,LhM,MiN,NjO,OkP,PlQ,QmR,RnS,SoT,Tp->")]
    public static partial void TrainInnerProduct(
        ReadOnlyTensorSpan<float> a0, ReadOnlyTensorSpan<float> a1, ReadOnlyTensorSpan<float> a2, ReadOnlyTensorSpan<float> a3, ReadOnlyTensorSpan<float> a4, ReadOnlyTensorSpan<float> a5, ReadOnlyTensorSpan<float> a6, ReadOnlyTensorSpan<float> a7, ReadOnlyTensorSpan<float> a8, ReadOnlyTensorSpan<float> a9, ReadOnlyTensorSpan<float> a10, ReadOnlyTensorSpan<float> a11, ReadOnlyTensorSpan<float> a12, ReadOnlyTensorSpan<float> a13, ReadOnlyTensorSpan<float> a14, ReadOnlyTensorSpan<float> a15,
        ReadOnlyTensorSpan<float> b0, ReadOnlyTensorSpan<float> b1, ReadOnlyTensorSpan<float> b2, ReadOnlyTensorSpan<float> b3, ReadOnlyTensorSpan<float> b4, ReadOnlyTensorSpan<float> b5, ReadOnlyTensorSpan<float> b6, ReadOnlyTensorSpan<float> b7, ReadOnlyTensorSpan<float> b8, ReadOnlyTensorSpan<float> b9, ReadOnlyTensorSpan<float> b10, ReadOnlyTensorSpan<float> b11, ReadOnlyTensorSpan<float> b12, ReadOnlyTensorSpan<float> b13, ReadOnlyTensorSpan<float> b14, ReadOnlyTensorSpan<float> b15,
        TensorSpan<float> result);

    /// <summary>e) MTTKRP.</summary>
    [Einsum("ijk,jr,kr->ir")]
    public static partial void Mttkrp(ReadOnlyTensorSpan<float> x, ReadOnlyTensorSpan<float> u, ReadOnlyTensorSpan<float> w, TensorSpan<float> result);

    /// <summary>f) Tucker reconstruction.</summary>
    [Einsum("abc,ia,jb,kc->ijk")]
    public static partial void Tucker(ReadOnlyTensorSpan<float> core, ReadOnlyTensorSpan<float> u1, ReadOnlyTensorSpan<float> u2,
        ReadOnlyTensorSpan<float> u3, TensorSpan<float> result);

    /// <summary>g) the matrix chain whose order decides the cost.</summary>
    [Einsum("ab,bc,cd->ad")]
    public static partial void Chain(ReadOnlyTensorSpan<float> x, ReadOnlyTensorSpan<float> y, ReadOnlyTensorSpan<float> z, TensorSpan<float> result);

    /// <summary>g) pinned to the compile-time order (every index assumed 32): what the dynamic form did before it planned per shape.</summary>
    [Einsum("ab,bc,cd->ad", PinOrder = true)]
    public static partial void ChainPinned(ReadOnlyTensorSpan<float> x, ReadOnlyTensorSpan<float> y, ReadOnlyTensorSpan<float> z, TensorSpan<float> result);

    /// <summary>Per-call overhead: a 2 × 2 matrix product, dynamic and static.</summary>
    [Einsum("ij,jk->ik")]
    public static partial void MatMulTiny(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);

    [Einsum("ij,jk->ik", Sizes = "i=2,j=2,k=2")]
    public static partial void MatMulTinyStatic(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    /// <summary>The quickstart's trace and batched matrix-vector product.</summary>
    [Einsum("ii->")]
    public static partial void Trace(ReadOnlyTensorSpan<double> a, TensorSpan<double> result);

    [Einsum("...ij,...j->...i")]
    public static partial void BatchedMatVec(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> x, TensorSpan<double> result);
}
