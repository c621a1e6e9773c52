using System.Collections.Generic;
using System.Linq;
using TensorGen.Planning;

namespace TensorGen.Emit.Gpu;

/// <summary>How a step runs on the GPU (static form; the dynamic form runs every step in TensorGen.Runtime.Gpu's strided kernel).</summary>
internal enum GpuFamily
{
    /// <summary>One thread per output element: constant-stride offsets from the element's index, constant-bound loops over the sums.</summary>
    Threads,

    /// <summary>
    /// A GEMM-like step: explicitly grouped, a tile of the output per group staged through shared memory, a register block of
    /// accumulators per thread, batch positions on the grid's third dimension.
    /// </summary>
    TiledGemm,
}

/// <summary>A tiled GEMM's tile: output rows × columns per group, depth per shared-memory stage, and each thread's register block.</summary>
internal sealed record GpuTile(int Rows, int Columns, int Depth, int RowsPerThread, int ColumnsPerThread)
{
    /// <summary>Threads along the columns (consecutive threads take consecutive columns, so stores are coalesced).</summary>
    public int ThreadColumns => Columns / ColumnsPerThread;

    public int ThreadRows => Rows / RowsPerThread;

    public int Threads => ThreadRows * ThreadColumns;

    /// <summary>
    /// 64 × 64 output tiles, 16 deep, 8 × 8 accumulators per thread (64 threads): 16 shared-memory reads feed 64 FMAs, and
    /// small groups keep many resident per multiprocessor. For rows and columns of 64 and more.
    /// </summary>
    public static GpuTile Large { get; } = new(64, 64, 16, 8, 8);

    /// <summary>32 × 32 tiles, 16 deep, 4 × 4 per thread (64 threads): for narrower GEMMs, so fewer threads idle on the edges.</summary>
    public static GpuTile Small { get; } = new(32, 32, 16, 4, 4);

    public override string ToString() =>
        $"{Rows}x{Columns} tiles, depth {Depth} per stage, {RowsPerThread}x{ColumnsPerThread} per thread";
}

/// <summary>
/// A binary step seen as a batch of GEMMs (GETT): batch indices (both operands and the output), rows (left and output),
/// columns (right and output) and depth (both operands, summed). Indices of size 1 drop out.
/// </summary>
internal sealed record GemmGroups(IReadOnlyList<string> Batch, IReadOnlyList<string> Rows, IReadOnlyList<string> Columns, IReadOnlyList<string> Depth)
{
    /// <summary>The groups of <paramref name="step"/>, or null when it is not GEMM-like (a unary step, a diagonal, a one-sided sum).</summary>
    public static GemmGroups? Of(ContractionStep step, IReadOnlyDictionary<string, long> sizes)
    {
        if (step.IsUnary
            || step.LeftLabels.Distinct().Count() != step.LeftLabels.Count
            || step.RightLabels.Distinct().Count() != step.RightLabels.Count)
        {
            return null;
        }

        var batch = new List<string>();
        var rows = new List<string>();
        var columns = new List<string>();
        var depth = new List<string>();
        foreach (string label in step.LeftLabels.Concat(step.RightLabels).Distinct().Where(l => sizes[l] != 1))
        {
            bool left = step.LeftLabels.Contains(label);
            bool right = step.RightLabels.Contains(label);
            bool kept = step.ResultLabels.Contains(label);
            List<string>? group = (left, right, kept) switch
            {
                (true, true, true) => batch,
                (true, false, true) => rows,
                (false, true, true) => columns,
                (true, true, false) => depth,
                _ => null, // summed in one operand only
            };
            if (group is null)
            {
                return null;
            }

            group.Add(label);
        }

        // Within each group, the output's (or the left operand's) order: offsets then walk memory as the operand is laid out.
        IReadOnlyList<string> Ordered(List<string> group, IReadOnlyList<string> order) => order.Where(group.Contains).ToList();
        return new GemmGroups(Ordered(batch, step.ResultLabels), Ordered(rows, step.ResultLabels), Ordered(columns, step.ResultLabels),
            Ordered(depth, step.LeftLabels));
    }

    public static long Extent(IReadOnlyList<string> group, IReadOnlyDictionary<string, long> sizes) =>
        group.Aggregate(1L, (product, label) => product * sizes[label]);
}

/// <summary>
/// One step's GPU kernel: its family and, for a tiled GEMM, the groups, the tile and the depth split (split-K: the depth cut
/// into <paramref name="DepthSplits"/> chunks of <paramref name="DepthChunk"/>, one per grid z, their sums added atomically).
/// </summary>
internal sealed record GpuStepChoice(GpuFamily Family, GemmGroups? Gemm = null, GpuTile? Tile = null, long DepthSplits = 1, long DepthChunk = 0);

/// <summary>
/// The GPU kernels of a static-form plan: per step, a tiled GEMM when the step is GEMM-like and large enough to fill a
/// grid of tiles, else one thread per output element; or — for a batch of small contractions (the CPU's batched chain,
/// e.g. <c>ia,jb,kc,ld,nabcd->nijkl</c> over 10,000 items) — one thread per batch item running the whole per-item plan
/// unrolled, its intermediates in registers, after the batch-free steps (one thread per element each).
/// </summary>
internal sealed class GpuKernelChoice
{
    /// <summary>The least multiply-adds of a step worth a tiled GEMM (below, one thread per element is as fast).</summary>
    public const double TiledGemmMinimum = 1 << 18;

    /// <summary>The least rows, columns and depth of a tiled GEMM (a 16-wide edge leaves most of a 32 × 32 tile idle).</summary>
    public const long TiledGemmMinimumExtent = 16;

    /// <summary>CUDA's limit on the grid's third dimension, which holds the batch.</summary>
    public const long MaximumGridZ = 65535;

    /// <summary>
    /// Groups a GEMM should launch to fill a GPU (an H100 has 132 multiprocessors, each holding several 64-thread groups):
    /// below it, smaller tiles, then splitting the depth.
    /// </summary>
    public const long TargetGroups = 256;

    /// <summary>
    /// Groups a depth-split GEMM aims for: its groups are short (a few stages each), so it takes many more to keep every
    /// multiprocessor busy — 2,048 64-thread groups give each of an H100's 132 about 16 groups (32 warps). With 256, MTTKRP's
    /// 200 × 32 over a depth of 40,000 kept 4 warps per multiprocessor resident and ran at 2 % of its memory bandwidth.
    /// </summary>
    public const long SplitTargetGroups = 2048;

    /// <summary>The most device views one kernel takes (ILGPU's kernel loaders take at most 15 parameters, the index included).</summary>
    public const int MaximumViews = 14;

    private GpuKernelChoice(IReadOnlyList<GpuStepChoice> steps, string? batchIndex)
    {
        Steps = steps;
        BatchIndex = batchIndex;
    }

    public IReadOnlyList<GpuStepChoice> Steps { get; }

    /// <summary>The batch index when one thread per item runs the batched steps; null otherwise.</summary>
    public string? BatchIndex { get; }

    public static GpuKernelChoice For(EinsumKernel kernel)
    {
        if (kernel.StaticSizes is not { } sizes)
        {
            return new GpuKernelChoice(kernel.Plan.Steps.Select(_ => new GpuStepChoice(GpuFamily.Threads)).ToArray(), null);
        }

        var steps = kernel.Plan.Steps.Select(step => ForStep(step, sizes)).ToArray();
        if (kernel.Kernels.Fused == KernelFamily.BatchedChain && kernel.Kernels.BatchIndex is { } batch)
        {
            // The batched kernel takes at most every input, the batch-free intermediates and the result.
            int views = kernel.OperandCount + 1 + kernel.Plan.Steps.Count(s => !s.ResultLabels.Contains(batch));
            if (views <= MaximumViews)
            {
                return new GpuKernelChoice(kernel.Plan.Steps.Select(_ => new GpuStepChoice(GpuFamily.Threads)).ToArray(), batch);
            }
        }

        return new GpuKernelChoice(steps, null);
    }

    private static GpuStepChoice ForStep(ContractionStep step, IReadOnlyDictionary<string, long> sizes)
    {
        if (GemmGroups.Of(step, sizes) is not { } gemm)
        {
            return new GpuStepChoice(GpuFamily.Threads);
        }

        long batch = GemmGroups.Extent(gemm.Batch, sizes);
        long rows = GemmGroups.Extent(gemm.Rows, sizes);
        long columns = GemmGroups.Extent(gemm.Columns, sizes);
        long depth = GemmGroups.Extent(gemm.Depth, sizes);
        double multiplyAdds = (double)batch * rows * columns * depth;
        if (multiplyAdds < TiledGemmMinimum || rows < TiledGemmMinimumExtent || columns < TiledGemmMinimumExtent
            || depth < TiledGemmMinimumExtent || batch > MaximumGridZ)
        {
            return new GpuStepChoice(GpuFamily.Threads);
        }

        long Groups(GpuTile t) => Ceiling(rows, t.Rows) * Ceiling(columns, t.Columns) * batch;
        GpuTile tile = rows >= GpuTile.Large.Rows && columns >= GpuTile.Large.Columns && Groups(GpuTile.Large) >= TargetGroups
            ? GpuTile.Large
            : GpuTile.Small;

        // Split-K (no batch, so the grid's z is free): a tall, thin GEMM such as MTTKRP's 200 × 32 over a depth of 40,000 would
        // otherwise run on a handful of multiprocessors. Each chunk is several stages deep.
        long groups = Groups(tile);
        long splits = batch == 1 ? System.Math.Min(Ceiling(SplitTargetGroups, groups), depth / (4 * tile.Depth)) : 1;
        if (splits > 1)
        {
            long chunk = Ceiling(Ceiling(depth, splits), tile.Depth) * tile.Depth;
            return new GpuStepChoice(GpuFamily.TiledGemm, gemm, tile, Ceiling(depth, chunk), chunk);
        }

        return new GpuStepChoice(GpuFamily.TiledGemm, gemm, tile);
    }

    private static long Ceiling(long value, long divisor) => (value + divisor - 1) / divisor;

    /// <summary>The header's lines.</summary>
    public IEnumerable<string> Describe(ContractionPlan plan)
    {
        if (BatchIndex is { } batch)
        {
            yield return $"  one thread per item of {batch}: every step with {batch} unrolled per item, intermediates in registers;";
            yield return $"  steps without {batch} first, one thread per element";
            yield break;
        }

        int width = plan.Steps.Max(s => s.Contraction.Length);
        for (int k = 0; k < Steps.Count; k++)
        {
            string step = (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            GpuStepChoice choice = Steps[k];
            string what = choice.Family != GpuFamily.TiledGemm ? "one thread per element"
                : choice.DepthSplits > 1
                    ? $"tiled GEMM (shared memory, {choice.Tile}; depth split in {choice.DepthSplits} chunks of {choice.DepthChunk}, added atomically)"
                    : "tiled GEMM (shared memory, " + choice.Tile + ")";
            yield return "  " + step.PadRight(4) + "  " + plan.Steps[k].Contraction.PadRight(width) + "  " + what;
        }
    }
}
