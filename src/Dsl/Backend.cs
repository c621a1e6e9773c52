using System;

namespace TensorGen;

/// <summary>
/// Where a declared kernel runs. The declared method itself always runs on the CPU (it needs a body); <see cref="Gpu"/>
/// adds ILGPU kernels and <c>…Gpu</c> host entry points for the same plan (docs/gpu.md). GPU code needs a reference to
/// <c>TensorGen.Runtime.Gpu</c> (which brings ILGPU).
/// </summary>
[Flags]
public enum Backend
{
    /// <summary>The declared method, on the CPU (SIMD); always generated.</summary>
    Cpu = 1,

    /// <summary>ILGPU kernels (CUDA, or ILGPU's CPU accelerator) and a <c>…Gpu</c> entry point beside the declared method.</summary>
    Gpu = 2,
}
