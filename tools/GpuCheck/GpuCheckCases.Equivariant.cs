using System.Collections.Generic;
using TensorGen.Equivariance;

namespace TensorGen.GpuCheck;

public static partial class GpuCheckCases
{
    /// <summary>Rows of the MACE cases (e3nn's benchmark batch).</summary>
    private const int MaceBatch = 50_000;

    /// <summary>
    /// The MACE tensor products (<see cref="MaceGpuKernels"/>), fp32, batch 50,000: forward under the ids tools/gpu_peers.py
    /// times e3nn with, and the backward pass (gradients of x1, x2 and the weights) under <c>…-backward</c>.
    /// </summary>
    private static IEnumerable<GpuCheckCase> EquivariantCases()
    {
        TensorProductDescription large = TensorProductDescription.Create(MaceGpuKernels.MaceLarge1, MaceGpuKernels.MaceLarge2, MaceGpuKernels.MaceLargeOut,
            kind: TensorProductKind.Channelwise, sharedWeights: false);
        TensorProductDescription medium = TensorProductDescription.Create(MaceGpuKernels.MaceMedium1, MaceGpuKernels.MaceMedium2, MaceGpuKernels.MaceMediumOut,
            kind: TensorProductKind.Channelwise, sharedWeights: false);
        yield return TensorProductCheckCase.Forward("mace-large", large, MaceBatch, MaceGpuKernels.MaceLarge, MaceGpuKernels.MaceLargeGpu);
        yield return TensorProductCheckCase.Forward("mace-medium", medium, MaceBatch, MaceGpuKernels.MaceMedium, MaceGpuKernels.MaceMediumGpu);
        yield return TensorProductCheckCase.Backward("mace-large-backward", large, MaceBatch, MaceGpuKernels.MaceLargeBackward, MaceGpuKernels.MaceLargeBackwardGpu);
        yield return TensorProductCheckCase.Backward("mace-medium-backward", medium, MaceBatch, MaceGpuKernels.MaceMediumBackward, MaceGpuKernels.MaceMediumBackwardGpu);
    }
}
