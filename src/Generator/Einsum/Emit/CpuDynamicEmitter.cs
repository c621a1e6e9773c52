using System.Collections.Generic;
using System.Linq;
using TensorGen.Model;
using TensorGen.Planning;

namespace TensorGen.Emit;

/// <summary>
/// The dynamic form: shapes and strides are known only at run time, so the kernel binds them to an
/// <c>EinsumProgram</c> (the expression parsed once, with the path planned here as the starting guess) and runs each
/// step with TensorGen.Runtime's strided contraction. By default the program plans every new shape for its real sizes
/// at run time (<c>WithReplanning</c>), so the steps are the binding's and run in a loop; with <c>PinOrder</c> or a
/// <c>Path</c> they are the compiled ones, written out. The binding is the calling thread's, reused from call to call.
/// </summary>
internal static class CpuDynamicEmitter
{
    private const string Runtime = "global::TensorGen.Runtime.";

    /// <summary>The most operands TensorGen.Runtime's run-time batched chain takes (its <c>OperandSpans</c>).</summary>
    private const int MaxBatchedChainOperands = 8;

    public static void WriteMembers(SourceWriter writer, EinsumKernel kernel)
    {
        KernelMethodShape method = kernel.Method;
        ContractionPlan plan = kernel.Plan;
        string t = kernel.ElementType;
        string pool = $"global::System.Buffers.ArrayPool<{t}>.Shared";

        string factory = plan.Path.HasUnarySteps ? "FromLinearPath" : "Create";
        ProgramHolder.Write(writer, kernel, Runtime + "EinsumProgram", new[]
        {
            $"{Runtime}EinsumProgram.{factory}(",
            CSharpLiteral.String(kernel.Expression.Text) + ",",
            PathLiteral(plan),
            "new[] { " + string.Join(", ", method.Parameters.Select(p => CSharpLiteral.String(p.DisplayName))) + " })"
                + (PlansPerShape(kernel) ? ".WithReplanning()" : string.Empty),
        });

        writer.OpenBlock(method.Signature);
        var names = new LocalNames(kernel.ReservedNames);
        string binding = names.Allocate("binding");
        var data = method.Parameters.Select(p => names.Allocate(p.DisplayName + "Data")).ToList();
        string[] intermediates = plan.Steps.Select((_, k) => names.Allocate("t" + CSharpLiteral.Int(k + 1))).ToArray();
        string[] lengths = intermediates.Select(name => names.Allocate(name + "Length")).ToArray();

        // Locals are declared with their types, not 'var': a type named 'var' in scope would otherwise be used.
        writer.WriteLine($"{Runtime}EinsumBinding {binding} = {ProgramHolder.Access(kernel)}.ThreadBinding();");
        for (int i = 0; i < kernel.OperandCount; i++)
        {
            ParameterModel p = method.Parameters[i];
            writer.WriteLine($"{binding}.Operand({CSharpLiteral.Int(i)}, {p.Name}.Lengths, {p.Name}.Strides);");
        }

        writer.WriteLine($"{binding}.Result({kernel.Result.Name}.Lengths, {kernel.Result.Name}.Strides);");
        writer.WriteLine();
        for (int i = 0; i < method.Parameters.Count; i++)
        {
            string span = i < kernel.OperandCount ? "ReadOnlySpan" : "Span";
            writer.WriteLine($"global::System.{span}<{t}> {data[i]} = {Runtime}TensorMemory.Of({method.Parameters[i].Name});");
        }

        string resultData = data[data.Count - 1];
        for (int i = 0; i < kernel.OperandCount; i++)
        {
            writer.WriteLine($"{Runtime}TensorMemory.ThrowIfOverlaps<{t}>({resultData}, {CSharpLiteral.String(kernel.Result.DisplayName)}, "
                + $"{data[i]}, {CSharpLiteral.String(method.Parameters[i].DisplayName)});");
        }

        if (kernel.Kernels.Fused == KernelFamily.FusedMttkrp)
        {
            writer.WriteLine();
            writer.WriteComment("Fused MTTKRP (see the header): no intermediates.");
            string operands = string.Join(", ", data.Take(kernel.OperandCount));
            writer.WriteLine($"{Runtime}FusedKernels.Mttkrp({binding}, {operands}, {resultData}, accumulate: {(kernel.Accumulate ? "true" : "false")});");
            writer.CloseBlock();
            return;
        }

        if (PlansPerShape(kernel))
        {
            WriteStepLoop(writer, kernel, names, binding, data);
            writer.CloseBlock();
            return;
        }

        int stepCount = plan.Steps.Count;
        bool hasIntermediates = stepCount > 1;
        writer.WriteLine();
        if (hasIntermediates)
        {
            for (int k = 0; k < stepCount - 1; k++)
            {
                writer.WriteLine($"{t}[]? {intermediates[k]} = null;");
            }

            writer.OpenBlock("try");
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
            writer.WriteComment($"Step {CSharpLiteral.Int(k + 1)} of {CSharpLiteral.Int(stepCount)}: {step.Contraction}  ({reads} -> {produces})");

            string output;
            if (step.IsFinal)
            {
                output = resultData;
            }
            else
            {
                writer.WriteLine($"int {lengths[k]} = {binding}.IntermediateLength({CSharpLiteral.Int(k)});");
                writer.WriteLine($"{intermediates[k]} = {pool}.Rent({lengths[k]});");
                output = $"new global::System.Span<{t}>({intermediates[k]}, 0, {lengths[k]})";
            }

            string Input(int id) => id < kernel.OperandCount
                ? data[id]
                : $"new global::System.ReadOnlySpan<{t}>({intermediates[id - kernel.OperandCount]}, 0, {lengths[id - kernel.OperandCount]})";

            string inputs = Input(step.Left) + (step.IsUnary ? string.Empty : ", " + Input(step.Right));
            string accumulate = step.IsFinal && kernel.Accumulate ? "true" : "false";
            writer.WriteLine($"{Runtime}StridedKernels.Contract({binding}.Step({CSharpLiteral.Int(k)}), {inputs}, {output}, accumulate: {accumulate});");

            if (!step.IsFinal)
            {
                // What this step has read is dead: give it back now (what the final step reads goes back in finally).
                foreach (int read in IntermediateLifetimes.ReadBy(plan, k))
                {
                    writer.WriteLine($"{pool}.Return({intermediates[read]});");
                    writer.WriteLine($"{intermediates[read]} = null;");
                }
            }
        }

        if (hasIntermediates)
        {
            writer.CloseBlock();
            writer.OpenBlock("finally");
            for (int k = 0; k < stepCount - 1; k++)
            {
                writer.OpenBlock($"if ({intermediates[k]} is not null)");
                writer.WriteLine($"{pool}.Return({intermediates[k]});");
                writer.CloseBlock();
            }

            writer.CloseBlock();
        }

        writer.CloseBlock();
    }

    /// <summary>
    /// Whether the program plans each new shape at run time: the default, unless the declaration pins the order
    /// (<c>PinOrder</c>, or its own <c>Path</c>) or also has GPU kernels, which run the compiled steps from the same program.
    /// </summary>
    internal static bool PlansPerShape(EinsumKernel kernel) => kernel.Planning.PlansPerShape && !kernel.EmitsGpu;

    /// <summary>
    /// Planned per shape: the steps are the binding's — the compiled order, or one planned for the call's sizes when it is
    /// cheaper — so they run in a loop that reads each step's operands from the binding. All intermediates share one
    /// buffer rented per call (none is rented for a one-step plan), so a call allocates nothing.
    /// </summary>
    private static void WriteStepLoop(SourceWriter writer, EinsumKernel kernel, LocalNames names, string binding, List<string> data)
    {
        string t = kernel.ElementType;
        string pool = $"global::System.Buffers.ArrayPool<{t}>.Shared";
        string stepCount = names.Allocate("stepCount");
        string scratch = names.Allocate("scratch");
        string k = names.Allocate("k");
        string step = names.Allocate("step");
        string output = names.Allocate("output");
        string left = names.Allocate("left");
        string right = names.Allocate("right");
        string accumulate = kernel.Accumulate ? $"{k} == {stepCount} - 1" : "false";

        string OperandSwitch(string operand)
        {
            var arms = Enumerable.Range(0, kernel.OperandCount).Select(i => $"{CSharpLiteral.Int(i)} => {data[i]},").ToList();
            arms.Add($"_ => {binding}.Intermediate({scratch}!, {operand}),");
            return string.Join("\n", arms);
        }

        // The batched chain's lanes are Vector<T>: float and double only, not Complex.
        if (kernel.OperandCount <= MaxBatchedChainOperands && kernel.ElementType is "float" or "double")
        {
            string operands = string.Join(", ", data.Take(kernel.OperandCount));
            writer.WriteLine();
            writer.OpenBlock($"if ({binding}.RunsBatchedChain)");
            writer.WriteComment("At these sizes, many small contractions over the output's leading index: one pass, SIMD lanes across items.");
            writer.WriteLine($"{Runtime}BatchedChainKernel.Run<{t}>({binding}, new {Runtime}OperandSpans<{t}>({CSharpLiteral.Int(kernel.OperandCount)}, {operands}), "
                + $"{data[data.Count - 1]}, accumulate: {(kernel.Accumulate ? "true" : "false")});");
            writer.WriteLine("return;");
            writer.CloseBlock();
        }

        writer.WriteLine();
        writer.WriteComment("The binding's steps (planned for these sizes unless the compiled order costs no more), in turn.");
        writer.WriteLine($"int {stepCount} = {binding}.StepCount;");
        writer.WriteLine($"{t}[]? {scratch} = {stepCount} > 1 ? {pool}.Rent({binding}.ScratchLength) : null;");
        writer.OpenBlock("try");
        writer.OpenBlock($"for (int {k} = 0; {k} < {stepCount}; {k}++)");
        writer.WriteLine($"{Runtime}StepLayout {step} = {binding}.Step({k});");
        writer.WriteLine($"global::System.Span<{t}> {output} = {k} < {stepCount} - 1 ? {binding}.Intermediate({scratch}!, {CSharpLiteral.Int(kernel.OperandCount)} + {k}) : {data[data.Count - 1]};");
        WriteSwitch(writer, $"global::System.ReadOnlySpan<{t}> {left} = {step}.LeftOperand switch", OperandSwitch($"{step}.LeftOperand"));
        writer.OpenBlock($"if ({step}.IsUnary)");
        writer.WriteLine($"{Runtime}StridedKernels.Contract({step}, {left}, {output}, accumulate: {accumulate});");
        writer.CloseBlock();
        writer.OpenBlock("else");
        WriteSwitch(writer, $"global::System.ReadOnlySpan<{t}> {right} = {step}.RightOperand switch", OperandSwitch($"{step}.RightOperand"));
        writer.WriteLine($"{Runtime}StridedKernels.Contract({step}, {left}, {right}, {output}, accumulate: {accumulate});");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        writer.OpenBlock("finally");
        writer.OpenBlock($"if ({scratch} is not null)");
        writer.WriteLine($"{pool}.Return({scratch});");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>A switch expression assigned to a local, one arm per line.</summary>
    private static void WriteSwitch(SourceWriter writer, string head, string arms)
    {
        writer.WriteLine(head);
        writer.WriteLine("{");
        foreach (string arm in arms.Split('\n'))
        {
            writer.WriteLine("    " + arm);
        }

        writer.WriteLine("};");
    }

    /// <summary>
    /// opt_einsum's linear path flattened, e.g. <c>new[] { 0, 1, 0, 1 }, // path [(0, 1), (0, 1)]</c>; a path with unary
    /// steps (for <c>EinsumProgram.FromLinearPath</c>) as one array per step, e.g.
    /// <c>new[] { new[] { 1 }, new[] { 0, 1 } }, // path [(1,), (0, 1)]</c>.
    /// </summary>
    internal static string PathLiteral(ContractionPlan plan)
    {
        if (plan.Path.Steps.Count == 0)
        {
            return "global::System.Array.Empty<int>(), // one operand: no pairwise step";
        }

        if (plan.Path.HasUnarySteps)
        {
            IEnumerable<string> steps = plan.Path.Steps.Select(s => "new[] { " + string.Join(", ", s.Positions.Select(i => CSharpLiteral.Int(i))) + " }");
            return "new[] { " + string.Join(", ", steps) + " }, // path " + plan.Path;
        }

        IEnumerable<int> flat = plan.Path.Steps.SelectMany(s => new[] { s.First, s.Second });
        return "new[] { " + string.Join(", ", flat.Select(i => CSharpLiteral.Int(i))) + " }, // path " + plan.Path;
    }
}
