using System;
using System.Numerics.Tensors;
using TensorGen;

namespace Quickstart;

/// <summary>The kernels this example declares; TensorGen generates their bodies at build time.</summary>
public static partial class Kernels
{
    /// <summary>Dynamic shapes: sizes and strides are read from the spans at run time.</summary>
    [Einsum("bij,bjk->bik")]
    public static partial void BatchedMatMul(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);

    /// <summary>Rotates a fourth-order (elasticity) tensor: static sizes, code specialized to 3×3×3×3.</summary>
    [Einsum("ia,jb,kc,ld,abcd->ijkl", Sizes = "i=3,j=3,k=3,l=3,a=3,b=3,c=3,d=3")]
    public static partial void Rotate(ReadOnlySpan<double> q1, ReadOnlySpan<double> q2, ReadOnlySpan<double> q3, ReadOnlySpan<double> q4,
        ReadOnlySpan<double> c, Span<double> result);

    /// <summary>A matrix chain whose order matters: (ab·bc)·cd costs 100× more than ab·(bc·cd) here.</summary>
    [Einsum("ab,bc,cd->ad", Sizes = "a=1000,b=10,c=1000,d=10")]
    public static partial void Chain(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, Span<float> result);

    /// <summary>Implicit output (numpy's rule): "ii" is the trace.</summary>
    [Einsum("ii")]
    public static partial void Trace(ReadOnlyTensorSpan<double> matrix, TensorSpan<double> result);

    /// <summary>Broadcast batch dimensions with "...".</summary>
    [Einsum("...ij,...j->...i")]
    public static partial void BatchedMatVec(ReadOnlyTensorSpan<double> matrices, ReadOnlyTensorSpan<double> vectors, TensorSpan<double> result);
}
