using System.Collections.Generic;
using System.Linq;
using TensorGen.Equivariance;
using TensorGen.Model;
using static TensorGen.Emit.CSharpLiteral;

namespace TensorGen.Emit.Equivariant;

/// <summary>
/// Writes the GPU members of a <c>[TensorProduct]</c> or <c>[TensorProductBackward]</c> method declared with
/// <c>Backend.Gpu</c> (docs/gpu.md): the device entry point <c>NameGpu(GpuContext, ArrayView&lt;T&gt; …)</c>, the host entry
/// point <c>NameGpu(GpuContext, &lt;the declared tensor spans&gt;)</c>, and one ILGPU kernel <c>NameGpuKernel</c> of scalar code,
/// launched by the runtime's <c>GpuTensorProductDriver</c>.
/// <para>
/// Threads: <c>lanes</c> consecutive threads share a batch row. In the forward kernel the thread of lane l owns output
/// channels l, l + lanes, … of every output block and sums every path into them in registers, so each output element is
/// written once, without atomics. In the backward kernel it owns x1 channels l, l + lanes, … of every x1 block: it alone
/// writes their gradient and every weight gradient (each weight index contains the x1 channel), while x2's gradient of a
/// row is summed in shared memory by the row's threads and stored once. Shared weights of uvw and weighted uuw paths —
/// read by every row — are staged in shared memory per block (when they fit). Shared weights' gradient is written per
/// row into scratch and summed over the batch by the driver (a second kernel).
/// </para>
/// <para>
/// The kernel writers (<see cref="WriteForwardKernel"/>, <see cref="WriteBackwardKernel"/>) also serve the fused convolution:
/// a <see cref="GpuKernelRows"/> says where a row's operands are and how sums are stored.
/// </para>
/// </summary>
internal static class GpuTensorProductEmitter
{
    private const string Driver = "global::TensorGen.Runtime.Gpu.Equivariance.GpuTensorProductDriver";

    /// <summary>The most elements of shared weights a kernel stages per block: 32 KiB, within CUDA's 48 KiB per group without opt-in.</summary>
    public const int StagingBytes = 32 * 1024;

    /// <summary>
    /// The most bytes of x2's gradient one batch row may sum in shared memory in the backward kernel (16 KiB, with the
    /// staged weights within 48 KiB); wider x2 rows are TG0112.
    /// </summary>
    public const int X2GradientBytes = 16 * 1024;

    /// <summary>The most threads that share one row: a warp.</summary>
    public const int MaxLanes = 32;

    /// <param name="writer">Where to write.</param>
    /// <param name="method">The declaration.</param>
    /// <param name="spec">The tensor product.</param>
    /// <param name="plans">The plans of its non-empty paths (the CPU kernel's).</param>
    /// <param name="element">float or double.</param>
    public static void WriteForward(SourceWriter writer, KernelMethodShape method, TensorProductSpec spec, IReadOnlyList<TensorProductPathPlan> plans, string element)
    {
        string kernel = method.MethodName + "GpuKernel";
        string layout = EquivariantFileEmitter.KernelReference(method) + ".Layout";
        int lanes = ForwardLanes(plans);
        int staged = StagedElements(spec, plans, element, backward: false, GpuKernelRows.Batch);
        bool hasWeights = TensorProductEmitter.HasWeights(method, backward: false);
        string view = $"global::ILGPU.ArrayView<{element}>";
        string load = LoadKernel(kernel, Enumerable.Repeat(view, 4).Concat(new[] { "int", "int" }));
        string arguments = TensorProductEmitter.DriverArguments(method, backward: false);
        string device = hasWeights ? "x1, x2, weights, output" : "x1, x2, output";

        WriteEntryPoints(writer, method, element,
            $"{method.DisplayName} on the GPU: x1 [Z, {Int(spec.Irreps1.Dim)}], x2 [Z, {Int(spec.Irreps2.Dim)}], "
            + (hasWeights ? (spec.SharedWeights ? $"weights [{Int(spec.WeightCount)}], " : $"weights [Z, {Int(spec.WeightCount)}], ") : string.Empty)
            + $"output [Z, {Int(spec.IrrepsOut.Dim)}]",
            $"{Driver}.Forward(gpu, {layout}, {Int(lanes)}, {Int(staged)}, {load}, {arguments});",
            $"{Driver}.Forward(gpu, {layout}, {arguments}, static (context, x1, x2, weights, output) => {method.MethodName}Gpu(context, {device}));");

        WriteForwardKernel(writer, kernel, $"The ILGPU kernel of {method.MethodName}Gpu", spec, plans, element, GpuKernelRows.Batch);
    }

    /// <summary>The threads of a row that a forward kernel gives its output channels: the most channels of an output block, at most a warp.</summary>
    public static int ForwardLanes(IReadOnlyList<TensorProductPathPlan> plans) => Lanes(plans.Select(p => OutputChannels(p.Path)));

    /// <summary>The threads of a row that a backward kernel gives its x1 channels: the most channels of an x1 block, at most a warp.</summary>
    public static int BackwardLanes(IReadOnlyList<TensorProductPathPlan> plans) => Lanes(plans.Select(p => p.Path.Block1.Mul));

    /// <summary>
    /// The lanes of a backward kernel whose rows add x2's gradient without atomics (<see cref="GpuKernelRows.X2GradientInSharedMemory"/>
    /// false): a warp's worth when every path sums x2's gradient over the lanes' channels (uv modes), so that the lanes' parts
    /// are summed by warp shuffles in a fixed order and added by lane 0 — else one thread per row. (A uu path adds into x2
    /// channel u from the lane that owns u, which would race with lane 0's adds into the same block.) The driver runs one
    /// thread per row anyway when the device's warps are not that wide.
    /// </summary>
    public static int UnsharedBackwardLanes(IReadOnlyList<TensorProductPathPlan> plans) =>
        BackwardLanes(plans) == MaxLanes && plans.All(p => !p.IsUu) ? MaxLanes : 1;

    /// <summary>The shared-memory elements a kernel stages shared weights in (0 when <paramref name="rows"/> do not stage).</summary>
    public static int StagedElements(TensorProductSpec spec, IReadOnlyList<TensorProductPathPlan> plans, string element, bool backward, GpuKernelRows rows) =>
        Stages(spec, plans, element, backward, rows).Size;

    private static StagePlan Stages(TensorProductSpec spec, IReadOnlyList<TensorProductPathPlan> plans, string element, bool backward, GpuKernelRows rows) =>
        StagePlan.Create(rows.StagesWeights && spec.SharedWeights, plans.Select(p => p.Path).ToList(),
            backward ? p => p.Instruction.In1 : p => p.Instruction.Out, element);

    /// <summary>
    /// The forward kernel <paramref name="kernel"/>(x1, x2, weights[, edge indices], output, rows, lanes): the thread of
    /// (row, lane) owns output channels lane, lane + lanes, … of every output block and sums every path into them in
    /// registers; <paramref name="rows"/> says where a row's operands are and how the sums are stored.
    /// </summary>
    public static void WriteForwardKernel(SourceWriter writer, string kernel, string summary, TensorProductSpec spec, IReadOnlyList<TensorProductPathPlan> plans,
        string element, GpuKernelRows rows)
    {
        var paths = plans.Select(p => p.Path).ToList();
        var planOf = plans.ToDictionary(p => p.Path.Index);
        StagePlan stages = Stages(spec, plans, element, backward: false, rows);
        string view = $"global::ILGPU.ArrayView<{element}>";
        writer.WriteLine();
        writer.WriteLine($"/// <summary>{summary}: the thread of (row, lane) owns output channels lane, lane + lanes, … of every output block.</summary>");
        writer.OpenBlock($"private static void {kernel}({view} x1, {view} x2, {view} weights{rows.IndexParameters}, {view} output, int rows, int lanes)");
        WriteThreadIndex(writer, stages.Size > 0);
        rows.OpenRow(writer, spec.Irreps1.Dim, spec.Irreps2.Dim, spec.IrrepsOut.Dim, spec.WeightCount, includeX2: paths.Count > 0,
            weightRows: !spec.SharedWeights && paths.Any(p => p.HasWeight));
        if (stages.Size > 0)
        {
            writer.WriteLine($"{view} staged = global::ILGPU.SharedMemory.GetDynamic<{element}>();");
        }

        bool staged = false;
        for (int block = 0; block < spec.IrrepsOut.Count; block++)
        {
            MulIrrep irrep = spec.IrrepsOut[block];
            if (irrep.Dim == 0)
            {
                continue;
            }

            var into = paths.Where(p => p.Instruction.Out == block).ToList();
            int offset = spec.IrrepsOut.Offsets[block];
            writer.WriteLine();
            if (into.Count == 0)
            {
                if (rows.Store != GpuStore.Assign)
                {
                    writer.WriteComment($"output block {Int(block)}: {irrep}, no path (left as the driver zeroed it)");
                    continue;
                }

                writer.WriteComment($"output block {Int(block)}: {irrep}, no path");
                OpenActive(writer, stages.Size > 0);
                writer.OpenBlock($"for (int e = lane; e < {Int(irrep.Dim)}; e += lanes)");
                writer.WriteLine($"output[outRow + {Int(offset)} + e] = {NumericLiteral.Of(0, element)};");
                writer.CloseBlock();
                writer.CloseBlock();
                continue;
            }

            writer.WriteComment($"output block {Int(block)}: {irrep} <- path{(into.Count == 1 ? string.Empty : "s")} {string.Join(", ", into.Select(p => Int(p.Index)))}");
            staged |= stages.WriteStaging(writer, into, staged);
            OpenActive(writer, stages.Size > 0);
            var pathWriters = into.ToDictionary(p => p, p => new GpuPathWriter(writer, planOf[p.Index], element, WeightRead(spec, p, stages)));
            foreach (TensorProductPath path in into.Where(p => pathWriters[p].HoistsFold))
            {
                pathWriters[path].WriteHoistedFold();
            }

            int d3 = irrep.Irrep.Dim;
            var usedK = into.SelectMany(p => pathWriters[p].UsedK).Distinct().OrderBy(k => k).ToList();
            writer.OpenBlock($"for (int o = lane; o < {Int(irrep.Mul)}; o += lanes)");
            foreach (int k in usedK)
            {
                writer.WriteLine($"{element} acc{k} = {NumericLiteral.Of(0, element)};");
            }

            foreach (TensorProductPath path in into)
            {
                writer.WriteComment(Describe(path, stages));
                writer.OpenBlock();
                pathWriters[path].WriteForward();
                writer.CloseBlock();
            }

            writer.WriteLine($"long fo = outRow + {Int(offset)} + (o * {Int(d3)});");
            for (int k = 0; k < d3; k++)
            {
                if (usedK.Contains(k) || rows.Store == GpuStore.Assign)
                {
                    writer.WriteLine(rows.StoreOutput($"fo + {k}", usedK.Contains(k) ? "acc" + Int(k) : NumericLiteral.Of(0, element)));
                }
            }

            writer.CloseBlock();
            writer.CloseBlock();
        }

        rows.CloseRow(writer);
        writer.CloseBlock();
    }

    /// <inheritdoc cref="WriteForward"/>
    public static void WriteBackward(SourceWriter writer, KernelMethodShape method, TensorProductSpec spec, IReadOnlyList<TensorProductPathPlan> plans, string element)
    {
        string kernel = method.MethodName + "GpuKernel";
        string layout = EquivariantFileEmitter.KernelReference(method) + ".Layout";
        int lanes = BackwardLanes(plans);
        int staged = StagedElements(spec, plans, element, backward: true, GpuKernelRows.Batch);
        bool hasWeights = TensorProductEmitter.HasWeights(method, backward: true);
        string view = $"global::ILGPU.ArrayView<{element}>";
        string load = LoadKernel(kernel, Enumerable.Repeat(view, 7).Concat(new[] { "int", "int" }));
        string arguments = TensorProductEmitter.DriverArguments(method, backward: true);
        string device = hasWeights ? "x1, x2, weights, gradOutput, gradX1, gradX2, gradWeights" : "x1, x2, gradOutput, gradX1, gradX2";

        WriteEntryPoints(writer, method, element,
            $"{method.DisplayName} (the backward pass) on the GPU: the forward's inputs, gradOutput [Z, {Int(spec.IrrepsOut.Dim)}], and the gradients shaped as x1, x2"
                + (hasWeights ? " and the weights" : string.Empty),
            $"{Driver}.Backward(gpu, {layout}, {Int(lanes)}, {Int(staged)}, {load}, {arguments});",
            $"{Driver}.Backward(gpu, {layout}, {arguments}, static (context, x1, x2, weights, gradOutput, gradX1, gradX2, gradWeights) => {method.MethodName}Gpu(context, {device}));");

        WriteBackwardKernel(writer, kernel, $"The ILGPU kernel of {method.MethodName}Gpu", spec, plans, element, GpuKernelRows.Batch);
    }

    /// <summary>
    /// The backward kernel <paramref name="kernel"/>(x1, x2, weights[, edge indices], gradOutput, gradX1, gradX2, gradWeights,
    /// rows, lanes): the thread of (row, lane) owns x1 channels lane, lane + lanes, … of every x1 block; x2's gradient is summed
    /// in shared memory by the row's lanes, or — when <paramref name="rows"/> say a row is one thread — added straight into gradX2.
    /// </summary>
    public static void WriteBackwardKernel(SourceWriter writer, string kernel, string summary, TensorProductSpec spec, IReadOnlyList<TensorProductPathPlan> plans,
        string element, GpuKernelRows rows)
    {
        var paths = plans.Select(p => p.Path).ToList();
        var planOf = plans.ToDictionary(p => p.Path.Index);
        int lanes = BackwardLanes(plans);
        StagePlan stages = Stages(spec, plans, element, backward: true, rows);
        string view = $"global::ILGPU.ArrayView<{element}>";
        bool reducesX2 = spec.Irreps2.Dim > 0 && rows.X2GradientInSharedMemory;
        bool rowMayBeWarp = spec.Irreps2.Dim > 0 && paths.Any(p => p.Mode is not (ConnectionMode.Uuw or ConnectionMode.Uuu))
            && (reducesX2 ? lanes == MaxLanes : UnsharedBackwardLanes(plans) == MaxLanes);
        string x2GradientAdd = rows.X2GradientInSharedMemory ? "global::ILGPU.Atomic.Add(ref dx2[dx2Row + {0}], {1});" : "gradX2[x2Row + {0}] += {1};";

        writer.WriteLine();
        writer.WriteLine($"/// <summary>{summary}: the thread of (row, lane) owns x1 channels lane, lane + lanes, … of every x1 block.</summary>");
        writer.OpenBlock($"private static void {kernel}({view} x1, {view} x2, {view} weights{rows.IndexParameters}, {view} gradOutput, {view} gradX1, {view} gradX2, {view} gradWeights, int rows, int lanes)");
        bool barriers = reducesX2 || stages.Size > 0;
        WriteThreadIndex(writer, barriers);
        if (rowMayBeWarp && !reducesX2)
        {
            writer.WriteComment("a row of a warp's worth of lanes is one warp: its lanes sum x2's gradient by shuffles and lane 0 adds it; else a row is one thread");
            writer.WriteLine("bool rowIsWarp = lanes == global::ILGPU.Warp.WarpSize;");
        }

        if (paths.Count > 0)
        {
            rows.OpenRow(writer, spec.Irreps1.Dim, spec.Irreps2.Dim, spec.IrrepsOut.Dim, spec.WeightCount, includeX2: true, weightRows: paths.Any(p => p.HasWeight));
        }

        if (reducesX2)
        {
            int d2 = spec.Irreps2.Dim;
            writer.WriteComment("x2's gradient of the group's rows is summed in shared memory (after the staged weights), then stored once");
            writer.WriteLine("int groupRows = global::ILGPU.Group.DimX / lanes;");
            writer.WriteLine($"int dx2Row = (global::ILGPU.Group.IdxX / lanes) * {Int(d2)};");
            writer.WriteLine($"{view} shared = global::ILGPU.SharedMemory.GetDynamic<{element}>();");
            if (stages.Size > 0)
            {
                writer.WriteLine($"{view} staged = shared.SubView(0, {Int(stages.Size)});");
            }

            writer.WriteLine($"{view} dx2 = shared.SubView({Int(stages.Size)}, groupRows * {Int(d2)});");
            if (rowMayBeWarp)
            {
                writer.WriteComment("a row of a warp's worth of lanes is one warp (rows start at multiples of lanes), so its lanes can shuffle");
                writer.WriteLine("bool rowIsWarp = lanes == global::ILGPU.Warp.WarpSize;");
            }

            writer.OpenBlock($"for (int e = global::ILGPU.Group.IdxX; e < groupRows * {Int(d2)}; e += global::ILGPU.Group.DimX)");
            writer.WriteLine($"dx2[e] = {NumericLiteral.Of(0, element)};");
            writer.CloseBlock();
        }
        else if (stages.Size > 0)
        {
            writer.WriteLine($"{view} staged = global::ILGPU.SharedMemory.GetDynamic<{element}>();");
        }

        bool staged = false;
        bool zeroingUnsynchronized = reducesX2;
        for (int block = 0; block < spec.Irreps1.Count; block++)
        {
            var from = paths.Where(p => p.Instruction.In1 == block).ToList();
            if (from.Count == 0)
            {
                continue;
            }

            writer.WriteLine();
            writer.WriteComment($"x1 block {Int(block)}: {spec.Irreps1[block]} -> path{(from.Count == 1 ? string.Empty : "s")} {string.Join(", ", from.Select(p => Int(p.Index)))}");
            if (stages.WriteStaging(writer, from, staged))
            {
                staged = true;
                zeroingUnsynchronized = false;
            }
            else if (zeroingUnsynchronized)
            {
                writer.WriteLine("global::ILGPU.Group.Barrier(); // the zeroed x2 gradient before the atomics");
                zeroingUnsynchronized = false;
            }

            OpenActive(writer, barriers);
            foreach (TensorProductPath path in from)
            {
                writer.WriteComment(Describe(path, stages));
                writer.OpenBlock();
                new GpuPathWriter(writer, planOf[path.Index], element, WeightRead(spec, path, stages), rows.AtomicX1Gradient, x2GradientAdd).WriteBackward(rowMayBeWarp);
                writer.CloseBlock();
            }

            writer.CloseBlock();
        }

        if (paths.Count > 0)
        {
            rows.CloseRow(writer);
        }

        if (reducesX2)
        {
            int d2 = spec.Irreps2.Dim;
            writer.WriteLine();
            writer.WriteComment("store the group's x2 gradient (rows past the batch are left alone)");
            writer.WriteLine("global::ILGPU.Group.Barrier();");
            writer.WriteLine("int firstRow = global::ILGPU.Grid.IdxX * groupRows;");
            writer.OpenBlock($"for (int e = global::ILGPU.Group.IdxX; e < groupRows * {Int(d2)}; e += global::ILGPU.Group.DimX)");
            writer.OpenBlock($"if (firstRow + (e / {Int(d2)}) < rows)");
            writer.WriteLine($"gradX2[((long)firstRow * {Int(d2)}) + e] = dx2[e];");
            writer.CloseBlock();
            writer.CloseBlock();
        }

        writer.CloseBlock();
    }

    /// <summary>The lanes a row gets: the most channels one block gives the threads, at most a warp.</summary>
    private static int Lanes(IEnumerable<int> channels) => System.Math.Max(1, System.Math.Min(MaxLanes, channels.DefaultIfEmpty(1).Max()));

    /// <summary>The channels of a path's output block that the forward kernel hands out to lanes.</summary>
    private static int OutputChannels(TensorProductPath path) => path.BlockOut.Mul;

    /// <summary>
    /// The device entry point (body <paramref name="deviceCall"/>: the driver launches the kernel) and the host entry point
    /// (body <paramref name="hostCall"/>: the driver copies in, calls the device entry point, copies out).
    /// </summary>
    private static void WriteEntryPoints(SourceWriter writer, KernelMethodShape method, string element, string summary, string deviceCall, string hostCall) =>
        GpuEntryPoints.Write(writer, method, element,
            $"{Xml(summary)}: dense row-major device views; Z is x1's rows. Enqueued on <c>gpu.Stream</c>; returns without waiting.",
            $"{Xml(summary)}: copies the host tensors in (strided ones packed densely), runs the device entry point and copies the results out (waits).",
            deviceCall,
            hostCall);

    /// <summary>Loading the kernel once per context: a static lambda per call site (GpuContext caches by it).</summary>
    internal static string LoadKernel(string kernel, IEnumerable<string> parameterTypes) =>
        $"gpu.Kernel(static a => global::ILGPU.Runtime.KernelLoaders.LoadKernel<{string.Join(", ", parameterTypes)}>(a, {kernel}))";

    private static void WriteThreadIndex(SourceWriter writer, bool barriers)
    {
        writer.WriteLine("int thread = global::ILGPU.Grid.GlobalIndex.X;");
        writer.WriteLine("int row = thread / lanes;");
        writer.WriteLine("int lane = thread - (row * lanes);");
        if (barriers)
        {
            writer.WriteComment("every thread of a group reaches the barriers; only threads of rows in the batch compute");
            writer.WriteLine("bool active = row < rows;");
        }
        else
        {
            writer.OpenBlock("if (row >= rows)");
            writer.WriteLine("return;");
            writer.CloseBlock();
        }
    }

    private static void OpenActive(SourceWriter writer, bool barriers)
    {
        if (barriers)
        {
            writer.OpenBlock("if (active)");
        }
        else
        {
            writer.OpenBlock();
        }
    }

    /// <summary>How the path reads a weight, <c>{0}</c> standing for the index within the path.</summary>
    private static string WeightRead(TensorProductSpec spec, TensorProductPath path, StagePlan stages) =>
        stages.Offsets.TryGetValue(path.Index, out int stagedAt)
            ? $"staged[{Int(stagedAt)} + {{0}}]"
            : spec.SharedWeights ? $"weights[{Int(path.WeightOffset)} + {{0}}]" : $"weights[wRow + {Int(path.WeightOffset)} + {{0}}]";

    private static string Describe(TensorProductPath path, StagePlan stages) =>
        $"path {Int(path.Index)}: {path.Describe()}, {path.Mode.Name()}, "
        + (path.HasWeight
            ? $"weights [{Int(path.WeightOffset)}, {Int(path.WeightOffset + path.WeightCount)}) shape {path.Shape()}{(stages.Offsets.ContainsKey(path.Index) ? ", staged in shared memory" : string.Empty)}"
            : "no weights")
        + $", path weight {NumericLiteral.Comment(path.NormalizedWeight)}";

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>
    /// Which shared weights a kernel stages in shared memory: per block (output block forward, x1 block backward), the
    /// uvw and weighted uuw paths — each weight is read by every row of the group — in order, while they fit in
    /// <see cref="StagingBytes"/>. Per-row weights are never staged (each is read once).
    /// </summary>
    private sealed class StagePlan
    {
        private StagePlan(Dictionary<int, int> offsets, int size)
        {
            Offsets = offsets;
            Size = size;
        }

        /// <summary>Path index → where its weights start in the staging area.</summary>
        public Dictionary<int, int> Offsets { get; }

        /// <summary>The staging area's elements: the largest block's staged weights.</summary>
        public int Size { get; }

        public static StagePlan Create(bool sharedWeights, IReadOnlyList<TensorProductPath> paths, System.Func<TensorProductPath, int> block, string element)
        {
            var offsets = new Dictionary<int, int>();
            int size = 0;
            if (sharedWeights)
            {
                int budget = StagingBytes / (element == "float" ? sizeof(float) : sizeof(double));
                foreach (var group in paths.GroupBy(block))
                {
                    int used = 0;
                    foreach (TensorProductPath path in group.Where(p => p.HasWeight && p.Mode is ConnectionMode.Uvw or ConnectionMode.Uuw))
                    {
                        if (used + path.WeightCount <= budget)
                        {
                            offsets.Add(path.Index, used);
                            used += path.WeightCount;
                        }
                    }

                    size = System.Math.Max(size, used);
                }
            }

            return new StagePlan(offsets, size);
        }

        /// <summary>
        /// Copies the staged weights of <paramref name="block"/>'s paths into shared memory, between barriers (the first
        /// also waits until every thread has read the previous block's); returns whether the block stages anything.
        /// </summary>
        public bool WriteStaging(SourceWriter writer, IEnumerable<TensorProductPath> block, bool stagedBefore)
        {
            var staged = block.Where(p => Offsets.ContainsKey(p.Index)).ToList();
            if (staged.Count == 0)
            {
                return false;
            }

            writer.WriteComment($"stage the shared weights of path{(staged.Count == 1 ? string.Empty : "s")} {string.Join(", ", staged.Select(p => Int(p.Index)))}: every row of the group reads them");
            if (stagedBefore)
            {
                writer.WriteLine("global::ILGPU.Group.Barrier();");
            }

            foreach (TensorProductPath path in staged)
            {
                writer.OpenBlock($"for (int e = global::ILGPU.Group.IdxX; e < {Int(path.WeightCount)}; e += global::ILGPU.Group.DimX)");
                writer.WriteLine($"staged[{Int(Offsets[path.Index])} + e] = weights[{Int(path.WeightOffset)} + e];");
                writer.CloseBlock();
            }

            writer.WriteLine("global::ILGPU.Group.Barrier();");
            return true;
        }
    }
}
