using System;

namespace TensorGen.Runtime;

/// <summary>
/// Chooses, per step, between the GEMM engine and the strided loop nest by estimated cycles, and how many threads
/// the engine uses. The estimates are deliberately coarse — one vector FMA per cycle, a few cycles per scalar
/// multiply-add in the loop nest — since they only have to order the two by cost: tiny steps, dot products and
/// other steps whose tiles would be mostly padding stay in the loop nest, where the engine's tabulation and packing
/// would not pay off.
/// </summary>
internal static class GemmCostModel
{
    /// <summary>Cycles of setup per engine call: tier dispatch, buffers, loop bookkeeping.</summary>
    private const double EngineSetupCycles = 600;

    /// <summary>Cycles per multiply-add of the loop nest (a scalar load-load-multiply-add chain with odometer overhead).</summary>
    private const double LoopNestCyclesPerMultiplyAdd = 2;

    /// <summary>Cycles per output element of the loop nest (its accumulator and store).</summary>
    private const double LoopNestCyclesPerOutput = 4;

    /// <summary>Estimated engine cycles per multiply-add below which one thread does the step: about 10 µs of work.</summary>
    private const double CyclesPerThread = 40_000;

    /// <summary>True when the engine is estimated to beat the loop nest on <paramref name="layout"/>.</summary>
    public static bool PrefersGemm(GemmLayout layout, GemmBlocking blocking) =>
        GemmCycles(layout, blocking) < LoopNestCycles(layout);

    /// <summary>Threads for the step: 1 below about 10 µs of work, else up to <paramref name="maxThreads"/>.</summary>
    public static int Threads(GemmLayout layout, GemmBlocking blocking, int maxThreads) =>
        ThreadsFor(GemmCycles(layout, blocking), maxThreads);

    /// <summary>Threads for work of about <paramref name="cycles"/> cycles: one per 10 µs of it, at most <paramref name="maxThreads"/>.</summary>
    public static int ThreadsFor(double cycles, int maxThreads) => (int)Math.Clamp(Math.Floor(cycles / CyclesPerThread), 1, maxThreads);

    /// <summary>
    /// Tiles × depth × (vector FMAs per depth step + one step of loop overhead), plus packing both operands once and
    /// tabulating the groups' offsets.
    /// </summary>
    public static double GemmCycles(GemmLayout layout, GemmBlocking blocking)
    {
        double m = layout.Rows.Extent, n = layout.Columns.Extent, k = layout.Depth.Extent, batch = layout.Batch.Extent;
        double rowPanels = Math.Ceiling(m / blocking.Rows);
        double vectors = Math.Ceiling(n / blocking.VectorLength);
        double columnPanels = Math.Ceiling(n / blocking.Columns);
        double kernel = batch * k * rowPanels * ((vectors * blocking.Rows) + columnPanels);
        double packing = batch * ((m * k) + (k * n));
        double tables = batch + m + n + (2 * k);
        return EngineSetupCycles + kernel + packing + (2 * tables);
    }

    private static double LoopNestCycles(GemmLayout layout)
    {
        double outputs = (double)layout.Batch.Extent * layout.Rows.Extent * layout.Columns.Extent;
        return (outputs * LoopNestCyclesPerOutput) + (layout.MultiplyAdds * LoopNestCyclesPerMultiplyAdd);
    }
}
