#if CONSUMER_GPU
using System;
using System.Numerics.Tensors;
using TensorGen;

namespace PackageConsumer;

/// <summary>With the TensorGen.Gpu package: the same families with GPU entry points (run on ILGPU's CPU accelerator here).</summary>
public static partial class GpuKernels
{
    [Einsum("bij,bjk->bik", Sizes = "b=3,i=5,j=7,k=4", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void SmallMatMul(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    [TensorProduct("2x0e+2x1o", "1x0e+1x1o", "2x0e+2x1o+1x2e",
        IrrepNormalization = IrrepNormalization.Component, PathNormalization = PathNormalization.Element, SharedWeights = true,
        Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void Product(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);
}
#endif
