using System;
using TensorGen.Runtime.Gpu;
using Xunit;

namespace TensorGen.Gpu.Tests;

/// <summary>
/// The same kernels on a CUDA device, at sizes the CPU accelerator would take minutes over. Category "Cuda": each test
/// returns at once (passing) when ILGPU finds no CUDA device, as in CI.
/// </summary>
[Trait("Category", "Cuda")]
public class CudaTests
{
    [Fact]
    public void Tiled_gemm_on_cuda_matches_the_cpu_kernel()
    {
        if (!GpuContext.HasCudaDevice())
        {
            return;
        }

        using GpuContext gpu = GpuContext.Create(GpuDevice.Cuda);
        var random = new Random(11);
        float[] a = Operands.Single(Operands.Random([70, 50], random));
        float[] b = Operands.Single(Operands.Random([50, 75], random));
        float[] onCpu = new float[70 * 75];
        float[] onGpu = new float[70 * 75];
        StaticGpuKernels.TiledMatMulEdges(a, b, onCpu);
        StaticGpuKernels.TiledMatMulEdgesGpu(gpu, a, b, onGpu);
        Assert.True(Operands.RelativeError(Operands.Widen(onGpu), Operands.Widen(onCpu)) <= 1e-5);

        float[] c = Operands.Single(Operands.Random([40, 3, 3, 3, 3], random));
        float[] q = Operands.Single(Operands.Random([3, 3], random));
        float[] rotatedCpu = new float[c.Length];
        float[] rotatedGpu = new float[c.Length];
        StaticGpuKernels.Rotate(q, q, q, q, c, rotatedCpu);
        StaticGpuKernels.RotateGpu(gpu, q, q, q, q, c, rotatedGpu);
        Assert.True(Operands.RelativeError(Operands.Widen(rotatedGpu), Operands.Widen(rotatedCpu)) <= 1e-5);
    }
}
