using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Cli.Input;
using TensorGen.Planning;

namespace TensorGen.Cli.Generation;

/// <summary>
/// The static-form kernel the generator writes for an expression and its sizes (method <c>Contract</c>) and, for
/// <c>explain</c>, one kernel per step of its plan (<c>Step1</c>, ...: each step alone, as the generator writes it),
/// generated, compiled and loaded (<see cref="KernelAssembly"/>).
/// </summary>
internal sealed class StaticKernels
{
    private StaticKernels(KernelAssembly assembly, ContractionPlan? plan, GeneratedHeader header, IReadOnlyList<GeneratedHeader> stepHeaders)
    {
        Assembly = assembly;
        Plan = plan;
        Header = header;
        StepHeaders = stepHeaders;
    }

    public KernelAssembly Assembly { get; }

    /// <summary>The plan the generated kernel runs (read back from its header); null unless the steps were asked for.</summary>
    public ContractionPlan? Plan { get; }

    public GeneratedHeader Header { get; }

    /// <summary>Each step kernel's header (empty unless asked for).</summary>
    public IReadOnlyList<GeneratedHeader> StepHeaders { get; }

    /// <summary>The whole kernel's entry point (operands, result).</summary>
    public Action<Array[], Array> Whole => Assembly.EntryPoint(0);

    /// <summary>Step <paramref name="index"/>'s (0-based) kernel: its two (or one) operands, its result.</summary>
    public Action<Array[], Array> Step(int index) => Assembly.EntryPoint(index + 1);

    public static StaticKernels? Build(ContractionInput input, string elementType, bool withSteps, out string? error)
    {
        var kernels = new List<(string Method, string Expression, string? Sizes)>
        {
            (DeclarationSource.MethodName, input.Expression.ExplicitText, SizesText(input.Expression.DistinctLabels, input.Sizes)),
        };
        ContractionPlan? plan = null;
        if (withSteps)
        {
            // The plan is the one the generator made (the header's path), so the steps declared next are the kernel's own.
            plan = PlanOf(input, GeneratorRun.Of(DeclarationSource.For(kernels, elementType), DeclarationSource.FileName), out error);
            if (plan is null)
            {
                return null;
            }

            for (int k = 0; k < plan.Steps.Count; k++)
            {
                ContractionStep step = plan.Steps[k];
                var labels = step.LeftLabels.Concat(step.RightLabels).Distinct().ToList();
                kernels.Add(("Step" + (k + 1).ToString(CultureInfo.InvariantCulture), step.Contraction, SizesText(labels, input.Sizes)));
            }
        }

        var targets = kernels.Select(k => new KernelTarget($"global::{DeclarationSource.TypeName}.{k.Method}", elementType, DeclarationSource.OperandCount(k.Expression)))
            .ToList();
        KernelAssembly? assembly = KernelAssembly.Compile(DeclarationSource.For(kernels, elementType), DeclarationSource.FileName, targets, out error);
        if (assembly is null)
        {
            return null;
        }

        GeneratedHeader HeaderOf(string method) =>
            GeneratedHeader.Read(assembly.Generation.Files.Single(f => f.HintName == $"{DeclarationSource.TypeName}.{method}.g.cs").Text);
        return new StaticKernels(assembly, plan, HeaderOf(DeclarationSource.MethodName), kernels.Skip(1).Select(k => HeaderOf(k.Method)).ToList());
    }

    /// <summary>The plan of the generated kernel: its header's path lowered over the sizes (a single operand's one step is implied).</summary>
    private static ContractionPlan? PlanOf(ContractionInput input, GeneratorRun run, out string? error)
    {
        GeneratedFile? file = run.Files.FirstOrDefault(f => f.HintName == $"{DeclarationSource.TypeName}.{DeclarationSource.MethodName}.g.cs");
        if (run.HasErrors || file is null)
        {
            error = string.Join("\n", run.Diagnostics.Select(DiagnosticText.Format).DefaultIfEmpty("the generator wrote no kernel"));
            return null;
        }

        error = null;
        if (input.Expression.Inputs.Count < 2)
        {
            return ContractionPlan.Create(input.Expression, input.Sizes, Planners.Create(PlanningStrategy.Greedy));
        }

        if (GeneratedHeader.Read(file.Text).Path is not { } path)
        {
            error = "the generated kernel's header names no path";
            return null;
        }

        return ContractionPlan.Lower(input.Expression, path, input.Sizes);
    }

    private static string SizesText(IEnumerable<string> labels, IReadOnlyDictionary<string, long> sizes) =>
        string.Join(",", labels.Select(l => l + "=" + sizes[l].ToString(CultureInfo.InvariantCulture)));
}
