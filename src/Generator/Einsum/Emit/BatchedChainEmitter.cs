using System.Collections.Generic;
using System.Linq;
using TensorGen.Model;
using TensorGen.Planning;

namespace TensorGen.Emit;

/// <summary>
/// The static form's batched-chain family (<see cref="KernelFamily.BatchedChain"/>): a batch of small contractions
/// that share the output's leading index, e.g. <c>ia,jb,kc,ld,nabcd->nijkl</c> over 10,000 tensors. Instead of one
/// pass over the whole batch per plan step, one pass in all: each block of <c>Vector&lt;T&gt;.Count</c> items is moved
/// into SIMD lanes (lane l holds item n + l), every step of the per-item plan runs unrolled on lane vectors — the
/// batch-free operands' elements broadcast across lanes — and the result's lanes go back to memory.
/// </summary>
internal static class BatchedChainEmitter
{
    private const string Runtime = "global::TensorGen.Runtime.";

    public static void WriteBody(SourceWriter writer, EinsumKernel kernel, LocalNames names)
    {
        KernelMethodShape method = kernel.Method;
        ContractionPlan plan = kernel.Plan;
        IReadOnlyDictionary<string, long> sizes = kernel.StaticSizes!;
        string batch = kernel.Kernels.BatchIndex!;
        string t = kernel.ElementType;
        string vector = $"global::System.Numerics.Vector<{t}>";
        int inputs = kernel.OperandCount;

        // Operand ids: inputs 0..N−1, intermediate of step k at N + k. Which hold the batch index, and each one's labels.
        var labels = new List<IReadOnlyList<string>>(kernel.Expression.Inputs.Select(term => (IReadOnlyList<string>)term.Labels));
        labels.AddRange(plan.Steps.Select(step => (IReadOnlyList<string>)step.ResultLabels));
        bool Batched(int id) => labels[id].Contains(batch);
        IReadOnlyList<string> PerItem(IReadOnlyList<string> terms) => terms.Where(l => l != batch).ToList();
        string ItemLength(int id) => CSharpLiteral.Int(PerItem(labels[id]).Aggregate(1L, (p, l) => p * sizes[l]));
        string Name(int id) => id < inputs ? method.Parameters[id].Name : names.Allocate("t" + CSharpLiteral.Int(id - inputs + 1));

        var span = new Dictionary<int, string>();
        writer.WriteLine();
        writer.WriteComment($"Batched chain over {batch} ({CSharpLiteral.Int(sizes[batch])} items): lane l of each vector holds item {batch} + l.");

        // Steps without the batch index run once, as scalars.
        for (int k = 0; k < plan.Steps.Count; k++)
        {
            ContractionStep step = plan.Steps[k];
            if (Batched(inputs + k))
            {
                continue;
            }

            span[inputs + k] = Name(inputs + k);
            writer.WriteComment($"Step {CSharpLiteral.Int(k + 1)}: {step.Contraction}, without {batch}: once.");
            writer.WriteLine($"global::System.Span<{t}> {span[inputs + k]} = stackalloc {t}[{CSharpLiteral.Int((long)step.ResultSize)}];");
            UnrolledStepWriter.Write(writer, step, sizes, Operand(step.Left), step.IsUnary ? null : Operand(step.Right), span[inputs + k], accumulate: false);
        }

        // Batched inputs, intermediates and the result: lane buffers, filled per block.
        var gathered = new List<int>();
        var lanes = new Dictionary<int, string>();
        foreach (ContractionStep step in plan.Steps.Where((_, k) => Batched(inputs + k)))
        {
            foreach (int id in step.IsUnary ? new[] { step.Left } : new[] { step.Left, step.Right })
            {
                if (lanes.ContainsKey(id) || !Batched(id))
                {
                    continue;
                }

                string display = id < inputs ? method.Parameters[id].DisplayName : "t" + CSharpLiteral.Int(id - inputs + 1);
                lanes[id] = names.Allocate(display + "Lanes");
                writer.WriteLine($"global::System.Span<{vector}> {lanes[id]} = stackalloc {vector}[{ItemLength(id)}];");
                if (id < inputs)
                {
                    gathered.Add(id);
                }
            }
        }

        int final = inputs + plan.Steps.Count - 1;
        lanes[final] = names.Allocate(kernel.Result.DisplayName + "Lanes");
        writer.WriteLine($"global::System.Span<{vector}> {lanes[final]} = stackalloc {vector}[{ItemLength(final)}];");
        for (int k = 0; k < plan.Steps.Count - 1; k++)
        {
            if (Batched(inputs + k) && !lanes.ContainsKey(inputs + k))
            {
                lanes[inputs + k] = names.Allocate("t" + CSharpLiteral.Int(k + 1) + "Lanes");
                writer.WriteLine($"global::System.Span<{vector}> {lanes[inputs + k]} = stackalloc {vector}[{ItemLength(inputs + k)}];");
            }
        }

        string item = names.Allocate(LocalNames.ForLabel(batch));
        writer.WriteLine();
        writer.OpenBlock($"for (int {item} = 0; {item} < {CSharpLiteral.Int(sizes[batch])}; {item} += {vector}.Count)");
        foreach (int id in gathered)
        {
            writer.WriteLine($"{Runtime}BatchLanes.Gather<{t}>({Operand(id)}, {ItemLength(id)}, {item}, {lanes[id]});");
        }

        // Each batched step is a static local function: a few hundred statements each, so the JIT tracks every temporary
        // in a register rather than on the stack (it tracks a bounded number of locals per method).
        var functions = new List<(int Step, string Name)>();
        for (int k = 0; k < plan.Steps.Count; k++)
        {
            ContractionStep step = plan.Steps[k];
            if (!Batched(inputs + k))
            {
                continue;
            }

            string function = names.Allocate("Step" + CSharpLiteral.Int(k + 1));
            functions.Add((k, function));
            string arguments = Argument(step.Left) + (step.IsUnary ? string.Empty : ", " + Argument(step.Right)) + ", " + lanes[inputs + k];
            writer.WriteLine($"{function}({arguments});");
        }

        writer.WriteLine();
        writer.WriteLine($"{Runtime}BatchLanes.Scatter<{t}>({lanes[final]}, {kernel.Result.Name}, {ItemLength(final)}, {item}, "
            + $"accumulate: {(kernel.Accumulate ? "true" : "false")});");
        writer.CloseBlock();

        foreach ((int k, string function) in functions)
        {
            WriteStepFunction(writer, kernel, plan.Steps[k], k, function, Batched, PerItem, vector);
        }

        string Operand(int id) => span.TryGetValue(id, out string? name) ? name : method.Parameters[id].Name;

        string Argument(int id) => Batched(id) ? lanes[id] : Operand(id);
    }

    /// <summary>
    /// <c>static void StepK(operands…, output)</c>: batched operands as lane vectors, batch-free ones as scalars broadcast
    /// across the lanes once per call, the step unrolled per item on constant-length spans.
    /// </summary>
    private static void WriteStepFunction(SourceWriter writer, EinsumKernel kernel, ContractionStep step, int k, string function,
        System.Func<int, bool> batched, System.Func<IReadOnlyList<string>, IReadOnlyList<string>> perItem, string vector)
    {
        IReadOnlyDictionary<string, long> sizes = kernel.StaticSizes!;
        string t = kernel.ElementType;
        var names = new LocalNames(System.Array.Empty<string>());
        long Length(IReadOnlyList<string> labels) => perItem(labels).Aggregate(1L, (p, l) => p * sizes[l]);

        var operands = new List<(int Id, IReadOnlyList<string> Labels, string Name)> { (step.Left, step.LeftLabels, names.Allocate("left")) };
        if (!step.IsUnary)
        {
            operands.Add((step.Right, step.RightLabels, names.Allocate("right")));
        }

        string output = names.Allocate("output");
        string Parameter((int Id, IReadOnlyList<string> Labels, string Name) operand) =>
            (batched(operand.Id) ? $"global::System.ReadOnlySpan<{vector}>" : $"global::System.ReadOnlySpan<{t}>") + " " + operand.Name;

        writer.WriteLine();
        writer.WriteComment($"Step {CSharpLiteral.Int(k + 1)} of {CSharpLiteral.Int(kernel.Plan.Steps.Count)}: {step.Contraction}, per item: "
            + $"{string.Concat(perItem(step.LeftLabels))}{(step.IsUnary ? string.Empty : "," + string.Concat(perItem(step.RightLabels)))}"
            + $"->{string.Concat(perItem(step.ResultLabels))}");
        writer.WriteLine("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");
        writer.OpenBlock($"static void {function}({string.Join(", ", operands.Select(Parameter))}, global::System.Span<{vector}> {output})");
        var elements = new Dictionary<int, System.Func<long, string>>();
        foreach (var operand in operands)
        {
            long length = Length(operand.Labels);
            writer.WriteLine($"{operand.Name} = {operand.Name}.Slice(0, {CSharpLiteral.Int(length)});");
            if (batched(operand.Id))
            {
                string name = operand.Name;
                elements[operand.Id] = e => name + "[" + CSharpLiteral.Int(e) + "]";
                continue;
            }

            var locals = new string[length];
            for (long e = 0; e < length; e++)
            {
                locals[e] = names.Allocate(operand.Name + CSharpLiteral.Int(e));
                writer.WriteLine($"var {locals[e]} = new {vector}({operand.Name}[{CSharpLiteral.Int(e)}]);");
            }

            elements[operand.Id] = e => locals[e];
        }

        writer.WriteLine($"{output} = {output}.Slice(0, {CSharpLiteral.Int(Length(step.ResultLabels))});");
        UnrolledStepWriter.Write(writer, perItem(step.LeftLabels), step.IsUnary ? new List<string>() : perItem(step.RightLabels),
            perItem(step.ResultLabels), sizes, elements[step.Left], step.IsUnary ? null : elements[step.Right],
            e => output + "[" + CSharpLiteral.Int(e) + "]", accumulate: false, multiplyAdd: "global::System.Numerics.Vector.MultiplyAddEstimate");
        writer.CloseBlock();
    }
}
