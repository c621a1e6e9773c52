using System.Collections.Generic;
using TensorGen.Equivariance;

namespace TensorGen.GpuCheck;

public static partial class GpuCheckCases
{
    /// <summary>Atoms of the convolution cases (e3nn_message_passing.py's 2,000; <c>--atoms</c> shrinks them for a run on the CPU accelerator).</summary>
    public static int ConvolutionAtoms { get; set; } = 2_000;

    /// <summary>Neighbours per atom in the convolution cases.</summary>
    private const int ConvolutionDegree = 30;

    /// <summary>
    /// The NequIP-like fused convolution (<see cref="NequipGpuKernels"/>), fp32, 2,000 atoms × 30 neighbours: forward and
    /// backward, deterministic (<c>nequip-conv</c>, <c>nequip-conv-backward</c>) and atomic (<c>nequip-conv-atomic</c>,
    /// <c>nequip-conv-atomic-backward</c>); tools/gpu_peers.py times e3nn's gather → TensorProduct → index_add under the same ids.
    /// </summary>
    private static IEnumerable<GpuCheckCase> MessagePassingCases()
    {
        TensorProductDescription nequip = TensorProductDescription.Create(NequipGpuKernels.NodeIrreps, NequipGpuKernels.EdgeIrreps, NequipGpuKernels.OutputIrreps,
            NequipGpuKernels.Paths, sharedWeights: false);
        int atoms = ConvolutionAtoms;
        yield return ConvolutionCheckCase.Forward("nequip-conv", "deterministic", nequip, atoms, ConvolutionDegree,
            NequipGpuKernels.Interaction, NequipGpuKernels.InteractionGpu);
        yield return ConvolutionCheckCase.Forward("nequip-conv-atomic", "atomic", nequip, atoms, ConvolutionDegree,
            NequipGpuKernels.InteractionAtomic, NequipGpuKernels.InteractionAtomicGpu);
        yield return ConvolutionCheckCase.Backward("nequip-conv-backward", "deterministic", nequip, atoms, ConvolutionDegree,
            NequipGpuKernels.InteractionBackward, NequipGpuKernels.InteractionBackwardGpu);
        yield return ConvolutionCheckCase.Backward("nequip-conv-atomic-backward", "atomic", nequip, atoms, ConvolutionDegree,
            NequipGpuKernels.InteractionAtomicBackward, NequipGpuKernels.InteractionAtomicBackwardGpu);
    }
}
