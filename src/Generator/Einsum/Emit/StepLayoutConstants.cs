using System.Collections.Generic;
using System.Linq;
using TensorGen.Planning;

namespace TensorGen.Emit;

/// <summary>
/// Writes a static kernel's step layouts as constants: for every step, its loop indices with their extents and each
/// operand's strides along them, as <c>EinsumProgram.BindDense</c> would compute them at run time (<see cref="DenseStepLayout"/>).
/// The steps that run in TensorGen.Runtime (the GEMM engine) read them from the field, so the kernel's first call JIT-compiles
/// no parser, planner, lowering or binding code — the bulk of a first call's JIT before (about 350 of 458 methods).
/// </summary>
internal static class StepLayoutConstants
{
    private const string Runtime = "global::TensorGen.Runtime.";

    public static void WriteField(SourceWriter writer, EinsumKernel kernel)
    {
        IReadOnlyList<DenseStepLayout> layouts = DenseStepLayout.For(kernel.Plan, kernel.StaticSizes!);
        writer.WriteComment("The plan's steps laid out at compile time over the static shapes (dense row-major), for the kernels that run");
        writer.WriteComment("in TensorGen.Runtime: per step its loop indices (kept, then summed), their extents and each operand's strides.");
        writer.WriteLine($"private static readonly {Runtime}StepLayout[] {kernel.ProgramFieldName} = new {Runtime}StepLayout[]");
        writer.OpenBlock();
        foreach (DenseStepLayout layout in layouts)
        {
            ContractionStep step = layout.Step;
            writer.WriteComment($"Step {CSharpLiteral.Int(layout.Index + 1)}: {step.Contraction}, loop indices "
                + string.Join(" ", layout.LoopLabels) + " (the first " + CSharpLiteral.Int(step.ResultLabels.Count) + " kept)");
            writer.WriteLine($"{Runtime}StepLayout.Create({CSharpLiteral.Int(layout.Index)}, {CSharpLiteral.String(step.Contraction)}, "
                + $"leftOperand: {CSharpLiteral.Int(step.Left)}, rightOperand: {CSharpLiteral.Int(step.Right)},");
            writer.WriteLine($"    uses: new {Runtime}StepIndexUse[] {{ {string.Join(", ", layout.Uses.Select(Use))} }},");
            writer.WriteLine($"    extents: {Lengths(layout.Extents)},");
            writer.WriteLine($"    leftStrides: {Lengths(layout.LeftStrides)},");
            writer.WriteLine($"    rightStrides: {Lengths(layout.RightStrides)},");
            writer.WriteLine($"    outputStrides: {Lengths(layout.OutputStrides)}),");
        }

        writer.CloseBlock(";");
        writer.WriteLine();
    }

    /// <summary>
    /// The fused MTTKRP's layout as constants: which operand is X, U and W, the sizes of f, u, w and r, and each operand's
    /// strides along its indices (dense row-major), as <c>FusedKernels.Mttkrp</c> would read them from a binding.
    /// </summary>
    public static void WriteMttkrpField(SourceWriter writer, EinsumKernel kernel)
    {
        MttkrpPattern pattern = MttkrpPattern.Match(kernel.Expression)!;
        IReadOnlyDictionary<string, long> sizes = kernel.StaticSizes!;
        string Strides(int operand, params string[] labels)
        {
            IReadOnlyList<string> dimensions = operand < kernel.OperandCount ? kernel.Expression.Inputs[operand].Labels : kernel.Expression.Output.Labels;
            return Lengths(labels.Select(l => DenseStepLayout.StrideAlong(dimensions, sizes, l)));
        }

        string f = pattern.Free, u = pattern.First, w = pattern.Second, r = pattern.Rank;
        writer.WriteComment($"The fused MTTKRP laid out at compile time over the static shapes (dense row-major): f = {f}, u = {u}, w = {w}, r = {r}.");
        writer.WriteLine($"private static readonly {Runtime}MttkrpLayout {kernel.ProgramFieldName} = {Runtime}MttkrpLayout.Create(");
        writer.WriteLine("    new[] { " + string.Join(", ", kernel.Method.Parameters.Select(p => CSharpLiteral.String(p.DisplayName))) + " },");
        writer.WriteLine($"    tensor: {CSharpLiteral.Int(pattern.Tensor)}, firstFactor: {CSharpLiteral.Int(pattern.FirstFactor)}, "
            + $"secondFactor: {CSharpLiteral.Int(pattern.SecondFactor)},");
        writer.WriteLine($"    free: {CSharpLiteral.Int(sizes[f])}, first: {CSharpLiteral.Int(sizes[u])}, second: {CSharpLiteral.Int(sizes[w])}, "
            + $"rank: {CSharpLiteral.Int(sizes[r])},");
        writer.WriteLine($"    tensorStrides: {Strides(pattern.Tensor, f, u, w)}, // along {f}, {u}, {w}");
        writer.WriteLine($"    firstFactorStrides: {Strides(pattern.FirstFactor, u, r)}, // along {u}, {r}");
        writer.WriteLine($"    secondFactorStrides: {Strides(pattern.SecondFactor, w, r)}, // along {w}, {r}");
        writer.WriteLine($"    resultStrides: {Strides(kernel.OperandCount, f, r)}); // along {f}, {r}");
        writer.WriteLine();
    }

    private static string Lengths(IEnumerable<long> values) => "new nint[] { " + string.Join(", ", values.Select(CSharpLiteral.Int)) + " }";

    /// <summary>A loop index's use as the runtime's flags, e.g. <c>StepIndexUse.Left | StepIndexUse.Output</c> (a row index).</summary>
    private static string Use(int use)
    {
        var flags = new List<string>(3);
        if ((use & DenseStepLayout.UsedByLeft) != 0)
        {
            flags.Add(Runtime + "StepIndexUse.Left");
        }

        if ((use & DenseStepLayout.UsedByRight) != 0)
        {
            flags.Add(Runtime + "StepIndexUse.Right");
        }

        if ((use & DenseStepLayout.UsedByOutput) != 0)
        {
            flags.Add(Runtime + "StepIndexUse.Output");
        }

        return string.Join(" | ", flags);
    }
}
