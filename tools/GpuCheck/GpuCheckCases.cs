using System.Collections.Generic;
using System.Linq;

namespace TensorGen.GpuCheck;

/// <summary>
/// Every case the GPU check runs, in table order. Each family lists its cases in its own file of this partial class:
/// einsum here, tensor products in GpuCheckCases.Equivariant.cs, the fused convolution in GpuCheckCases.MessagePassing.cs.
/// </summary>
public static partial class GpuCheckCases
{
    public static IEnumerable<GpuCheckCase> All => EinsumCases().Concat(EquivariantCases()).Concat(MessagePassingCases());

    /// <summary>The einsum suite, fp32, as benchmarks/TensorGen.Benchmarks/SuiteBenchmarks.cs sizes it.</summary>
    private static IEnumerable<GpuCheckCase> EinsumCases()
    {
        yield return new EinsumCheckCase("a", "ij,jk->ik n=4096", "ij,jk->ik", "i=4096,j=4096,k=4096",
            (x, r) => SuiteGpuKernels.MatMul(x[0], x[1], r), (g, x, r) => SuiteGpuKernels.MatMulGpu(g, x[0], x[1], r));
        yield return new EinsumCheckCase("b", "bij,bjk->bik b=64 n=64", "bij,bjk->bik", "b=64,i=64,j=64,k=64",
            (x, r) => SuiteGpuKernels.BatchedMatMul(x[0], x[1], r), (g, x, r) => SuiteGpuKernels.BatchedMatMulGpu(g, x[0], x[1], r));
        yield return new EinsumCheckCase("c2", "rotation ia,jb,kc,ld,nabcd->nijkl n=10,000", "ia,jb,kc,ld,nabcd->nijkl",
            "i=3,j=3,k=3,l=3,a=3,b=3,c=3,d=3,n=10000",
            (x, r) => SuiteGpuKernels.RotateBatch(x[0], x[1], x[2], x[3], x[4], r),
            (g, x, r) => SuiteGpuKernels.RotateBatchGpu(g, x[0], x[1], x[2], x[3], x[4], r));
        yield return new EinsumCheckCase("d2", "TT inner product, 16 cores, bond 64, phys 2",
            "aq,qbr,rcs,sdt,teu,ufv,vgw,whx,xiy,yjz,zkA,AlB,BmC,CnD,DoE,Ep,aF,FbG,GcH,HdI,IeJ,JfK,KgL,LhM,MiN,NjO,OkP,PlQ,QmR,RnS,SoT,Tp->",
            "a=2,b=2,c=2,d=2,e=2,f=2,g=2,h=2,i=2,j=2,k=2,l=2,m=2,n=2,o=2,p=2,q=64,r=64,s=64,t=64,u=64,v=64,w=64,x=64,y=64,z=64,"
            + "A=64,B=64,C=64,D=64,E=64,F=64,G=64,H=64,I=64,J=64,K=64,L=64,M=64,N=64,O=64,P=64,Q=64,R=64,S=64,T=64",
            (x, r) => SuiteGpuKernels.TrainInnerProduct(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9], x[10], x[11], x[12], x[13], x[14], x[15],
                x[16], x[17], x[18], x[19], x[20], x[21], x[22], x[23], x[24], x[25], x[26], x[27], x[28], x[29], x[30], x[31], r),
            (g, x, r) => SuiteGpuKernels.TrainInnerProductGpu(g, x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9], x[10], x[11], x[12], x[13], x[14], x[15],
                x[16], x[17], x[18], x[19], x[20], x[21], x[22], x[23], x[24], x[25], x[26], x[27], x[28], x[29], x[30], x[31], r));
        yield return new EinsumCheckCase("e", "MTTKRP ijk,jr,kr->ir i=j=k=200 r=32", "ijk,jr,kr->ir", "i=200,j=200,k=200,r=32",
            (x, r) => SuiteGpuKernels.Mttkrp(x[0], x[1], x[2], r), (g, x, r) => SuiteGpuKernels.MttkrpGpu(g, x[0], x[1], x[2], r));
        yield return new EinsumCheckCase("f", "Tucker abc,ia,jb,kc->ijk 16^3 -> 128^3", "abc,ia,jb,kc->ijk", "a=16,b=16,c=16,i=128,j=128,k=128",
            (x, r) => SuiteGpuKernels.Tucker(x[0], x[1], x[2], x[3], r), (g, x, r) => SuiteGpuKernels.TuckerGpu(g, x[0], x[1], x[2], x[3], r));
    }
}
