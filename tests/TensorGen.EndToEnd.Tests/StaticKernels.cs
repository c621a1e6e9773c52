using System;

namespace TensorGen.EndToEnd.Tests;

/// <summary>Static-form declarations (every size given, dense row-major spans), float and double.</summary>
public static partial class StaticKernels
{
    [Einsum("ia,jb,kc,ld,abcd->ijkl", Sizes = "i=3,j=3,k=3,l=3,a=3,b=3,c=3,d=3")]
    public static partial void Rotate(ReadOnlySpan<double> q1, ReadOnlySpan<double> q2, ReadOnlySpan<double> q3, ReadOnlySpan<double> q4,
        ReadOnlySpan<double> c, Span<double> result);

    [Einsum("ia,jb,kc,ld,abcd->ijkl", Sizes = "i=3,j=3,k=3,l=3,a=3,b=3,c=3,d=3")]
    public static partial void RotateF(ReadOnlySpan<float> q1, ReadOnlySpan<float> q2, ReadOnlySpan<float> q3, ReadOnlySpan<float> q4,
        ReadOnlySpan<float> c, Span<float> result);

    [Einsum("ij,jk->ik", Sizes = "i=4,j=5,k=3")]
    public static partial void MatMul(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    [Einsum("ii->", Sizes = "i=5")]
    public static partial void Trace(ReadOnlySpan<double> a, Span<double> result);

    [Einsum("ii->i", Sizes = "i=4")]
    public static partial void Diagonal(ReadOnlySpan<float> a, Span<float> result);

    [Einsum("iij->ji", Sizes = "i=3,j=2")]
    public static partial void PartialDiagonal(ReadOnlySpan<double> a, Span<double> result);

    [Einsum("ij", Sizes = "i=2,j=3")]
    public static partial void ImplicitIdentity(ReadOnlySpan<double> a, Span<double> result);

    [Einsum("ba", Sizes = "a=2,b=3")]
    public static partial void ImplicitTranspose(ReadOnlySpan<float> a, Span<float> result);

    [Einsum("i,i->", Sizes = "i=7")]
    public static partial void Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> result);

    [Einsum("i,j->ij", Sizes = "i=3,j=4")]
    public static partial void Outer(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    [Einsum(",i->i", Sizes = "i=5")]
    public static partial void Scale(ReadOnlySpan<double> scalar, ReadOnlySpan<double> b, Span<double> result);

    [Einsum("ab,bc,cd->ad", Sizes = "a=5,b=2,c=6,d=3")]
    public static partial void Chain(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, Span<float> result);

    [Einsum("bij,bjk->bik", Sizes = "b=2,i=3,j=4,k=5")]
    public static partial void BatchedMatMul(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> result);

    [Einsum("ij,jk->ik", Sizes = "i=3,j=4,k=2", Accumulate = true)]
    public static partial void MatMulAccumulate(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> result);

    [Einsum("ijk->", Sizes = "i=2,j=3,k=4")]
    public static partial void SumAll(ReadOnlySpan<float> a, Span<float> result);

    [Einsum("ij->j", Sizes = "i=6,j=2")]
    public static partial void ColumnSums(ReadOnlySpan<double> a, Span<double> result);

    [Einsum("ea,fb,abcd,gc,hd->efgh", Sizes = "a=3,b=3,c=3,d=3,e=2,f=2,g=2,h=2")]
    public static partial void FourWayRotation(ReadOnlySpan<float> q1, ReadOnlySpan<float> q2, ReadOnlySpan<float> c, ReadOnlySpan<float> q3,
        ReadOnlySpan<float> q4, Span<float> result);

    [Einsum("i,i,i->i", Sizes = "i=6")]
    public static partial void TripleHadamard(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, Span<double> result);

    [Einsum("αβ,βγ->αγ", Sizes = "α=2,β=3,γ=4")]
    public static partial void GreekMatMul(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> result);

    [Einsum("ij,jk->ik", Sizes = "i=3,j=0,k=2")]
    public static partial void EmptyContraction(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    [Einsum("ij->ji", Sizes = "i=4,j=3")]
    public static partial void Transpose(ReadOnlySpan<double> a, Span<double> result);

    [Einsum("abc,cd->abd", Sizes = "a=2,b=3,c=4,d=5")]
    public static partial void ModeProduct(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    [Einsum("igc,fka,efdk,jiedh,cj,gbh->ba", Sizes = "a=2,b=2,c=3,d=2,e=3,f=2,g=3,h=2,i=2,j=3,k=2")]
    public static partial void SixOperandNetwork(ReadOnlySpan<double> t0, ReadOnlySpan<double> t1, ReadOnlySpan<double> t2,
        ReadOnlySpan<double> t3, ReadOnlySpan<double> t4, ReadOnlySpan<double> t5, Span<double> result);

    [Einsum("ij,jk->ik", Sizes = "i=40,j=33,k=65")]
    public static partial void MatMulEngine(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    [Einsum("ab,bc,cd->ad", Sizes = "a=100,b=10,c=100,d=10", Accumulate = true)]
    public static partial void ChainEngineAccumulate(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, Span<double> result);

    [Einsum("ijk,jr,kr->ir", Sizes = "i=5,j=7,k=9,r=4")]
    public static partial void Mttkrp(ReadOnlySpan<float> x, ReadOnlySpan<float> u, ReadOnlySpan<float> w, Span<float> result);

    [Einsum("bij,bjk,bik->", Sizes = "b=1000,i=2,j=2,k=2")]
    public static partial void LoopNestsThenScalar(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, Span<double> result);

    [Einsum("ia,jb,nab->nij", Sizes = "i=3,j=2,a=3,b=4,n=45")]
    public static partial void BatchedRotation(ReadOnlySpan<float> q1, ReadOnlySpan<float> q2, ReadOnlySpan<float> x, Span<float> result);

    [Einsum("ab,bc,nc->na", Sizes = "a=3,b=5,c=2,n=37", Accumulate = true)]
    public static partial void BatchedChainAccumulate(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, Span<double> result);
}
