using System.Collections.Generic;
using System.Linq;
using TensorGen.Planning;

namespace TensorGen.Emit.Gpu;

/// <summary>
/// An explicitly grouped GEMM kernel for one static step (<see cref="GpuFamily.TiledGemm"/>): each group computes a
/// tile of the output (rows × columns, one batch position per grid z), staging depth slices of both operands through
/// shared memory; each thread keeps a register block of accumulators, its rows and columns interleaved with its
/// neighbours' so that shared-memory reads are conflict-free and global stores coalesced. Each operand's tile is loaded
/// with consecutive threads walking the index whose stride is 1 in that operand (coalesced loads from strided operands),
/// into rows padded by one element (no bank conflicts either way). Every extent and stride is a constant; edge guards
/// are written only where an extent is not a multiple of the tile.
/// </summary>
internal static class GpuTiledGemmWriter
{
    private const string Ilgpu = GpuNames.Ilgpu;

    public static void Write(SourceWriter writer, EinsumKernel kernel, ContractionStep step, int k, string name, GpuStepChoice choice, bool accumulate)
    {
        GemmGroups gemm = choice.Gemm!;
        GpuTile tile = choice.Tile!;
        bool split = choice.DepthSplits > 1;
        IReadOnlyDictionary<string, long> sizes = kernel.StaticSizes!;
        string t = kernel.ElementType;
        long rows = GemmGroups.Extent(gemm.Rows, sizes);
        long columns = GemmGroups.Extent(gemm.Columns, sizes);
        long depth = GemmGroups.Extent(gemm.Depth, sizes);
        Dictionary<string, long> leftStrides = DenseStrides(step.LeftLabels, sizes);
        Dictionary<string, long> rightStrides = DenseStrides(step.RightLabels, sizes);
        Dictionary<string, long> outputStrides = DenseStrides(step.ResultLabels, sizes);
        int leftPitch = tile.Rows + 1;
        int rightPitch = tile.Columns + 1;

        writer.WriteComment($"Step {CSharpLiteral.Int(k + 1)}: {step.Contraction} as a GEMM: rows {Group(gemm.Rows)} ({CSharpLiteral.Int(rows)}), "
            + $"columns {Group(gemm.Columns)} ({CSharpLiteral.Int(columns)}), depth {Group(gemm.Depth)} ({CSharpLiteral.Int(depth)})"
            + (gemm.Batch.Count > 0 ? $", batch {Group(gemm.Batch)} on the grid's z" : string.Empty)
            + (split ? $", depth chunks of {CSharpLiteral.Int(choice.DepthChunk)} on the grid's z (sums added atomically)" : string.Empty) + $"; {tile}.");
        writer.OpenBlock($"private static void {name}({GpuNames.View(t)} left, {GpuNames.View(t)} right, {GpuNames.View(t)} output)");
        writer.WriteLine($"{GpuNames.View(t)} leftTile = {Ilgpu}SharedMemory.Allocate<{t}>({CSharpLiteral.Int(tile.Depth * leftPitch)});");
        writer.WriteLine($"{GpuNames.View(t)} rightTile = {Ilgpu}SharedMemory.Allocate<{t}>({CSharpLiteral.Int(tile.Depth * rightPitch)});");
        writer.WriteLine($"int thread = {Ilgpu}Group.IdxX;");
        writer.WriteLine($"int threadColumn = thread % {CSharpLiteral.Int(tile.ThreadColumns)};");
        writer.WriteLine($"int threadRow = thread / {CSharpLiteral.Int(tile.ThreadColumns)};");
        writer.WriteLine($"int rowStart = {Ilgpu}Grid.IdxY * {CSharpLiteral.Int(tile.Rows)};");
        writer.WriteLine($"int columnStart = {Ilgpu}Grid.IdxX * {CSharpLiteral.Int(tile.Columns)};");
        string leftBatch = string.Empty, rightBatch = string.Empty, outputBatch = string.Empty;
        if (gemm.Batch.Count > 0)
        {
            writer.WriteLine($"int batch = {Ilgpu}Grid.IdxZ;");
            writer.WriteLine($"int leftBatch = {GroupOffset("batch", gemm.Batch, sizes, leftStrides)};");
            writer.WriteLine($"int rightBatch = {GroupOffset("batch", gemm.Batch, sizes, rightStrides)};");
            writer.WriteLine($"int outputBatch = {GroupOffset("batch", gemm.Batch, sizes, outputStrides)};");
            (leftBatch, rightBatch, outputBatch) = ("leftBatch + ", "rightBatch + ", "outputBatch + ");
        }

        for (int i = 0; i < tile.RowsPerThread; i++)
        {
            writer.WriteLine(string.Join(" ", Enumerable.Range(0, tile.ColumnsPerThread).Select(j => $"{t} {Accumulator(i, j)} = 0;")));
        }

        writer.WriteLine();
        if (split)
        {
            writer.WriteLine($"int depthBegin = {Ilgpu}Grid.IdxZ * {CSharpLiteral.Int(choice.DepthChunk)};");
            writer.OpenBlock($"for (int depthStart = depthBegin; depthStart < depthBegin + {CSharpLiteral.Int(choice.DepthChunk)}; depthStart += {CSharpLiteral.Int(tile.Depth)})");
        }
        else
        {
            writer.OpenBlock($"for (int depthStart = 0; depthStart < {CSharpLiteral.Int(depth)}; depthStart += {CSharpLiteral.Int(tile.Depth)})");
        }

        // Left tile [depth][rows], right tile [depth][columns]: tile.Depth × extent elements each, loaded by all threads.
        bool depthGuard = split ? depth % choice.DepthChunk != 0 : depth % tile.Depth != 0;
        WriteTileLoad(writer, t, tile, "left", "leftTile", leftPitch, tile.Rows, "row", "rowStart", gemm.Rows, rows, rows % tile.Rows != 0,
            gemm.Depth, depthGuard, sizes, leftStrides, leftBatch);
        writer.WriteLine();
        WriteTileLoad(writer, t, tile, "right", "rightTile", rightPitch, tile.Columns, "column", "columnStart", gemm.Columns, columns,
            columns % tile.Columns != 0, gemm.Depth, depthGuard, sizes, rightStrides, rightBatch);
        writer.WriteLine($"{Ilgpu}Group.Barrier();");
        writer.WriteLine();
        writer.OpenBlock($"for (int tileDepth = 0; tileDepth < {CSharpLiteral.Int(tile.Depth)}; tileDepth++)");
        for (int i = 0; i < tile.RowsPerThread; i++)
        {
            writer.WriteLine($"{t} a{CSharpLiteral.Int(i)} = leftTile[tileDepth * {CSharpLiteral.Int(leftPitch)} + threadRow{Step(i, tile.ThreadRows)}];");
        }

        for (int j = 0; j < tile.ColumnsPerThread; j++)
        {
            writer.WriteLine($"{t} b{CSharpLiteral.Int(j)} = rightTile[tileDepth * {CSharpLiteral.Int(rightPitch)} + threadColumn{Step(j, tile.ThreadColumns)}];");
        }

        for (int i = 0; i < tile.RowsPerThread; i++)
        {
            writer.WriteLine(string.Join(" ", Enumerable.Range(0, tile.ColumnsPerThread)
                .Select(j => $"{Accumulator(i, j)} += a{CSharpLiteral.Int(i)} * b{CSharpLiteral.Int(j)};")));
        }

        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"{Ilgpu}Group.Barrier();");
        writer.CloseBlock();

        // Each thread's rows and columns, interleaved with its neighbours' (consecutive threads, consecutive columns).
        string assign = accumulate ? "+=" : "=";
        writer.WriteLine();
        for (int i = 0; i < tile.RowsPerThread; i++)
        {
            writer.WriteLine($"int row{CSharpLiteral.Int(i)} = rowStart + threadRow{Step(i, tile.ThreadRows)};");
        }

        for (int j = 0; j < tile.ColumnsPerThread; j++)
        {
            writer.WriteLine($"int column{CSharpLiteral.Int(j)} = columnStart + threadColumn{Step(j, tile.ThreadColumns)};");
        }

        for (int i = 0; i < tile.RowsPerThread; i++)
        {
            for (int j = 0; j < tile.ColumnsPerThread; j++)
            {
                string row = "row" + CSharpLiteral.Int(i);
                string column = "column" + CSharpLiteral.Int(j);
                var guards = new List<string>();
                if (rows % tile.Rows != 0)
                {
                    guards.Add($"{row} < {CSharpLiteral.Int(rows)}");
                }

                if (columns % tile.Columns != 0)
                {
                    guards.Add($"{column} < {CSharpLiteral.Int(columns)}");
                }

                string element = $"output[{outputBatch}{GroupOffset(row, gemm.Rows, sizes, outputStrides)} + {GroupOffset(column, gemm.Columns, sizes, outputStrides)}]";
                string store = split ? $"{Ilgpu}Atomic.Add(ref {element}, {Accumulator(i, j)});" : $"{element} {assign} {Accumulator(i, j)};";
                writer.WriteLine(guards.Count == 0 ? store : $"if ({string.Join(" && ", guards)}) {{ {store} }}");
            }
        }

        writer.CloseBlock();
    }

    /// <summary>
    /// Loads one operand's tile: thread t loads elements t, t + threads, …; consecutive threads take consecutive
    /// values of the free index (rows or columns) when its innermost label has stride 1 in the operand, else of the depth.
    /// </summary>
    private static void WriteTileLoad(SourceWriter writer, string t, GpuTile tile, string operand, string target, int pitch, int extent,
        string free, string freeStart, IReadOnlyList<string> freeLabels, long freeCount, bool freeGuard, IReadOnlyList<string> depthLabels,
        bool depthGuard, IReadOnlyDictionary<string, long> sizes, Dictionary<string, long> strides, string batchOffset)
    {
        bool freeFastest = strides[freeLabels[freeLabels.Count - 1]] == 1 || strides[depthLabels[depthLabels.Count - 1]] != 1;
        int elements = tile.Depth * extent;
        writer.WriteComment($"{operand}'s tile, consecutive threads along {(freeFastest ? free + "s" : "the depth")} (its stride-1 index).");
        writer.OpenBlock($"for (int element = thread; element < {CSharpLiteral.Int(elements)}; element += {CSharpLiteral.Int(tile.Threads)})");
        if (freeFastest)
        {
            writer.WriteLine($"int tileFree = element % {CSharpLiteral.Int(extent)};");
            writer.WriteLine($"int tileDepth = element / {CSharpLiteral.Int(extent)};");
        }
        else
        {
            writer.WriteLine($"int tileDepth = element % {CSharpLiteral.Int(tile.Depth)};");
            writer.WriteLine($"int tileFree = element / {CSharpLiteral.Int(tile.Depth)};");
        }

        writer.WriteLine($"int {free} = {freeStart} + tileFree;");
        writer.WriteLine("int depth = depthStart + tileDepth;");
        string read = $"{operand}[{batchOffset}{GroupOffset(free, freeLabels, sizes, strides)} + {GroupOffset("depth", depthLabels, sizes, strides)}]";
        var guards = new List<string>();
        if (freeGuard)
        {
            guards.Add($"{free} < {CSharpLiteral.Int(freeCount)}");
        }

        if (depthGuard)
        {
            guards.Add($"depth < {CSharpLiteral.Int(GemmGroups.Extent(depthLabels, sizes))}");
        }

        string value = guards.Count == 0 ? read : $"{string.Join(" && ", guards)} ? {read} : 0";
        writer.WriteLine($"{target}[tileDepth * {CSharpLiteral.Int(pitch)} + tileFree] = {value};");
        writer.CloseBlock();
    }

    /// <summary>
    /// The offset of position <paramref name="variable"/> of a group of indices (row-major over the group) in an operand:
    /// each index's value times its stride, e.g. <c>(row / 64) * 4096 + (row % 64) * 64</c>.
    /// </summary>
    internal static string GroupOffset(string variable, IReadOnlyList<string> group, IReadOnlyDictionary<string, long> sizes,
        IReadOnlyDictionary<string, long> strides)
    {
        var terms = new List<string>();
        for (int p = 0; p < group.Count; p++)
        {
            long inner = group.Skip(p + 1).Aggregate(1L, (product, label) => product * sizes[label]);
            string index = inner == 1 ? variable : $"{variable} / {CSharpLiteral.Int(inner)}";
            if (p > 0)
            {
                index = $"{index} % {CSharpLiteral.Int(sizes[group[p]])}";
            }

            long stride = strides[group[p]];
            terms.Add(stride == 1 ? (index == variable ? index : "(" + index + ")") : index == variable ? $"{index} * {CSharpLiteral.Int(stride)}" : $"({index}) * {CSharpLiteral.Int(stride)}");
        }

        return terms.Count == 0 ? "0" : string.Join(" + ", terms);
    }

    /// <summary>Row-major strides of a dense term with distinct labels.</summary>
    internal static Dictionary<string, long> DenseStrides(IReadOnlyList<string> labels, IReadOnlyDictionary<string, long> sizes)
    {
        var strides = new Dictionary<string, long>();
        long stride = 1;
        for (int p = labels.Count - 1; p >= 0; p--)
        {
            strides[labels[p]] = stride;
            stride *= sizes[labels[p]];
        }

        return strides;
    }

    private static string Accumulator(int i, int j) => $"c{CSharpLiteral.Int(i)}{CSharpLiteral.Int(j)}";

    private static string Step(int i, int spacing) => i == 0 ? string.Empty : " + " + CSharpLiteral.Int(i * spacing);

    private static string Group(IReadOnlyList<string> labels) => string.Concat(labels);
}
