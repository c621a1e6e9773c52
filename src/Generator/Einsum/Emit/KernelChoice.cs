using System;
using System.Collections.Generic;
using System.Linq;
using TensorGen.Planning;

namespace TensorGen.Emit;

/// <summary>
/// The kernel family of each step of a kernel — or of the whole expression, when a fused kernel replaces the pairwise
/// plan — chosen by a coarse cost model of this CPU's kernels and recorded in the generated file's header.
/// </summary>
/// <remarks>
/// Per step, the cycle model of <see cref="StepCostEstimate"/> (also what <c>tensorgen explain</c> prints as the reason).
/// </remarks>
internal sealed class KernelChoice
{
    /// <summary>The most multiply-adds of a step written out as straight-line code.</summary>
    public const long UnrollLimit = StepCostEstimate.UnrollLimit;

    /// <summary>The most result elements (statements) of a step written out as straight-line code.</summary>
    public const long UnrolledStatementLimit = StepCostEstimate.UnrolledStatementLimit;

    /// <summary>The least batch size for the batched-chain family (a few vectors' worth of lanes).</summary>
    public const long MinimumBatch = 32;

    /// <summary>The most stack the batched-chain family's lane buffers take, in elements of all lanes together.</summary>
    public const long BatchedLaneBudget = 16 * 1024;

    private KernelChoice(KernelFamily? fused, IReadOnlyList<KernelFamily> steps, string? batchIndex = null)
    {
        Fused = fused;
        Steps = steps;
        BatchIndex = batchIndex;
    }

    /// <summary>The batched chain's batch index (the output's first), or null for other families.</summary>
    public string? BatchIndex { get; }

    /// <summary>The fused family that computes the whole expression, or null when the steps run one by one.</summary>
    public KernelFamily? Fused { get; }

    /// <summary>Each step's family (ignored when <see cref="Fused"/> is set).</summary>
    public IReadOnlyList<KernelFamily> Steps { get; }

    /// <summary>True when the static form needs the plan's layouts bound once at run time (a GEMM step or the fused MTTKRP).</summary>
    public bool UsesRuntimeLayouts => Fused == KernelFamily.FusedMttkrp || Steps.Contains(KernelFamily.GemmEngine);

    public static KernelChoice For(EinsumKernel kernel)
    {
        if (kernel.Plan.SlicedLabels.Count > 0 && kernel.StaticSizes is not null)
        {
            // A sliced plan runs every step once per slice inside the slice loops, which only the loop nest takes part in.
            return new KernelChoice(null, kernel.Plan.Steps.Select(_ => KernelFamily.LoopNest).ToArray());
        }

        if (MttkrpPattern.Match(kernel.Expression) is not null)
        {
            return new KernelChoice(KernelFamily.FusedMttkrp, Array.Empty<KernelFamily>());
        }

        if (kernel.StaticSizes is not { } sizes)
        {
            return new KernelChoice(null, kernel.Plan.Steps.Select(_ => KernelFamily.RuntimeChoice).ToArray());
        }

        // SIMD lanes (Vector<T>) exist for float and double only, not for a decomposition helper's Complex elements.
        if (kernel.ElementType is "float" or "double" && BatchIndexOf(kernel, sizes) is { } batch)
        {
            return new KernelChoice(KernelFamily.BatchedChain, Array.Empty<KernelFamily>(), batch);
        }

        return new KernelChoice(null, kernel.Plan.Steps.Select(s => ForStaticStep(s, sizes)).ToArray());
    }

    /// <summary>
    /// The batch index of a batched chain: the output's first index, of at least <see cref="MinimumBatch"/>, first and
    /// once in every input that has it, such that without it every step is small enough to unroll and the lane
    /// buffers fit the stack budget. Null when the expression is not such a batch.
    /// </summary>
    private static string? BatchIndexOf(EinsumKernel kernel, IReadOnlyDictionary<string, long> sizes)
    {
        var output = kernel.Expression.Output.Labels;
        if (output.Count == 0 || sizes[output[0]] < MinimumBatch)
        {
            return null;
        }

        string batch = output[0];
        foreach (var term in kernel.Expression.Inputs)
        {
            if (term.Labels.Contains(batch) && (term.Labels[0] != batch || term.Labels.Count(l => l == batch) != 1))
            {
                return null;
            }
        }

        double PerItem(IEnumerable<string> labels) => labels.Distinct().Where(l => l != batch).Aggregate(1.0, (p, l) => p * sizes[l]);
        double lanes = 0;
        foreach (ContractionStep step in kernel.Plan.Steps)
        {
            var involved = step.LeftLabels.Concat(step.RightLabels).ToList();
            if (PerItem(involved) > UnrollLimit || PerItem(step.ResultLabels) > UnrolledStatementLimit)
            {
                return null;
            }

            lanes += PerItem(step.ResultLabels) + PerItem(step.LeftLabels) + PerItem(step.RightLabels);
        }

        return lanes * 16 <= BatchedLaneBudget ? batch : null;
    }

    /// <summary>The header's lines: one per step, or one for the fused kernel.</summary>
    public IEnumerable<string> Describe(ContractionPlan plan)
    {
        if (Fused == KernelFamily.FusedMttkrp)
        {
            yield return "  fused MTTKRP (TensorGen.Runtime.FusedKernels.Mttkrp) instead of the plan: one GEMM per slice of the";
            yield return "  3-way tensor, then a row-wise product with the other factor; the Khatri-Rao product is never formed";
            yield break;
        }

        if (Fused == KernelFamily.BatchedChain)
        {
            yield return $"  fused batched chain over {BatchIndex}: one pass over the batch with SIMD lanes across items";
            yield return $"  (System.Numerics.Vector<T>), each step of the plan above unrolled per item without {BatchIndex}";
            yield break;
        }

        int width = plan.Steps.Max(s => s.Contraction.Length);
        for (int k = 0; k < Steps.Count; k++)
        {
            string step = (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            yield return "  " + step.PadRight(4) + "  " + plan.Steps[k].Contraction.PadRight(width) + "  " + Name(Steps[k]);
        }
    }

    private static string Name(KernelFamily family) => family switch
    {
        KernelFamily.LoopNest => "loop nest (constant bounds)",
        KernelFamily.Unrolled => "unrolled (straight-line, constant offsets)",
        KernelFamily.GemmEngine => "GEMM engine (TensorGen.Runtime: packed panels, register-blocked micro-kernel)",
        _ => "run time: GEMM engine when GEMM-like and large enough, else strided loop nest",
    };

    private static KernelFamily ForStaticStep(ContractionStep step, IReadOnlyDictionary<string, long> sizes)
    {
        StepCostEstimate cost = StepCostEstimate.Of(step, sizes);
        return cost.Unrolls ? KernelFamily.Unrolled : cost.PrefersGemm ? KernelFamily.GemmEngine : KernelFamily.LoopNest;
    }
}
