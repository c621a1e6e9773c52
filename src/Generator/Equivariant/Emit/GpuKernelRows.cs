using static TensorGen.Emit.CSharpLiteral;

namespace TensorGen.Emit.Equivariant;

/// <summary>How a GPU product kernel stores a forward result: written once, added (the thread owns it), or added atomically.</summary>
internal enum GpuStore
{
    Assign,
    Add,
    AtomicAdd,
}

/// <summary>
/// Where a GPU tensor-product kernel's rows come from and how it stores into them — the only thing the product kernels
/// (<see cref="GpuTensorProductEmitter"/>) and the fused convolution's kernels differ in; the paths, thread layout and
/// reductions are the same code. A product's row r is row r of every operand. A convolution's kernel either runs one row of
/// threads per edge (x1 is the sender's row, the output the receiver's, added atomically: <see cref="EdgePerRow"/>) or
/// one per node, which walks the node's CSR segment of edges in order and owns every sum it writes
/// (<see cref="NodeSegments"/>: deterministic).
/// </summary>
internal sealed class GpuKernelRows
{
    private const string IndexView = "global::ILGPU.ArrayView<int>";

    private GpuKernelRows(string indexParameters, bool walksSegments, bool rowIsSender, GpuStore store, bool atomicX1Gradient, bool x2GradientInSharedMemory,
        bool stagesWeights)
    {
        IndexParameters = indexParameters;
        WalksSegments = walksSegments;
        RowIsSender = rowIsSender;
        Store = store;
        AtomicX1Gradient = atomicX1Gradient;
        X2GradientInSharedMemory = x2GradientInSharedMemory;
        StagesWeights = stagesWeights;
    }

    /// <summary>A tensor product's: row r of x1, x2, the weights and the output (or its gradient).</summary>
    public static GpuKernelRows Batch { get; } = new(string.Empty, walksSegments: false, rowIsSender: false, GpuStore.Assign, atomicX1Gradient: false,
        x2GradientInSharedMemory: true, stagesWeights: true);

    /// <summary>A convolution's atomic kernels: row e is edge e; its message (or x1 gradient) is added atomically into the receiver's (sender's) row.</summary>
    public static GpuKernelRows EdgePerRow { get; } = new(Parameters, walksSegments: false, rowIsSender: false, GpuStore.AtomicAdd, atomicX1Gradient: true,
        x2GradientInSharedMemory: true, stagesWeights: true);

    /// <summary>
    /// A convolution's deterministic kernels: row n is node n (a receiver forward, a sender backward), whose threads walk its
    /// edges <c>order[offsets[n] .. offsets[n + 1])</c> in order and add into rows they alone own. In the backward kernel an
    /// edge's x2 gradient is summed by the row's one warp (shuffles in a fixed order, lane 0 adds) or by a row of one thread
    /// (<see cref="GpuTensorProductEmitter.UnsharedBackwardLanes"/>). No barriers: rows walk segments of different lengths,
    /// so nothing is staged in shared memory.
    /// </summary>
    public static GpuKernelRows NodeSegments(bool backward) => new(Parameters, walksSegments: true, rowIsSender: backward, GpuStore.Add, atomicX1Gradient: false,
        x2GradientInSharedMemory: false, stagesWeights: false);

    private static string Parameters => $", {IndexView} senders, {IndexView} receivers, {IndexView} order, {IndexView} offsets";

    /// <summary>The kernel's parameters after x1, x2 and the weights (the edge index views), starting with a comma; empty for a product.</summary>
    public string IndexParameters { get; }

    /// <summary>How many edge index views the kernel takes (0 for a product, 4 for a convolution).</summary>
    private int IndexParameterCount => IndexParameters.Length == 0 ? 0 : 4;

    /// <summary>Whether each row of threads loops over a CSR segment of edges.</summary>
    public bool WalksSegments { get; }

    /// <summary>Whether the row is the sender (x1's row is the thread's row) rather than the receiver.</summary>
    private bool RowIsSender { get; }

    /// <summary>How the forward kernel stores its sums.</summary>
    public GpuStore Store { get; }

    /// <summary>Whether x1's gradient is added atomically (several edges share a sender).</summary>
    public bool AtomicX1Gradient { get; }

    /// <summary>Whether a row's x2 gradient is summed in shared memory by its lanes (else added by the row's one thread into gradX2).</summary>
    public bool X2GradientInSharedMemory { get; }

    /// <summary>Whether shared weights may be staged in shared memory (between barriers every thread of a group reaches).</summary>
    public bool StagesWeights { get; }

    /// <summary>
    /// The row offsets <c>x1Row</c>, <c>x2Row</c>, <c>outRow</c> (and <c>wRow</c>) of the thread's row — or, walking
    /// segments, the loop over the row's edges with the offsets of each edge inside (closed by <see cref="CloseRow"/>).
    /// </summary>
    public void OpenRow(SourceWriter writer, int dim1, int dim2, int dimOut, int weightCount, bool includeX2, bool weightRows)
    {
        if (IndexParameterCount == 0)
        {
            WriteOffsets(writer, "row", "row", "row", dim1, dim2, dimOut, weightCount, includeX2, weightRows);
            return;
        }

        if (!WalksSegments)
        {
            writer.WriteLine("int edge = row < rows ? row : 0; // a thread past the last edge (there for the group's barriers) reads edge 0 and stores nothing");
            WriteOffsets(writer, "senders[edge]", "edge", "receivers[edge]", dim1, dim2, dimOut, weightCount, includeX2: true, weightRows);
            return;
        }

        writer.WriteComment($"the edges of {(RowIsSender ? "sender" : "receiver")} row, in edge order: this row's threads own every sum they add into");
        writer.OpenBlock("for (int at = offsets[row], end = offsets[row + 1]; at < end; at++)");
        writer.WriteLine("int edge = order[at];");
        WriteOffsets(writer, RowIsSender ? "row" : "senders[edge]", "edge", RowIsSender ? "receivers[edge]" : "row", dim1, dim2, dimOut, weightCount,
            includeX2: true, weightRows);
    }

    /// <summary>Closes the loop <see cref="OpenRow"/> opened, if any.</summary>
    public void CloseRow(SourceWriter writer)
    {
        if (WalksSegments)
        {
            writer.CloseBlock();
        }
    }

    /// <summary>The statement storing <paramref name="value"/> at <c>output[<paramref name="index"/>]</c>.</summary>
    public string StoreOutput(string index, string value) => Store switch
    {
        GpuStore.Assign => $"output[{index}] = {value};",
        GpuStore.Add => $"output[{index}] += {value};",
        _ => $"global::ILGPU.Atomic.Add(ref output[{index}], {value});",
    };

    private static void WriteOffsets(SourceWriter writer, string x1, string x2, string output, int dim1, int dim2, int dimOut, int weightCount, bool includeX2,
        bool weightRows)
    {
        if (includeX2)
        {
            writer.WriteLine($"long x1Row = (long){x1} * {Int(dim1)};");
            writer.WriteLine($"long x2Row = (long){x2} * {Int(dim2)};");
        }

        writer.WriteLine($"long outRow = (long){output} * {Int(dimOut)};");
        if (weightRows)
        {
            writer.WriteLine($"long wRow = (long){x2} * {Int(weightCount)};");
        }
    }
}
