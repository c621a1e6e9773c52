using System.Collections.Generic;
using System.Linq;
using TensorGen.Model;
using TensorGen.Planning;

namespace TensorGen.Emit;

/// <summary>
/// The dynamic form: shapes and strides are known only at run time, so the kernel binds them to an
/// <c>EinsumProgram</c> (the expression re-parsed and lowered along the path planned here) and runs each step
/// with TensorGen.Runtime's strided contraction. Intermediates come from the array pool and go back as soon
/// as the step that reads them is done.
/// </summary>
internal static class CpuDynamicEmitter
{
    private const string Runtime = "global::TensorGen.Runtime.";

    public static void WriteMembers(SourceWriter writer, EinsumKernel kernel)
    {
        EinsumMethodModel method = kernel.Method;
        ContractionPlan plan = kernel.Plan;
        string t = kernel.ElementType;
        string pool = $"global::System.Buffers.ArrayPool<{t}>.Shared";

        writer.WriteLine($"private static readonly {Runtime}EinsumProgram {method.ProgramFieldName} = {Runtime}EinsumProgram.Create(");
        writer.WriteLine("    " + CSharpLiteral.String(kernel.Expression.Text) + ",");
        writer.WriteLine("    " + PathLiteral(plan));
        writer.WriteLine("    new[] { " + string.Join(", ", method.Parameters.Select(p => CSharpLiteral.String(p.DisplayName))) + " });");
        writer.WriteLine();

        writer.OpenBlock(KernelFileEmitter.Signature(method));
        var names = new LocalNames(kernel.ReservedNames);
        string binding = names.Allocate("binding");
        var data = method.Parameters.Select(p => names.Allocate(p.DisplayName + "Data")).ToList();
        string[] intermediates = plan.Steps.Select((_, k) => names.Allocate("t" + CSharpLiteral.Int(k + 1))).ToArray();
        string[] lengths = intermediates.Select(name => names.Allocate(name + "Length")).ToArray();

        writer.WriteLine($"var {binding} = {method.ProgramFieldName}.Bind();");
        for (int i = 0; i < kernel.OperandCount; i++)
        {
            ParameterModel p = method.Parameters[i];
            writer.WriteLine($"{binding}.Operand({CSharpLiteral.Int(i)}, {p.Name}.Lengths, {p.Name}.Strides);");
        }

        writer.WriteLine($"{binding}.Result({kernel.Result.Name}.Lengths, {kernel.Result.Name}.Strides);");
        writer.WriteLine();
        for (int i = 0; i < method.Parameters.Count; i++)
        {
            writer.WriteLine($"var {data[i]} = {Runtime}TensorMemory.Of({method.Parameters[i].Name});");
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
            writer.WriteLine($"{Runtime}FusedKernels.Mttkrp({binding}, {operands}, {resultData}, accumulate: {(method.Accumulate ? "true" : "false")});");
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
            string accumulate = step.IsFinal && method.Accumulate ? "true" : "false";
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

    /// <summary>opt_einsum's linear path flattened, e.g. <c>new[] { 0, 1, 0, 1 }, // path [(0, 1), (0, 1)]</c>.</summary>
    internal static string PathLiteral(ContractionPlan plan)
    {
        if (plan.Path.Steps.Count == 0)
        {
            return "global::System.Array.Empty<int>(), // one operand: no pairwise step";
        }

        IEnumerable<int> flat = plan.Path.Steps.SelectMany(s => new[] { s.First, s.Second });
        return "new[] { " + string.Join(", ", flat.Select(i => CSharpLiteral.Int(i))) + " }, // path " + plan.Path;
    }
}
