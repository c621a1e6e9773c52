using System.Collections.Generic;
using System.Linq;
using TensorGen.Model;
using TensorGen.Planning;

namespace TensorGen.Emit;

/// <summary>
/// The static form: every size is a constant, operands are dense row-major spans, so each plan step becomes
/// a loop nest with constant bounds and constant strides — result indices outer, summed indices inner with a
/// local accumulator. A repeated index in a term (a diagonal or trace) walks the sum of its strides. Indices
/// of size 1 get no loop; an index of size 0 leaves every sum empty, so then the kernel only clears the result. Float sums
/// are taken in double. Small intermediates live on the stack, larger ones in the array pool. A sliced plan
/// (MemoryLimit) runs all steps inside loops over the sliced indices, its intermediates allocated once and
/// lacking those indices; the slices add up in the result (or each writes its part, for an output index).
/// </summary>
internal static class CpuStaticEmitter
{
    /// <summary>At most this many intermediate elements, all steps together, are stack-allocated.</summary>
    public const long StackBudget = 1024;

    private const string Runtime = "global::TensorGen.Runtime.";

    public static void WriteMethod(SourceWriter writer, EinsumKernel kernel)
    {
        KernelMethodShape method = kernel.Method;
        ContractionPlan plan = kernel.Plan;
        IReadOnlyDictionary<string, long> sizes = kernel.StaticSizes!;
        string t = kernel.ElementType;

        KernelChoice kernels = kernel.Kernels;
        if (kernels.Fused == KernelFamily.FusedMttkrp)
        {
            StepLayoutConstants.WriteMttkrpField(writer, kernel);
        }
        else if (kernels.UsesRuntimeLayouts)
        {
            StepLayoutConstants.WriteField(writer, kernel);
        }

        bool unrolled = kernels.Steps.Contains(KernelFamily.Unrolled);
        if (unrolled || kernels.Fused == KernelFamily.BatchedChain)
        {
            writer.WriteComment("Straight-line code: compiled fully optimized on the first call rather than after tier-0 calls.");
            writer.WriteLine("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");
        }

        writer.OpenBlock(method.Signature);
        var names = new LocalNames(kernel.ReservedNames);

        StaticFormChecks.Write(writer, kernel,
            (p, count, shape) => $"{Runtime}ShapeChecks.ThrowIfLengthMismatch({p.Name}, {count}, {CSharpLiteral.String(p.DisplayName)}, {shape});",
            (result, p) => $"{Runtime}TensorMemory.ThrowIfOverlaps<{t}>({result.Name}, {CSharpLiteral.String(result.DisplayName)}, "
                + $"{p.Name}, {CSharpLiteral.String(p.DisplayName)});");
        if (StaticFormChecks.WriteEmptyLoopSpace(writer, kernel, $"{kernel.Result.Name}.Clear();"))
        {
            return;
        }

        if (unrolled)
        {
            writer.WriteLine();
            writer.WriteComment("Spans of constant length: the JIT drops the bounds check of every constant offset below.");
            var terms = kernel.Expression.Inputs.Append(kernel.Expression.Output).ToList();
            for (int i = 0; i < method.Parameters.Count; i++)
            {
                long count = terms[i].Labels.Aggregate(1L, (product, label) => product * sizes[label]);
                writer.WriteLine($"{method.Parameters[i].Name} = {method.Parameters[i].Name}.Slice(0, {CSharpLiteral.Int(count)});");
            }
        }

        if (kernels.Fused == KernelFamily.FusedMttkrp)
        {
            writer.WriteLine();
            writer.WriteComment("Fused MTTKRP over the layout above (see the header).");
            string operands = string.Join(", ", method.Parameters.Take(kernel.OperandCount).Select(p => p.Name));
            writer.WriteLine($"{Runtime}FusedKernels.Mttkrp<{t}>({kernel.ProgramFieldName}, {operands}, {kernel.Result.Name}, "
                + $"accumulate: {(kernel.Accumulate ? "true" : "false")});");
            writer.CloseBlock();
            return;
        }

        if (kernels.Fused == KernelFamily.BatchedChain)
        {
            BatchedChainEmitter.WriteBody(writer, kernel, names);
            writer.CloseBlock();
            return;
        }

        // Names: intermediates t1, t2, ... as in the plan table; one loop variable per index; the accumulator.
        int stepCount = plan.Steps.Count;
        string[] intermediates = Enumerable.Range(1, stepCount).Select(k => names.Allocate("t" + CSharpLiteral.Int(k))).ToArray();
        bool[] onStack = new bool[stepCount];
        long stackUsed = 0;
        for (int k = 0; k < stepCount - 1; k++)
        {
            long length = (long)plan.Steps[k].ResultSize;
            onStack[k] = stackUsed + length <= StackBudget;
            stackUsed += onStack[k] ? length : 0;
        }

        string[] arrays = intermediates.Select((name, k) => k < stepCount - 1 && !onStack[k] ? names.Allocate(name + "Array") : string.Empty).ToArray();
        var loopVariables = new Dictionary<string, string>();
        foreach (string label in kernel.Expression.DistinctLabels)
        {
            loopVariables[label] = names.Allocate(LocalNames.ForLabel(label));
        }

        string sum = names.Allocate("sum");
        var pooled = Enumerable.Range(0, stepCount - 1).Where(k => !onStack[k]).ToList();
        var sliced = new HashSet<string>(plan.SlicedLabels);
        bool isSliced = sliced.Count > 0;
        // Slicing a summed index splits the sum: every slice adds its part to the result.
        bool slicesAdd = plan.SlicedLabels.Any(l => !kernel.Expression.Output.Labels.Contains(l));

        writer.WriteLine();
        if (pooled.Count > 0)
        {
            foreach (int k in pooled)
            {
                writer.WriteLine($"{t}[]? {arrays[k]} = null;");
            }

            writer.OpenBlock("try");
        }

        if (isSliced)
        {
            // Allocated once, reused by every slice.
            for (int k = 0; k < stepCount - 1; k++)
            {
                WriteAllocation(writer, t, intermediates[k], arrays[k], onStack[k], (long)plan.Steps[k].ResultSize);
            }

            if (slicesAdd && !kernel.Accumulate)
            {
                writer.WriteLine($"{kernel.Result.Name}.Clear();");
            }

            writer.WriteComment($"Sliced to MemoryLimit: every step runs once per value of {string.Join(", ", plan.SlicedLabels)}.");
            foreach (string label in plan.SlicedLabels)
            {
                OpenLoop(writer, loopVariables[label], sizes[label]);
            }
        }

        for (int k = 0; k < stepCount; k++)
        {
            ContractionStep step = plan.Steps[k];
            if (k > 0)
            {
                writer.WriteLine();
            }

            string produces = step.IsFinal ? kernel.Result.DisplayName : intermediates[k];
            string reads = kernel.Describe(step.Left) + (step.IsUnary ? string.Empty : ", " + kernel.Describe(step.Right));
            KernelFamily family = kernels.Steps[k];
            writer.WriteComment($"Step {CSharpLiteral.Int(k + 1)} of {CSharpLiteral.Int(stepCount)}: {step.Contraction}  "
                + $"({reads} -> {produces}, {PathInfo.Number(step.Flops)} FLOPs, {ShortName(family)})");

            string output = step.IsFinal ? kernel.Result.Name : intermediates[k];
            if (!step.IsFinal && !isSliced)
            {
                WriteAllocation(writer, t, output, arrays[k], onStack[k], (long)step.ResultSize);
            }

            string SpanOf(int id) => id < kernel.OperandCount ? method.Parameters[id].Name : intermediates[id - kernel.OperandCount];
            bool accumulate = step.IsFinal && (kernel.Accumulate || slicesAdd);
            switch (family)
            {
                case KernelFamily.Unrolled:
                    UnrolledStepWriter.Write(writer, step, sizes, SpanOf(step.Left), step.IsUnary ? null : SpanOf(step.Right), output, accumulate);
                    break;
                case KernelFamily.GemmEngine:
                    writer.WriteLine($"{Runtime}StridedKernels.Contract<{t}>({kernel.ProgramFieldName}[{CSharpLiteral.Int(k)}], "
                        + $"{SpanOf(step.Left)}, {SpanOf(step.Right)}, {output}, accumulate: {(accumulate ? "true" : "false")});");
                    break;
                default:
                    WriteLoopNest(writer, kernel, step, loopVariables, sum, output, accumulate, sliced, SpanOf);
                    break;
            }

            if (!step.IsFinal && !isSliced)
            {
                // What this step has read is dead: give pooled memory back now (what the final step reads goes back in finally).
                foreach (int read in IntermediateLifetimes.ReadBy(plan, k).Where(r => !onStack[r]))
                {
                    writer.WriteLine($"global::System.Buffers.ArrayPool<{t}>.Shared.Return({arrays[read]});");
                    writer.WriteLine($"{arrays[read]} = null;");
                }
            }
        }

        foreach (string _ in plan.SlicedLabels)
        {
            writer.CloseBlock();
        }

        if (pooled.Count > 0)
        {
            writer.CloseBlock();
            writer.OpenBlock("finally");
            foreach (int k in pooled)
            {
                writer.OpenBlock($"if ({arrays[k]} is not null)");
                writer.WriteLine($"global::System.Buffers.ArrayPool<{t}>.Shared.Return({arrays[k]});");
                writer.CloseBlock();
            }

            writer.CloseBlock();
        }

        writer.CloseBlock();
    }

    private static string ShortName(KernelFamily family) => family switch
    {
        KernelFamily.Unrolled => "unrolled",
        KernelFamily.GemmEngine => "GEMM engine",
        _ => "loop nest",
    };

    /// <summary>An intermediate's memory: on the stack when small, else rented from the array pool.</summary>
    private static void WriteAllocation(SourceWriter writer, string t, string name, string array, bool onStack, long length)
    {
        string count = CSharpLiteral.Int(length);
        if (onStack)
        {
            writer.WriteLine($"global::System.Span<{t}> {name} = stackalloc {t}[{count}];");
        }
        else
        {
            writer.WriteLine($"{array} = global::System.Buffers.ArrayPool<{t}>.Shared.Rent({count});");
            writer.WriteLine($"global::System.Span<{t}> {name} = new({array}, 0, {count});");
        }
    }

    /// <summary>One step's loops; a sliced index has no loop here (the slice loop outside fixes it).</summary>
    private static void WriteLoopNest(SourceWriter writer, EinsumKernel kernel, ContractionStep step,
        IReadOnlyDictionary<string, string> loopVariables, string sum, string output, bool accumulate, HashSet<string> sliced,
        System.Func<int, string> spanOf)
    {
        IReadOnlyDictionary<string, long> sizes = kernel.StaticSizes!;
        string t = kernel.ElementType;
        var involved = step.LeftLabels.Concat(step.RightLabels).Distinct().ToList();
        var outer = step.ResultLabels.Where(l => sizes[l] != 1 && !sliced.Contains(l)).ToList();
        var inner = involved.Where(l => !step.ResultLabels.Contains(l) && sizes[l] != 1 && !sliced.Contains(l)).ToList();

        string Element(string span, IReadOnlyList<string> labels) => $"{span}[{Offset(labels, sizes, loopVariables)}]";

        string product = Element(spanOf(step.Left), step.LeftLabels)
            + (step.IsUnary ? string.Empty : " * " + Element(spanOf(step.Right), step.RightLabels));
        string target = Element(output, step.ResultLabels);
        string assign = accumulate ? "+=" : "=";

        // A summing step without an outer loop would declare the accumulator at method scope, where it collides
        // (CS0136) with the accumulators other steps declare inside their loops: give it a block of its own.
        bool ownScope = outer.Count == 0 && inner.Count > 0 && kernel.Plan.Steps.Count > 1;
        if (ownScope)
        {
            writer.OpenBlock();
        }
        // A float sum is taken in double and rounded once (as the runtime's loop nest does): the product of two floats is
        // exact in double, so the error stays within u_f·(|s| + Σ|terms|) for any length below 2^29 instead of growing with it.
        bool widen = t == "float";
        string accumulator = widen ? "double" : t;
        string summand = widen && !step.IsUnary ? "(double)" + product : product;
        string total = widen ? "(float)" + sum : sum;

        foreach (string label in outer)
        {
            OpenLoop(writer, loopVariables[label], sizes[label]);
        }

        if (inner.Count == 0)
        {
            writer.WriteLine($"{target} {assign} {product};");
        }
        else
        {
            if (outer.Count == 0)
            {
                // Outside any loop the accumulator gets a block of its own: another step's may not shadow it (CS0136).
                writer.OpenBlock();
            }

            writer.WriteLine($"{accumulator} {sum} = 0;");
            foreach (string label in inner)
            {
                OpenLoop(writer, loopVariables[label], sizes[label]);
            }

            writer.WriteLine($"{sum} += {summand};");
            foreach (string _ in inner)
            {
                writer.CloseBlock();
            }

            writer.WriteLine($"{target} {assign} {total};");
            if (outer.Count == 0)
            {
                writer.CloseBlock();
            }
        }

        foreach (string _ in outer)
        {
            writer.CloseBlock();
        }

        if (ownScope)
        {
            writer.CloseBlock();
        }
    }

    private static void OpenLoop(SourceWriter writer, string variable, long size) =>
        writer.OpenBlock($"for (int {variable} = 0; {variable} < {CSharpLiteral.Int(size)}; {variable}++)");

    /// <summary>
    /// The row-major offset of an element of a dense term, e.g. <c>i * 9 + j * 3 + k</c>. A label written twice
    /// (a diagonal) gets the sum of its strides; a label of size 1 is always at 0 and drops out.
    /// </summary>
    internal static string Offset(IReadOnlyList<string> labels, IReadOnlyDictionary<string, long> sizes, IReadOnlyDictionary<string, string> variables)
    {
        var strides = new List<(string Label, long Stride)>();
        long stride = 1;
        for (int p = labels.Count - 1; p >= 0; p--)
        {
            int existing = strides.FindIndex(s => s.Label == labels[p]);
            if (existing >= 0)
            {
                strides[existing] = (labels[p], strides[existing].Stride + stride);
            }
            else
            {
                strides.Add((labels[p], stride));
            }

            stride *= sizes[labels[p]];
        }

        // In the order the labels are written, as a reader would write the offset.
        var terms = strides.OrderBy(s => IndexOf(labels, s.Label))
            .Where(s => sizes[s.Label] != 1 && s.Stride != 0)
            .Select(s => s.Stride == 1 ? variables[s.Label] : variables[s.Label] + " * " + CSharpLiteral.Int(s.Stride))
            .ToList();
        return terms.Count == 0 ? "0" : string.Join(" + ", terms);
    }

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (int i = 0; i < labels.Count; i++)
        {
            if (labels[i] == label)
            {
                return i;
            }
        }

        return -1;
    }
}
