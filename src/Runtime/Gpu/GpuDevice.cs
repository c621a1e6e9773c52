namespace TensorGen.Runtime.Gpu;

/// <summary>Which ILGPU accelerator a <see cref="GpuContext"/> runs on.</summary>
public enum GpuDevice
{
    /// <summary>
    /// The environment decides: <c>TENSORGEN_GPU=cpu</c> forces ILGPU's CPU accelerator, <c>TENSORGEN_GPU=cuda</c> requires a
    /// CUDA device; otherwise the first CUDA device when there is one, else the CPU accelerator.
    /// </summary>
    Auto,

    /// <summary>The first CUDA device; creating the context fails when there is none.</summary>
    Cuda,

    /// <summary>ILGPU's CPU accelerator: the kernels' IL run on CPU threads that emulate warps and groups (tests, no GPU).</summary>
    Cpu,
}
