using System.Collections.Generic;
using System.Linq;
using TensorGen.Model;
using TensorGen.Planning;

namespace TensorGen.Emit;

/// <summary>
/// The static form's batched-chain family (<see cref="KernelFamily.BatchedChain"/>): a batch of small contractions
/// that share the output's leading index, e.g. <c>ia,jb,kc,ld,nabcd->nijkl</c> over 10,000 tensors. Instead of one
/// pass over the whole batch per plan step, one pass in all: each block of <c>Vector&lt;T&gt;.Count</c> items is moved
/// into SIMD lanes (lane l holds item n + l), every step of the per-item plan runs unrolled on lane vectors as fused
/// multiply-adds — the batch-free operands' elements broadcast across lanes once, in locals — and the result's lanes
/// go back to memory.
/// </summary>
internal static class BatchedChainEmitter
{
    private const string Runtime = "global::TensorGen.Runtime.";

    public static void WriteBody(SourceWriter writer, EinsumKernel kernel, LocalNames names)
    {
        EinsumMethodModel method = kernel.Method;
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

        // Batch-free operands of batched steps: each element broadcast across the lanes once, into a local. Batched
        // inputs, intermediates and the result: lane buffers, filled per block.
        var gathered = new List<int>();
        var lanes = new Dictionary<int, string>();
        var broadcasts = new Dictionary<int, string[]>();
        foreach (ContractionStep step in plan.Steps.Where((_, k) => Batched(inputs + k)))
        {
            foreach (int id in step.IsUnary ? new[] { step.Left } : new[] { step.Left, step.Right })
            {
                string display = id < inputs ? method.Parameters[id].DisplayName : "t" + CSharpLiteral.Int(id - inputs + 1);
                if (lanes.ContainsKey(id) || broadcasts.ContainsKey(id))
                {
                    continue;
                }

                if (!Batched(id))
                {
                    long length = PerItem(labels[id]).Aggregate(1L, (p, l) => p * sizes[l]);
                    broadcasts[id] = new string[length];
                    for (long e = 0; e < length; e++)
                    {
                        broadcasts[id][e] = names.Allocate(display + "_" + CSharpLiteral.Int(e));
                        writer.WriteLine($"var {broadcasts[id][e]} = new {vector}({Operand(id)}[{CSharpLiteral.Int(e)}]);");
                    }

                    continue;
                }

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

        for (int k = 0; k < plan.Steps.Count; k++)
        {
            ContractionStep step = plan.Steps[k];
            if (!Batched(inputs + k))
            {
                continue;
            }

            writer.WriteLine();
            writer.WriteComment($"Step {CSharpLiteral.Int(k + 1)} of {CSharpLiteral.Int(plan.Steps.Count)}: {step.Contraction}, per item: "
                + $"{string.Concat(PerItem(step.LeftLabels))}{(step.IsUnary ? string.Empty : "," + string.Concat(PerItem(step.RightLabels)))}"
                + $"->{string.Concat(PerItem(step.ResultLabels))}");
            UnrolledStepWriter.Write(writer, PerItem(step.LeftLabels), step.IsUnary ? new List<string>() : PerItem(step.RightLabels),
                PerItem(step.ResultLabels), sizes, Element(step.Left), step.IsUnary ? null : Element(step.Right), Element(inputs + k),
                accumulate: false, multiplyAdd: "global::System.Numerics.Vector.MultiplyAddEstimate");
        }

        writer.WriteLine();
        writer.WriteLine($"{Runtime}BatchLanes.Scatter<{t}>({lanes[final]}, {kernel.Result.Name}, {ItemLength(final)}, {item}, "
            + $"accumulate: {(method.Accumulate ? "true" : "false")});");
        writer.CloseBlock();

        string Operand(int id) => span.TryGetValue(id, out string? name) ? name : method.Parameters[id].Name;

        // A batched operand's element is its lane vector; a batch-free one's, its broadcast local.
        System.Func<long, string> Element(int id) =>
            broadcasts.TryGetValue(id, out string[]? locals) ? e => locals[e] : e => lanes[id] + "[" + CSharpLiteral.Int(e) + "]";
    }
}
