using System.Numerics.Tensors;

namespace TensorGen.Gpu.Tests;

/// <summary>Dynamic-form declarations with the GPU backend: strided, transposed and broadcast views, '...', scalars.</summary>
public static partial class DynamicGpuKernels
{
    [Einsum("ij,jk->ik", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void MatMul(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);

    [Einsum("ij->ji", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void Transpose(ReadOnlyTensorSpan<double> a, TensorSpan<double> result);

    [Einsum("ii->", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void Trace(ReadOnlyTensorSpan<double> a, TensorSpan<double> result);

    [Einsum("iij->ji", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void PartialDiagonal(ReadOnlyTensorSpan<float> a, TensorSpan<float> result);

    [Einsum("...ij,...jk->...ik", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void BroadcastMatMul(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);

    [Einsum("i...->...", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void SumFirstAxis(ReadOnlyTensorSpan<double> a, TensorSpan<double> result);

    [Einsum("...,...->...", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void BroadcastProduct(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, TensorSpan<double> result);

    [Einsum("i,j->ij", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void Outer(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);

    [Einsum("ab,bc,cd->ad", Accumulate = true, Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void Chain(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, ReadOnlyTensorSpan<float> c, TensorSpan<float> result);
}
