using System.Collections.Generic;
using System.Linq;
using TensorGen.Model;
using TensorGen.Planning;

namespace TensorGen.Emit.Gpu;

/// <summary>
/// The per-item kernel of a batch of small contractions (e.g. <c>ia,jb,kc,ld,nabcd->nijkl</c> over 10,000 tensors): one
/// thread per batch item runs every step with the batch index unrolled, as the CPU's batched chain does per SIMD lane —
/// each result element one statement with constant offsets, intermediates in registers (locals), batch-free operands read
/// at constant offsets (the same address in every thread: one broadcast load per warp).
/// </summary>
internal static class GpuItemsWriter
{
    public static void Write(SourceWriter writer, EinsumKernel kernel, string batch, string name, IReadOnlyList<(int Id, string Name)> items)
    {
        KernelMethodShape method = kernel.Method;
        ContractionPlan plan = kernel.Plan;
        IReadOnlyDictionary<string, long> sizes = kernel.StaticSizes!;
        string t = kernel.ElementType;
        int inputs = kernel.OperandCount;
        var names = new LocalNames(items.Select(item => item.Name).Append(kernel.Result.Name));
        string index = names.Allocate("index");
        string item = names.Allocate("item");

        var labels = new List<IReadOnlyList<string>>(kernel.Expression.Inputs.Select(term => (IReadOnlyList<string>)term.Labels));
        labels.AddRange(plan.Steps.Select(step => (IReadOnlyList<string>)step.ResultLabels));
        bool Batched(int id) => labels[id].Contains(batch);
        IReadOnlyList<string> PerItem(IReadOnlyList<string> terms) => terms.Where(l => l != batch).ToList();
        long ItemLength(int id) => PerItem(labels[id]).Aggregate(1L, (p, l) => p * sizes[l]);

        writer.WriteComment($"Every step with {batch}, for one item: each result element one statement, intermediates in registers.");
        string parameters = string.Join(", ", items.Select(i => $"{GpuNames.View(t)} {i.Name}").Append($"{GpuNames.View(t)} {kernel.Result.Name}"));
        writer.OpenBlock($"private static void {name}({GpuNames.Ilgpu}Index1D {index}, {parameters})");
        writer.WriteLine($"int {item} = {index}.X;");

        // Batched inputs and the result: the item's elements start at item × (elements per item), the batch index being first.
        var elements = new Dictionary<int, System.Func<long, string>>();
        foreach ((int id, string view) in items)
        {
            if (id < inputs && Batched(id))
            {
                string start = names.Allocate(method.Parameters[id].DisplayName + "Start");
                writer.WriteLine($"int {start} = {item} * {CSharpLiteral.Int(ItemLength(id))};");
                elements[id] = e => $"{view}[{start}{Plus(e)}]";
            }
            else
            {
                elements[id] = e => $"{view}[{CSharpLiteral.Int(e)}]";
            }
        }

        int final = inputs + plan.Steps.Count - 1;
        string resultStart = names.Allocate(kernel.Result.DisplayName + "Start");
        writer.WriteLine($"int {resultStart} = {item} * {CSharpLiteral.Int(ItemLength(final))};");

        for (int k = 0; k < plan.Steps.Count; k++)
        {
            ContractionStep step = plan.Steps[k];
            if (!Batched(inputs + k))
            {
                continue;
            }

            System.Func<long, string> output;
            if (step.IsFinal)
            {
                output = e => $"{kernel.Result.Name}[{resultStart}{Plus(e)}]";
            }
            else
            {
                string local = names.Allocate("t" + CSharpLiteral.Int(k + 1));
                elements[inputs + k] = e => $"{local}_{CSharpLiteral.Int(e)}";
                output = e => $"{t} {local}_{CSharpLiteral.Int(e)}";
            }

            writer.WriteLine();
            writer.WriteComment($"Step {CSharpLiteral.Int(k + 1)} of {CSharpLiteral.Int(plan.Steps.Count)}: {step.Contraction}, per item: "
                + $"{string.Concat(PerItem(step.LeftLabels))}{(step.IsUnary ? string.Empty : "," + string.Concat(PerItem(step.RightLabels)))}"
                + $"->{string.Concat(PerItem(step.ResultLabels))}");
            UnrolledStepWriter.Write(writer, PerItem(step.LeftLabels), step.IsUnary ? new List<string>() : PerItem(step.RightLabels),
                PerItem(step.ResultLabels), sizes, elements[step.Left], step.IsUnary ? null : elements[step.Right], output,
                accumulate: step.IsFinal && kernel.Accumulate, multiplyAdd: null);
        }

        writer.CloseBlock();
    }

    private static string Plus(long e) => e == 0 ? string.Empty : " + " + CSharpLiteral.Int(e);
}
