using System;

namespace TensorGen.Gpu.Tests;

/// <summary>Static-form declarations with the GPU backend: every syntax feature the static form has, and every GPU kernel family.</summary>
public static partial class StaticGpuKernels
{
    // One thread per element.
    [Einsum("ij,jk->ik", Sizes = "i=5,j=7,k=6", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void MatMul(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    [Einsum("ij,jk->ik", Sizes = "i=5,j=7,k=6", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void MatMulDouble(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> result);

    [Einsum("ij,jk", Sizes = "i=4,j=3,k=5", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void ImplicitMatMul(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    [Einsum("ijk->kji", Sizes = "i=3,j=4,k=5", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void Transpose(ReadOnlySpan<float> a, Span<float> result);

    [Einsum("ii->", Sizes = "i=6", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void Trace(ReadOnlySpan<double> a, Span<double> result);

    [Einsum("ii->i", Sizes = "i=6", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void Diagonal(ReadOnlySpan<float> a, Span<float> result);

    [Einsum("iij->ji", Sizes = "i=3,j=4", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void PartialDiagonal(ReadOnlySpan<float> a, Span<float> result);

    [Einsum("ijk->i", Sizes = "i=4,j=5,k=3", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void SumOut(ReadOnlySpan<float> a, Span<float> result);

    [Einsum("i,j->ij", Sizes = "i=4,j=7", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void Outer(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    [Einsum("i,i->", Sizes = "i=9", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> result);

    [Einsum(",ij->ij", Sizes = "i=3,j=4", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void Scale(ReadOnlySpan<float> s, ReadOnlySpan<float> a, Span<float> result);

    [Einsum("ij,jk->ik", Sizes = "i=4,j=5,k=3", Accumulate = true, Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void MatMulAccumulate(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    [Einsum("ij,jk->ik", Sizes = "i=3,j=0,k=2", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void EmptySum(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    // Planned networks: intermediates in pooled device buffers.
    [Einsum("ab,bc,cd->ad", Sizes = "a=4,b=6,c=5,d=3", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void Chain(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c, Span<float> result);

    [Einsum("pa,abq,qr,rcs->pbcs", Sizes = "p=2,a=3,b=4,q=3,r=2,c=3,s=2", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void Network(ReadOnlySpan<double> w, ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, Span<double> result);

    [Einsum("ijk,jr,kr->ir", Sizes = "i=5,j=4,k=3,r=2", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void Mttkrp(ReadOnlySpan<float> x, ReadOnlySpan<float> b, ReadOnlySpan<float> c, Span<float> result);

    // Tiled GEMMs (at least 2^18 multiply-adds): exact tiles, edges, a batch on the grid, transposed operands.
    [Einsum("ij,jk->ik", Sizes = "i=64,j=64,k=64", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void TiledMatMul(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    [Einsum("ij,jk->ik", Sizes = "i=70,j=50,k=75", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void TiledMatMulEdges(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    [Einsum("bij,bjk->bik", Sizes = "b=3,i=48,j=48,k=48", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void TiledBatched(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    [Einsum("ji,kj->ik", Sizes = "i=64,j=64,k=64", Accumulate = true, Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void TiledTransposed(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> result);

    [Einsum("ij,jk->ik", Sizes = "i=1024,j=16,k=1000", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void TiledLarge(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    [Einsum("ij,jk->ik", Sizes = "i=20,j=1000,k=24", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void SplitDepth(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    [Einsum("ij,jk->ik", Sizes = "i=20,j=1000,k=24", Accumulate = true, Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void SplitDepthAccumulate(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> result);

    [Einsum("abc,ia,jb,kc->ijk", Sizes = "a=16,b=16,c=16,i=32,j=32,k=32", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void Tucker(ReadOnlySpan<float> core, ReadOnlySpan<float> u, ReadOnlySpan<float> v, ReadOnlySpan<float> w, Span<float> result);

    // A batch of small contractions: one thread per item, the per-item plan unrolled.
    [Einsum("ia,jb,kc,ld,nabcd->nijkl", Sizes = "i=3,j=3,k=3,l=3,a=3,b=3,c=3,d=3,n=40", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void Rotate(ReadOnlySpan<float> q1, ReadOnlySpan<float> q2, ReadOnlySpan<float> q3, ReadOnlySpan<float> q4,
        ReadOnlySpan<float> c, Span<float> result);
}
