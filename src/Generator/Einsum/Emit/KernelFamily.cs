namespace TensorGen.Emit;

/// <summary>How generated code computes a step (or, for a fused family, the whole expression).</summary>
internal enum KernelFamily
{
    /// <summary>Static form: constant-bound scalar loops, result indices outer, a local accumulator over the summed ones.</summary>
    LoopNest,

    /// <summary>Static form, tiny steps: one straight-line statement per result element, every offset a constant.</summary>
    Unrolled,

    /// <summary>Static form, large GEMM-like steps: TensorGen.Runtime's packed GEMM engine on layouts bound once.</summary>
    GemmEngine,

    /// <summary>Dynamic form: TensorGen.Runtime picks per call between its GEMM engine and its strided loop nest.</summary>
    RuntimeChoice,

    /// <summary>The whole expression is an MTTKRP: TensorGen.Runtime's fused kernel, one GEMM per tensor slice.</summary>
    FusedMttkrp,

    /// <summary>
    /// Static form: a batch of small contractions sharing a leading batch index. One pass over the batch, SIMD lanes
    /// across items, every step of the per-item plan unrolled on lane vectors.
    /// </summary>
    BatchedChain,
}
