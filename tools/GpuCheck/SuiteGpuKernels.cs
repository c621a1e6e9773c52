using System;

namespace TensorGen.GpuCheck;

/// <summary>
/// The suite's cases (benchmarks/TensorGen.Benchmarks/SuiteBenchmarks.cs, same shapes) as static-form kernels with the GPU
/// backend, fp32: every size a constant in the generated kernels.
/// </summary>
public static partial class SuiteGpuKernels
{
    /// <summary>a) matrix product, n = 4096.</summary>
    [Einsum("ij,jk->ik", Sizes = "i=4096,j=4096,k=4096", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void MatMul(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    /// <summary>b) batched matrix product, 64 × 64³.</summary>
    [Einsum("bij,bjk->bik", Sizes = "b=64,i=64,j=64,k=64", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void BatchedMatMul(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);

    /// <summary>c2) the rotation of 10,000 4th-order tensors by four 3 × 3 matrices.</summary>
    [Einsum("ia,jb,kc,ld,nabcd->nijkl", Sizes = "i=3,j=3,k=3,l=3,a=3,b=3,c=3,d=3,n=10000", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void RotateBatch(ReadOnlySpan<float> q1, ReadOnlySpan<float> q2, ReadOnlySpan<float> q3, ReadOnlySpan<float> q4,
        ReadOnlySpan<float> c, Span<float> result);

    /// <summary>d2) the inner product of two tensor trains of 16 cores (bond 64, physical 2).</summary>
    [Einsum("aq,qbr,rcs,sdt,teu,ufv,vgw,whx,xiy,yjz,zkA,AlB,BmC,CnD,DoE,Ep,aF,FbG,GcH,HdI,IeJ,JfK,KgL,LhM,MiN,NjO,OkP,PlQ,QmR,RnS,SoT,Tp->",
        Sizes = "a=2,b=2,c=2,d=2,e=2,f=2,g=2,h=2,i=2,j=2,k=2,l=2,m=2,n=2,o=2,p=2,q=64,r=64,s=64,t=64,u=64,v=64,w=64,x=64,y=64,z=64,A=64,B=64,C=64,D=64,E=64,F=64,G=64,H=64,I=64,J=64,K=64,L=64,M=64,N=64,O=64,P=64,Q=64,R=64,S=64,T=64",
        Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void TrainInnerProduct(
        ReadOnlySpan<float> a0, ReadOnlySpan<float> a1, ReadOnlySpan<float> a2, ReadOnlySpan<float> a3,
        ReadOnlySpan<float> a4, ReadOnlySpan<float> a5, ReadOnlySpan<float> a6, ReadOnlySpan<float> a7,
        ReadOnlySpan<float> a8, ReadOnlySpan<float> a9, ReadOnlySpan<float> a10, ReadOnlySpan<float> a11,
        ReadOnlySpan<float> a12, ReadOnlySpan<float> a13, ReadOnlySpan<float> a14, ReadOnlySpan<float> a15,
        ReadOnlySpan<float> b0, ReadOnlySpan<float> b1, ReadOnlySpan<float> b2, ReadOnlySpan<float> b3,
        ReadOnlySpan<float> b4, ReadOnlySpan<float> b5, ReadOnlySpan<float> b6, ReadOnlySpan<float> b7,
        ReadOnlySpan<float> b8, ReadOnlySpan<float> b9, ReadOnlySpan<float> b10, ReadOnlySpan<float> b11,
        ReadOnlySpan<float> b12, ReadOnlySpan<float> b13, ReadOnlySpan<float> b14, ReadOnlySpan<float> b15,
        Span<float> result);

    /// <summary>e) MTTKRP, i = j = k = 200, r = 32.</summary>
    [Einsum("ijk,jr,kr->ir", Sizes = "i=200,j=200,k=200,r=32", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void Mttkrp(ReadOnlySpan<float> x, ReadOnlySpan<float> u, ReadOnlySpan<float> w, Span<float> result);

    /// <summary>f) Tucker reconstruction, core 16³ to 128³.</summary>
    [Einsum("abc,ia,jb,kc->ijk", Sizes = "a=16,b=16,c=16,i=128,j=128,k=128", Backends = Backend.Cpu | Backend.Gpu)]
    public static partial void Tucker(ReadOnlySpan<float> core, ReadOnlySpan<float> u1, ReadOnlySpan<float> u2, ReadOnlySpan<float> u3, Span<float> result);
}
