using System;
using System.Numerics.Tensors;

namespace TensorGen.Fuzz.Tests.Kernels;

/// <summary>
/// Kernels this project declares, implemented by the real generator at build time (as a consumer's are): a representative
/// set of both forms, both element types, every syntax feature. <see cref="KernelFamilies"/> lists how to call each.
/// </summary>
internal static partial class DeclaredKernels
{
    [Einsum("ij,jk->ik")]
    public static partial void MatMulF(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);

    [Einsum("ij,jk->ik", Accumulate = true)]
    public static partial void MatMulAccumulateD(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, TensorSpan<double> result);

    [Einsum("bij,bjk->bik")]
    public static partial void BatchedMatMulF(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);

    [Einsum("ij->ji")]
    public static partial void TransposeD(ReadOnlyTensorSpan<double> a, TensorSpan<double> result);

    [Einsum("ii->")]
    public static partial void TraceD(ReadOnlyTensorSpan<double> a, TensorSpan<double> result);

    [Einsum("iij->ji")]
    public static partial void PartialDiagonalF(ReadOnlyTensorSpan<float> a, TensorSpan<float> result);

    [Einsum("ba")]
    public static partial void ImplicitTransposeF(ReadOnlyTensorSpan<float> a, TensorSpan<float> result);

    [Einsum("...ij,...jk->...ik")]
    public static partial void BroadcastMatMulD(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, TensorSpan<double> result);

    [Einsum("i...i->...")]
    public static partial void TraceOuterAxesF(ReadOnlyTensorSpan<float> a, TensorSpan<float> result);

    [Einsum("...i,...i->...", Accumulate = true)]
    public static partial void BroadcastDotAccumulateF(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);

    [Einsum("i,i->")]
    public static partial void DotF(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);

    [Einsum("i,j->ij")]
    public static partial void OuterD(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, TensorSpan<double> result);

    [Einsum(",i->i")]
    public static partial void ScaleD(ReadOnlyTensorSpan<double> scalar, ReadOnlyTensorSpan<double> b, TensorSpan<double> result);

    [Einsum("->")]
    public static partial void ScalarCopyF(ReadOnlyTensorSpan<float> scalar, TensorSpan<float> result);

    [Einsum("ab,bc,cd->ad")]
    public static partial void ChainF(ReadOnlyTensorSpan<float> x, ReadOnlyTensorSpan<float> y, ReadOnlyTensorSpan<float> z, TensorSpan<float> result);

    [Einsum("bn,anm,bm->ba")]
    public static partial void BilinearD(ReadOnlyTensorSpan<double> x, ReadOnlyTensorSpan<double> w, ReadOnlyTensorSpan<double> y, TensorSpan<double> result);

    [Einsum("ea,fb,abcd,gc,hd->efgh")]
    public static partial void FourWayRotationD(ReadOnlyTensorSpan<double> q1, ReadOnlyTensorSpan<double> q2, ReadOnlyTensorSpan<double> c,
        ReadOnlyTensorSpan<double> q3, ReadOnlyTensorSpan<double> q4, TensorSpan<double> result);

    [Einsum("αβ,β𝐀->α𝐀")]
    public static partial void UnicodeD(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, TensorSpan<double> result);

    [Einsum("ij,jk->ik", Sizes = "i=3,j=4,k=2")]
    public static partial void StaticMatMulF(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    [Einsum("ii->", Sizes = "i=4")]
    public static partial void StaticTraceD(ReadOnlySpan<double> a, Span<double> result);

    [Einsum("iij->ji", Sizes = "i=3,j=2")]
    public static partial void StaticPartialDiagonalF(ReadOnlySpan<float> a, Span<float> result);

    [Einsum("ab,bc,cd->ad", Sizes = "a=2,b=3,c=1,d=2")]
    public static partial void StaticChainD(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, Span<double> result);

    [Einsum("i,i->", Sizes = "i=7", Accumulate = true)]
    public static partial void StaticDotAccumulateF(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    [Einsum("ij,jk->ik", Sizes = "i=2,j=0,k=3")]
    public static partial void StaticEmptySumD(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> result);

    [Einsum(",i->i", Sizes = "i=4")]
    public static partial void StaticScaleF(ReadOnlySpan<float> scalar, ReadOnlySpan<float> b, Span<float> result);

    [Einsum("abc,cba->", Sizes = "a=2,b=3,c=2")]
    public static partial void StaticDoubleContractionD(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> result);

    [Einsum("ia,jb,abc->ijc", Sizes = "i=2,j=3,a=2,b=2,c=3")]
    public static partial void StaticRotateF(ReadOnlySpan<float> q1, ReadOnlySpan<float> q2, ReadOnlySpan<float> t, Span<float> result);
}
