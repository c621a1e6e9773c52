using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using TensorGen.Cli.Generation;
using TensorGen.Cli.Input;
using TensorGen.Cli.Measurement;
using TensorGen.Planning;

namespace TensorGen.Cli;

/// <summary>
/// <c>tensorgen explain</c>: the static-form kernel of an expression and its sizes as the generator writes it — its plan,
/// the kernel family of each step and why (the cost model's estimates, <see cref="StepCostEstimate"/>), and the estimated
/// against the measured time of each step (each step generated alone as a static kernel and run on random data).
/// </summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var contraction = new ContractionOptions();
        var measure = new MeasureOptions();
        var command = new Command("explain", "Explains the static-form kernel TensorGen generates for an expression and its sizes: the plan, "
            + "the kernel family of each step (unrolled, loop nest, GEMM engine, fused MTTKRP, batched chain) and why by the generator's cost model, "
            + "and each step's estimated against its measured time on this machine.");
        contraction.AddTo(command);
        measure.AddTo(command);
        command.SetAction(result =>
        {
            ContractionInput? input = contraction.Resolve(result, out string? error);
            if (input is null)
            {
                return Messages.Fail(result, ExitCodes.InvalidInput, error!);
            }

            foreach (string note in input.Notes)
            {
                Messages.Note(result, note);
            }

            int threads = measure.ApplyThreads(result);
            string type = result.GetValue(measure.Type)!;
            Messages.Note(result, "generating and compiling the kernel and one kernel per step...");
            StaticKernels? kernels = StaticKernels.Build(input, type, withSteps: true, out error);
            if (kernels is null)
            {
                return Messages.Fail(result, ExitCodes.InvalidInput, "the generator cannot write this kernel:\n" + error);
            }

            Write(result, input, kernels, type, threads, result.GetValue(measure.Budget));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(ParseResult result, ContractionInput input, StaticKernels kernels, string type, int threads, double budget)
    {
        TextWriter output = Messages.Output(result);
        ContractionPlan plan = kernels.Plan!;
        bool isDouble = type == "double";
        output.WriteLine($"Kernel:   [Einsum(\"{input.Expression.ExplicitText}\", Sizes = \"{string.Join(",", input.Sizes.Select(s => s.Key + "=" + s.Value.ToString(CultureInfo.InvariantCulture)))}\")], {type}, static form");
        output.WriteLine();
        output.Write(new PlanReport(plan, "auto (the generator's)", 0, l => l).Table().Split('\n', 3)[2]);
        output.WriteLine();
        output.WriteLine("Kernel families (the generated file's header):");
        foreach (string line in kernels.Header.KernelLines)
        {
            output.WriteLine("  " + line);
        }

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Per step: estimated = the cost model's cycles at {CpuClock.Ghz:0.00} GHz ({CpuClock.Source}), one thread; measured = the step alone as the static kernel the generator writes for it, random data, median, up to {threads} thread(s); family = the whole kernel's choice for the step."));
        int width = Math.Max(11, plan.Steps.Max(s => s.Contraction.Length));
        output.WriteLine($"{"step",-4}  {"contraction".PadRight(width)}  {"family",-12}  {"estimated",10}  {"measured",10}  why");
        Messages.Note(result, $"timing {plan.Steps.Count} step(s) and the whole kernel...");
        double stepsTotal = 0;
        for (int k = 0; k < plan.Steps.Count; k++)
        {
            ContractionStep step = plan.Steps[k];
            StepCostEstimate cost = StepCostEstimate.Of(step, input.Sizes);
            // The whole kernel's choice for this step; the step's own kernel may choose otherwise alone (a batched chain), and says so.
            string family = ShortName(kernels.Header.Fused ?? kernels.Header.FamilyOf(k + 1, step.Contraction) ?? "?");
            string alone = ShortName(kernels.StepHeaders[k].Fused ?? kernels.StepHeaders[k].FamilyOf(1, step.Contraction) ?? "?");
            double? cycles = family switch
            {
                "unrolled" or "loop nest" => cost.LoopNestCycles,
                "GEMM engine" => cost.GemmCycles,
                _ => null,
            };
            var shapes = new[] { step.LeftLabels }.Concat(step.IsUnary ? [] : new[] { step.RightLabels })
                .Select(labels => labels.Select(l => input.Sizes[l]).ToArray());
            var operands = new RandomOperands(shapes, isDouble);
            Array stepResult = RandomOperands.ResultArray(step.ResultLabels.Aggregate(1L, (p, l) => p * input.Sizes[l]), isDouble);
            Action<Array[], Array> run = kernels.Step(k);
            double measured = Timing.MedianSeconds(() => run(operands.Arrays, stepResult), budget);
            stepsTotal += measured;
            output.WriteLine($"{k + 1,-4}  {step.Contraction.PadRight(width)}  {family,-12}  {TimeText.Of(cycles / (CpuClock.Ghz * 1e9)),10}  {TimeText.Of(measured),10}  {Why(family, cost, kernels.Header)}{(alone == family ? string.Empty : $" (measured alone as a {alone} kernel)")}");
        }

        var whole = new RandomOperands(input.OperandShapes, isDouble);
        Array wholeResult = RandomOperands.ResultArray(input.OutputShape.Aggregate(1L, (p, s) => p * s), isDouble);
        Action<Array[], Array> kernel = kernels.Whole;
        double total = Timing.MedianSeconds(() => kernel(whole.Arrays, wholeResult), budget);
        output.WriteLine();
        output.WriteLine($"Whole kernel: {TimeText.Of(total)} measured ({TimeText.Of(stepsTotal)} for its steps run alone)"
            + (kernels.Header.Fused is { } fused ? $"; it runs as one {ShortName(fused)} kernel instead of the steps." : "."));
    }

    /// <summary>The family's short name in the header's words.</summary>
    private static string ShortName(string family) =>
        family.StartsWith("fused MTTKRP", StringComparison.Ordinal) ? "fused MTTKRP"
        : family.StartsWith("fused batched chain", StringComparison.Ordinal) ? "batched chain"
        : family.StartsWith("GEMM engine", StringComparison.Ordinal) ? "GEMM engine"
        : family.StartsWith("unrolled", StringComparison.Ordinal) ? "unrolled"
        : family.StartsWith("loop nest", StringComparison.Ordinal) ? "loop nest"
        : family;

    private static string Why(string family, StepCostEstimate cost, GeneratedHeader header) => family switch
    {
        "unrolled" => $"{Count(cost.MultiplyAdds)} multiply-adds <= {StepCostEstimate.UnrollLimit} and {Count(cost.Outputs)} results <= {StepCostEstimate.UnrolledStatementLimit}: written out as straight-line code",
        "GEMM engine" => $"GEMM engine ~{Count(cost.GemmCycles)} cycles < loop nest ~{Count(cost.LoopNestCycles)}",
        "loop nest" when cost.IsUnary => "a unary step (sum, trace or permutation): a loop nest",
        "loop nest" => $"loop nest ~{Count(cost.LoopNestCycles)} cycles <= GEMM engine ~{Count(cost.GemmCycles)}",
        _ => header.Fused ?? "the header's choice",
    };

    private static string Count(double value) => value >= 1e6 ? value.ToString("0.00e0", CultureInfo.InvariantCulture) : value.ToString("0", CultureInfo.InvariantCulture);
}
