using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace TensorGen.Benchmarks.Complex;

/// <summary>The spectral convolution's two contractions as generated [Einsum] kernels on System.Numerics.Complex, both forms.</summary>
public static partial class ComplexKernels
{
    [Einsum("bixy,ioxy->boxy")]
    public static partial void Mix(ReadOnlyTensorSpan<System.Numerics.Complex> x, ReadOnlyTensorSpan<System.Numerics.Complex> w,
        TensorSpan<System.Numerics.Complex> result);

    [Einsum("bixy,ioxy->boxy", Sizes = "b=4,i=32,o=32,x=12,y=12")]
    public static partial void MixStatic(ReadOnlySpan<System.Numerics.Complex> x, ReadOnlySpan<System.Numerics.Complex> w, Span<System.Numerics.Complex> result);

    [Einsum("bixy,r,ir,or,xr,yr->boxy")]
    public static partial void MixCp(ReadOnlyTensorSpan<System.Numerics.Complex> x, ReadOnlyTensorSpan<System.Numerics.Complex> weights,
        ReadOnlyTensorSpan<System.Numerics.Complex> input, ReadOnlyTensorSpan<System.Numerics.Complex> output,
        ReadOnlyTensorSpan<System.Numerics.Complex> modesX, ReadOnlyTensorSpan<System.Numerics.Complex> modesY, TensorSpan<System.Numerics.Complex> result);

    [Einsum("bixy,r,ir,or,xr,yr->boxy", Sizes = "b=4,i=32,o=32,x=12,y=12,r=8")]
    public static partial void MixCpStatic(ReadOnlySpan<System.Numerics.Complex> x, ReadOnlySpan<System.Numerics.Complex> weights,
        ReadOnlySpan<System.Numerics.Complex> input, ReadOnlySpan<System.Numerics.Complex> output, ReadOnlySpan<System.Numerics.Complex> modesX,
        ReadOnlySpan<System.Numerics.Complex> modesY, Span<System.Numerics.Complex> result);
}
