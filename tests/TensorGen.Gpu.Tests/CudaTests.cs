using System;
using TensorGen.Runtime.Gpu;
using TensorGen.Tests.Reference;
using Xunit;

namespace TensorGen.Gpu.Tests;

/// <summary>
/// The same kernels on a CUDA device, at sizes the CPU accelerator would take minutes over, against the reference interpreter
/// (and the CPU kernel). Category "Cuda": without a CUDA device (as in CI) each test is reported skipped, with the reason.
/// </summary>
[Trait("Category", "Cuda")]
public class CudaTests
{
    public const string NoDevice = "no CUDA device: ILGPU found none (the kernels are tested on its CPU accelerator in the other GPU tests)";

    [SkippableFact]
    public void Tiled_gemm_on_cuda_matches_the_reference_and_the_cpu_kernel()
    {
        Skip.IfNot(GpuContext.HasCudaDevice(), NoDevice);

        using GpuContext gpu = GpuContext.Create(GpuDevice.Cuda);
        var random = new Random(11);
        float[] a = Operands.Single(Operands.Random([70, 50], random));
        float[] b = Operands.Single(Operands.Random([50, 75], random));
        float[] onCpu = new float[70 * 75];
        float[] onGpu = new float[70 * 75];
        StaticGpuKernels.TiledMatMulEdges(a, b, onCpu);
        StaticGpuKernels.TiledMatMulEdgesGpu(gpu, a, b, onGpu);
        Operands.AssertEinsum("ij,jk->ik", [new RefArray(Operands.Widen(a), [70, 50]), new RefArray(Operands.Widen(b), [50, 75])],
            Operands.Widen(onGpu), [70, 75], 1e-5, "tiled GEMM on CUDA");
        Assert.True(Operands.RelativeError(Operands.Widen(onGpu), Operands.Widen(onCpu)) <= 1e-5);

        float[] c = Operands.Single(Operands.Random([40, 3, 3, 3, 3], random));
        float[] q = Operands.Single(Operands.Random([3, 3], random));
        float[] rotatedCpu = new float[c.Length];
        float[] rotatedGpu = new float[c.Length];
        StaticGpuKernels.Rotate(q, q, q, q, c, rotatedCpu);
        StaticGpuKernels.RotateGpu(gpu, q, q, q, q, c, rotatedGpu);
        var rotation = new RefArray(Operands.Widen(q), [3, 3]);
        Operands.AssertEinsum("ia,jb,kc,ld,nabcd->nijkl", [rotation, rotation, rotation, rotation, new RefArray(Operands.Widen(c), [40, 3, 3, 3, 3])],
            Operands.Widen(rotatedGpu), [40, 3, 3, 3, 3], 1e-5, "batched rotation on CUDA");
        Assert.True(Operands.RelativeError(Operands.Widen(rotatedGpu), Operands.Widen(rotatedCpu)) <= 1e-5);
    }
}
