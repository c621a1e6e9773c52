using System;

namespace TensorGen.Fuzz.Tests.Numerics;

/// <summary>Static-form kernels with long contractions, for the accumulation-error tests (the dynamic ones are in DeclaredKernels).</summary>
internal static partial class NumericsKernels
{
    [Einsum("i,i->", Sizes = "i=1000000")]
    public static partial void Dot1M(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    [Einsum("ik,kj->ij", Sizes = "i=2,k=1000000,j=2")]
    public static partial void MatMulLongK(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    [Einsum("i,i->", Sizes = "i=4")]
    public static partial void Dot4(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    [Einsum("ij,jk->ik", Sizes = "i=2,j=2,k=2")]
    public static partial void MatMul2(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> result);
}
