using System.Collections.Generic;
using System.Linq;
using TensorGen.Model;
using TensorGen.Planning;

namespace TensorGen.Emit.Gpu;

/// <summary>
/// The static form on the GPU (<c>Backend.Gpu</c>): ILGPU kernels with every size and stride a constant, and the
/// <c>FGpu</c> entry points (docs/gpu.md). The device entry point checks the views' lengths, rents the intermediates from
/// the context's pool and enqueues one kernel per step — <see cref="GpuFamily.Threads"/> or <see cref="GpuFamily.TiledGemm"/>
/// (<see cref="GpuKernelChoice"/>) — or, for a batch of small contractions, one thread per item running the per-item plan
/// unrolled. The host entry point copies spans in and out around it. Kernel code is scalar: ILGPU compiles no
/// System.Numerics vectors, classes, exceptions or recursion.
/// </summary>
internal static class GpuStaticEmitter
{
    private const string Ilgpu = GpuNames.Ilgpu;
    private const string RuntimeGpu = GpuNames.RuntimeGpu;

    public static void WriteMembers(SourceWriter writer, EinsumKernel kernel)
    {
        string entry = GpuNames.EntryPoint(kernel.Method);
        writer.WriteLine();
        WriteHostEntryPoint(writer, kernel, entry, HostParameters(kernel));
        writer.WriteLine();
        WriteDeviceEntryPoint(writer, kernel, entry);
    }

    /// <summary>The declared parameters, for the host entry point (the static form's spans).</summary>
    private static IEnumerable<string> HostParameters(EinsumKernel kernel) => kernel.Method.Parameters.Select(p => p.Declaration);

    /// <summary>
    /// <c>FGpu(GpuContext gpu, declared parameters…)</c>: uploads the inputs (and the result when accumulating), calls the
    /// device entry point, downloads the result. Shared by both forms (the dynamic form's memory is each tensor span's elements).
    /// </summary>
    internal static void WriteHostEntryPoint(SourceWriter writer, EinsumKernel kernel, string entry, IEnumerable<string> parameters)
    {
        KernelMethodShape method = kernel.Method;
        string t = kernel.ElementType;
        var names = new LocalNames(kernel.ReservedNames);
        string gpu = names.Allocate("gpu");
        var devices = method.Parameters.Select(p => names.Allocate(p.DisplayName + "Device")).ToList();
        bool dynamic = !kernel.IsStatic;

        writer.WriteLine($"/// <summary>Runs {method.Name.TrimStart('@')} on the GPU: copies the operands to the device, runs the kernels, copies the result back.</summary>");
        writer.OpenBlock($"{GpuNames.Modifiers(method)} void {entry}({RuntimeGpu}GpuContext {gpu}, {string.Join(", ", parameters)})");
        writer.WriteLine($"global::System.ArgumentNullException.ThrowIfNull({gpu});");
        for (int i = 0; i < method.Parameters.Count; i++)
        {
            ParameterModel p = method.Parameters[i];
            bool isResult = i == method.Parameters.Count - 1;
            string memory = dynamic ? $"global::TensorGen.Runtime.TensorMemory.Of({p.Name})" : p.Name;
            string source = !isResult
                ? $"{gpu}.Upload<{t}>({memory})"
                : dynamic || kernel.Accumulate
                    ? $"{gpu}.Upload<{t}>({memory})" // the elements a strided result skips (and Accumulate's values) are kept
                    : $"{gpu}.Rent<{t}>({p.Name}.Length)";
            writer.WriteLine($"using {GpuNames.Buffer(t)} {devices[i]} = {source};");
        }

        string Argument(int i) => dynamic
            ? $"new {RuntimeGpu}GpuTensor<{t}>({devices[i]}.View, {method.Parameters[i].Name}.Lengths.ToArray(), {method.Parameters[i].Name}.Strides.ToArray())"
            : devices[i] + ".View";
        writer.WriteLine($"{entry}({gpu}, {string.Join(", ", Enumerable.Range(0, devices.Count).Select(Argument))});");
        string result = dynamic ? $"global::TensorGen.Runtime.TensorMemory.Of({kernel.Result.Name})" : kernel.Result.Name;
        writer.WriteLine($"{gpu}.Download<{t}>({devices[devices.Count - 1]}.View, {result});");
        writer.CloseBlock();
    }

    private static void WriteDeviceEntryPoint(SourceWriter writer, EinsumKernel kernel, string entry)
    {
        KernelMethodShape method = kernel.Method;
        ContractionPlan plan = kernel.Plan;
        IReadOnlyDictionary<string, long> sizes = kernel.StaticSizes!;
        string t = kernel.ElementType;
        var names = new LocalNames(kernel.ReservedNames);
        string gpu = names.Allocate("gpu");
        string accelerator = names.Allocate("accelerator");

        writer.WriteLine($"/// <summary>Enqueues {method.Name.TrimStart('@')} on the device's stream over dense row-major device memory; returns without waiting.</summary>");
        string parameters = string.Join(", ", method.Parameters.Select(p => $"{GpuNames.View(t)} {p.Name}"));
        writer.OpenBlock($"{GpuNames.Modifiers(method)} void {entry}({RuntimeGpu}GpuContext {gpu}, {parameters})");
        writer.WriteLine($"global::System.ArgumentNullException.ThrowIfNull({gpu});");
        StaticFormChecks.Write(writer, kernel,
            (p, count, shape) => $"{RuntimeGpu}GpuChecks.ThrowIfLengthMismatch<{t}>({p.Name}, {count}, {CSharpLiteral.String(p.DisplayName)}, {shape});",
            (result, p) => $"{RuntimeGpu}GpuChecks.ThrowIfOverlaps<{t}>({result.Name}, {CSharpLiteral.String(result.DisplayName)}, "
                + $"{p.Name}, {CSharpLiteral.String(p.DisplayName)});");
        if (StaticFormChecks.WriteEmptyLoopSpace(writer, kernel, $"{gpu}.Clear<{t}>({kernel.Result.Name});"))
        {
            return;
        }

        GpuKernelChoice choice = kernel.GpuKernels;
        string? batch = choice.BatchIndex;
        bool Batched(int k) => batch is not null && plan.Steps[k].ResultLabels.Contains(batch);

        // Intermediates (the batched ones of a per-item kernel live in its registers instead).
        var intermediates = new string?[plan.Steps.Count];
        for (int k = 0; k < plan.Steps.Count - 1; k++)
        {
            if (!Batched(k))
            {
                if (intermediates.All(i => i is null))
                {
                    writer.WriteLine();
                }

                intermediates[k] = names.Allocate("t" + CSharpLiteral.Int(k + 1));
                writer.WriteLine($"using {GpuNames.Buffer(t)} {intermediates[k]} = {gpu}.Rent<{t}>({CSharpLiteral.Int((long)plan.Steps[k].ResultSize)});");
            }
        }

        string View(int id) => id < kernel.OperandCount ? method.Parameters[id].Name : intermediates[id - kernel.OperandCount] + ".View";
        var kernelMethods = new List<System.Action>();
        string raw = method.Name.TrimStart('@');
        for (int k = 0; k < plan.Steps.Count; k++)
        {
            if (Batched(k))
            {
                continue;
            }

            int stepIndex = k; // captured by the kernel writers below
            ContractionStep step = plan.Steps[k];
            GpuStepChoice stepChoice = choice.Steps[k];
            string kernelName = raw + "GpuStep" + CSharpLiteral.Int(k + 1);
            string output = step.IsFinal ? kernel.Result.Name : View(kernel.OperandCount + k);
            string views = View(step.Left) + (step.IsUnary ? string.Empty : ", " + View(step.Right)) + ", " + output;
            string viewTypes = string.Join(", ", Enumerable.Repeat(GpuNames.View(t), step.IsUnary ? 2 : 3));
            bool accumulate = step.IsFinal && kernel.Accumulate;
            writer.WriteLine();
            writer.WriteComment($"Step {CSharpLiteral.Int(k + 1)} of {CSharpLiteral.Int(plan.Steps.Count)}: {step.Contraction}  "
                + $"({kernel.Describe(step.Left)}{(step.IsUnary ? string.Empty : ", " + kernel.Describe(step.Right))} -> "
                + $"{(step.IsFinal ? kernel.Result.DisplayName : "t" + CSharpLiteral.Int(k + 1))}, {PathInfo.Number(step.Flops)} FLOPs)");
            if (stepChoice.Family == GpuFamily.TiledGemm)
            {
                GemmGroups gemm = stepChoice.Gemm!;
                GpuTile tile = stepChoice.Tile!;
                long rows = GemmGroups.Extent(gemm.Rows, sizes);
                long columns = GemmGroups.Extent(gemm.Columns, sizes);
                long batchCount = GemmGroups.Extent(gemm.Batch, sizes);
                long z = stepChoice.DepthSplits > 1 ? stepChoice.DepthSplits : batchCount;
                string grid = $"new {Ilgpu}Index3D({CSharpLiteral.Int(Ceiling(columns, tile.Columns))}, {CSharpLiteral.Int(Ceiling(rows, tile.Rows))}, {CSharpLiteral.Int(z)})";
                if (stepChoice.DepthSplits > 1 && !accumulate)
                {
                    // The depth chunks add their sums into the output.
                    writer.WriteLine($"{gpu}.Clear<{t}>({output});");
                }

                string group = $"new {Ilgpu}Index3D({CSharpLiteral.Int(tile.Threads)}, 1, 1)";
                writer.WriteLine($"{gpu}.Kernel(static {accelerator} => {Ilgpu}Runtime.KernelLoaders.LoadKernel<{viewTypes}>({accelerator}, {kernelName}))(");
                writer.WriteLine($"    {gpu}.Stream, new {Ilgpu}KernelConfig({grid}, {group}), {views});");
                kernelMethods.Add(() => GpuTiledGemmWriter.Write(writer, kernel, step, stepIndex, kernelName, stepChoice, accumulate));
            }
            else
            {
                writer.WriteLine($"{gpu}.Kernel(static {accelerator} => {Ilgpu}Runtime.KernelLoaders.LoadAutoGroupedKernel<{Ilgpu}Index1D, {viewTypes}>({accelerator}, {kernelName}))(");
                writer.WriteLine($"    {gpu}.Stream, {CSharpLiteral.Int((long)step.ResultSize)}, {views});");
                kernelMethods.Add(() => WriteThreadsKernel(writer, kernel, step, stepIndex, kernelName, accumulate));
            }
        }

        if (batch is not null)
        {
            // The inputs and batch-free intermediates that batched steps read, and the result.
            var read = new HashSet<int>(plan.Steps.Where((_, k) => Batched(k)).SelectMany(s => s.IsUnary ? new[] { s.Left } : new[] { s.Left, s.Right }));
            var items = Enumerable.Range(0, kernel.OperandCount).Where(read.Contains).Select(i => (Id: i, Name: method.Parameters[i].Name)).ToList();
            items.AddRange(Enumerable.Range(0, plan.Steps.Count - 1).Where(k => !Batched(k) && read.Contains(kernel.OperandCount + k))
                .Select(k => (Id: kernel.OperandCount + k, Name: intermediates[k]!)));
            string kernelName = raw + "GpuItems";
            string viewTypes = string.Join(", ", Enumerable.Repeat(GpuNames.View(t), items.Count + 1));
            string views = string.Join(", ", items.Select(item => View(item.Id)).Append(kernel.Result.Name));
            writer.WriteLine();
            writer.WriteComment($"Steps with {batch}: one thread per item ({CSharpLiteral.Int(sizes[batch])}), the per-item plan unrolled.");
            writer.WriteLine($"{gpu}.Kernel(static {accelerator} => {Ilgpu}Runtime.KernelLoaders.LoadAutoGroupedKernel<{Ilgpu}Index1D, {viewTypes}>({accelerator}, {kernelName}))(");
            writer.WriteLine($"    {gpu}.Stream, {CSharpLiteral.Int(sizes[batch])}, {views});");
            kernelMethods.Add(() => GpuItemsWriter.Write(writer, kernel, batch, kernelName, items));
        }

        writer.CloseBlock();
        foreach (System.Action write in kernelMethods)
        {
            writer.WriteLine();
            write();
        }
    }

    /// <summary>
    /// One thread per output element: the element's indices from its position (constant divisors), then the step's sums as
    /// constant-bound loops over constant strides, accumulated in a register.
    /// </summary>
    private static void WriteThreadsKernel(SourceWriter writer, EinsumKernel kernel, ContractionStep step, int k, string name, bool accumulate)
    {
        IReadOnlyDictionary<string, long> sizes = kernel.StaticSizes!;
        string t = kernel.ElementType;
        var names = new LocalNames(new[] { "index", "left", "right", "output", "sum", "position" });
        var variables = step.LeftLabels.Concat(step.RightLabels).Distinct().ToDictionary(l => l, l => names.Allocate(LocalNames.ForLabel(l)));

        writer.WriteComment($"Step {CSharpLiteral.Int(k + 1)}: {step.Contraction}, one thread per element of the step's result.");
        string parameters = $"{Ilgpu}Index1D index, {GpuNames.View(t)} left, " + (step.IsUnary ? string.Empty : $"{GpuNames.View(t)} right, ") + $"{GpuNames.View(t)} output";
        writer.OpenBlock($"private static void {name}({parameters})");
        writer.WriteLine("int position = index.X;");
        var result = step.ResultLabels.Where(l => sizes[l] != 1).ToList();
        for (int p = 0; p < result.Count; p++)
        {
            long inner = result.Skip(p + 1).Aggregate(1L, (product, l) => product * sizes[l]);
            string value = inner == 1 ? "position" : $"position / {CSharpLiteral.Int(inner)}";
            if (p > 0)
            {
                value = inner == 1 ? $"position % {CSharpLiteral.Int(sizes[result[p]])}" : $"{value} % {CSharpLiteral.Int(sizes[result[p]])}";
            }

            writer.WriteLine($"int {variables[result[p]]} = {value};");
        }

        string product = $"left[{CpuStaticEmitter.Offset(step.LeftLabels, sizes, variables)}]"
            + (step.IsUnary ? string.Empty : $" * right[{CpuStaticEmitter.Offset(step.RightLabels, sizes, variables)}]");
        string assign = accumulate ? "+=" : "=";
        var summed = variables.Keys.Where(l => !step.ResultLabels.Contains(l) && sizes[l] != 1).ToList();
        if (summed.Count == 0)
        {
            writer.WriteLine($"output[position] {assign} {product};");
        }
        else
        {
            writer.WriteLine($"{t} sum = 0;");
            foreach (string label in summed)
            {
                writer.OpenBlock($"for (int {variables[label]} = 0; {variables[label]} < {CSharpLiteral.Int(sizes[label])}; {variables[label]}++)");
            }

            writer.WriteLine($"sum += {product};");
            foreach (string _ in summed)
            {
                writer.CloseBlock();
            }

            writer.WriteLine();
            writer.WriteLine($"output[position] {assign} sum;");
        }

        writer.CloseBlock();
    }

    internal static long Ceiling(long value, long divisor) => (value + divisor - 1) / divisor;
}
