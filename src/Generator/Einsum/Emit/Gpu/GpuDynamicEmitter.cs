using System.Linq;
using TensorGen.Model;
using TensorGen.Planning;

namespace TensorGen.Emit.Gpu;

/// <summary>
/// The dynamic form on the GPU (<c>Backend.Gpu</c>): shapes and strides are known only at run time, so the device entry
/// point binds the <c>GpuTensor</c>s' lengths and strides to the same <c>EinsumProgram</c> as the CPU kernel
/// (every check, <c>...</c> expansion and broadcast included) and runs each step in TensorGen.Runtime.Gpu's strided kernel,
/// which reads the step's layout from a small device table.
/// </summary>
internal static class GpuDynamicEmitter
{
    private const string RuntimeGpu = GpuNames.RuntimeGpu;

    public static void WriteMembers(SourceWriter writer, EinsumKernel kernel)
    {
        KernelMethodShape method = kernel.Method;
        ContractionPlan plan = kernel.Plan;
        string t = kernel.ElementType;
        string entry = GpuNames.EntryPoint(method);
        writer.WriteLine();
        GpuStaticEmitter.WriteHostEntryPoint(writer, kernel, entry, method.Parameters.Select(p => p.Declaration));
        writer.WriteLine();

        var names = new LocalNames(kernel.ReservedNames);
        string gpu = names.Allocate("gpu");
        string binding = names.Allocate("binding");
        string[] intermediates = plan.Steps.Take(plan.Steps.Count - 1).Select((_, k) => names.Allocate("t" + CSharpLiteral.Int(k + 1))).ToArray();
        writer.WriteLine($"/// <summary>Enqueues {method.Name.TrimStart('@')} on the device's stream over device tensors (any strides); returns without waiting.</summary>");
        string parameters = string.Join(", ", method.Parameters.Select(p => $"{RuntimeGpu}GpuTensor<{t}> {p.Name}"));
        writer.OpenBlock($"{GpuNames.Modifiers(method)} void {entry}({RuntimeGpu}GpuContext {gpu}, {parameters})");
        writer.WriteLine($"global::System.ArgumentNullException.ThrowIfNull({gpu});");
        writer.WriteLine($"global::TensorGen.Runtime.EinsumBinding {binding} = {ProgramHolder.Access(kernel)}.Bind();");
        for (int i = 0; i < kernel.OperandCount; i++)
        {
            ParameterModel p = method.Parameters[i];
            writer.WriteLine($"{binding}.Operand({CSharpLiteral.Int(i)}, {p.Name}.Lengths, {p.Name}.Strides);");
        }

        writer.WriteLine($"{binding}.Result({kernel.Result.Name}.Lengths, {kernel.Result.Name}.Strides);");
        for (int i = 0; i < kernel.OperandCount; i++)
        {
            ParameterModel p = method.Parameters[i];
            writer.WriteLine($"{RuntimeGpu}GpuChecks.ThrowIfOverlaps<{t}>({kernel.Result.Name}.View, {CSharpLiteral.String(kernel.Result.DisplayName)}, "
                + $"{p.Name}.View, {CSharpLiteral.String(p.DisplayName)});");
        }

        writer.WriteLine();
        for (int k = 0; k < intermediates.Length; k++)
        {
            writer.WriteLine($"using {GpuNames.Buffer(t)} {intermediates[k]} = {gpu}.Rent<{t}>({binding}.IntermediateLength({CSharpLiteral.Int(k)}));");
        }

        string View(int id) => id < kernel.OperandCount ? method.Parameters[id].Name + ".View" : intermediates[id - kernel.OperandCount] + ".View";
        for (int k = 0; k < plan.Steps.Count; k++)
        {
            ContractionStep step = plan.Steps[k];
            string output = step.IsFinal ? kernel.Result.Name + ".View" : View(kernel.OperandCount + k);
            if (k > 0 || intermediates.Length > 0)
            {
                writer.WriteLine();
            }

            writer.WriteComment($"Step {CSharpLiteral.Int(k + 1)} of {CSharpLiteral.Int(plan.Steps.Count)}: {step.Contraction}  "
                + $"({kernel.Describe(step.Left)}{(step.IsUnary ? string.Empty : ", " + kernel.Describe(step.Right))} -> "
                + $"{(step.IsFinal ? kernel.Result.DisplayName : "t" + CSharpLiteral.Int(k + 1))})");
            string inputs = View(step.Left) + (step.IsUnary ? string.Empty : ", " + View(step.Right));
            writer.WriteLine($"{RuntimeGpu}GpuStridedKernels.Contract<{t}>({gpu}, {binding}.Step({CSharpLiteral.Int(k)}), {inputs}, {output}, "
                + $"accumulate: {(step.IsFinal && kernel.Accumulate ? "true" : "false")});");
        }

        writer.CloseBlock();
    }
}
