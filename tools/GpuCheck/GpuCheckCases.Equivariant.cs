using System.Collections.Generic;
using System.Linq;

namespace TensorGen.GpuCheck;

public static partial class GpuCheckCases
{
    /// <summary>
    /// HOOK for the equivariant tensor products on the GPU: the cases "mace-large" and "mace-medium" (fp32, batch 50,000;
    /// the configurations of benchmarks/TensorGen.Benchmarks/Equivariant/EquivariantKernels.cs, declared with
    /// <c>Backends = Backend.Cpu | Backend.Gpu</c>), each a <see cref="GpuCheckCase"/> comparing <c>NameGpu</c> with the CPU
    /// method. Until the tensor-product GPU kernels exist this yields nothing, and the table shows e3nn's rows alone.
    /// Keep the ids: tools/gpu_peers.py times e3nn under the same ids.
    /// </summary>
    private static IEnumerable<GpuCheckCase> EquivariantCases() => Enumerable.Empty<GpuCheckCase>();
}
