#if CONSUMER_GPU
using System;
using TensorGen.Runtime.Gpu;

namespace PackageConsumer;

/// <summary>The GPU entry points of <see cref="GpuKernels"/> on ILGPU's CPU accelerator (no device needed), against the same references.</summary>
public static class GpuChecks
{
    public static void Run(Checks checks, Conformance conformance, Random random)
    {
        using GpuContext gpu = GpuContext.Create(GpuDevice.Cpu);

        float[] a = Program.Floats(random, 3 * 5 * 7), b = Program.Floats(random, 3 * 7 * 4), result = new float[3 * 5 * 4];
        GpuKernels.SmallMatMulGpu(gpu, a, b, result);
        checks.Close("[Einsum] GPU entry point (CPU accelerator)", result, References.BatchedMatMul(a, b, 3, 5, 7, 4), 1e-5);

        const string productCase = "fctp_small_component_element";
        double[] x1 = conformance.ProductArray(productCase, "x1"), x2 = conformance.ProductArray(productCase, "x2");
        double[] weights = conformance.ProductArray(productCase, "weights");
        double[] output = new double[x1.Length / 8 * 13];
        GpuKernels.ProductGpu(gpu, Program.Rows(x1, 8), Program.Rows(x2, 4), Program.Flat(weights), Program.RowsOut(output, 13));
        // The GPU kernels accumulate in the element type (docs/gpu.md); double here, so e3nn's values hold to 1e-12.
        checks.Close("[TensorProduct] GPU entry point vs e3nn (CPU accelerator)", output, conformance.ProductArray(productCase, "out"), 1e-12);
    }
}
#endif
