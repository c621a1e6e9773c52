using System;
using System.Numerics.Tensors;
using TensorGen;

namespace TensorGen.Benchmarks;

/// <summary>The benchmark suite's expressions (the shapes the peers in ../shared/peers use), as TensorGen kernels.</summary>
public static partial class SuiteKernels
{
    [Einsum("ij,jk->ik")]
    public static partial void MatMul(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);

    [Einsum("bij,bjk->bik")]
    public static partial void BatchedMatMul(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);

    [Einsum("ia,jb,kc,ld,abcd->ijkl", Sizes = "i=3,j=3,k=3,l=3,a=3,b=3,c=3,d=3")]
    public static partial void Rotate(ReadOnlySpan<float> q1, ReadOnlySpan<float> q2, ReadOnlySpan<float> q3, ReadOnlySpan<float> q4,
        ReadOnlySpan<float> c, Span<float> result);

    [Einsum("ab,bc,cd->ad", Sizes = "a=1000,b=10,c=1000,d=10")]
    public static partial void Chain(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, Span<float> result);
}
