using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using TensorGen.Cli.Generation;
using TensorGen.Cli.Input;
using TensorGen.Cli.Measurement;

namespace TensorGen.Cli;

/// <summary>
/// <c>tensorgen bench</c>: times an expression and its sizes (or the static [Einsum] declarations of a .cs file) with
/// TensorGen's generated kernel and runtime against the naive loop and numpy (<see cref="ContractionBench"/>).
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var contraction = new ContractionOptions();
        contraction.Expression.Description = "an einsum expression (with --sizes or --shapes), or a .cs file: its [Einsum] declarations with Sizes are benchmarked";
        var measure = new MeasureOptions();
        var method = new Option<string?>("--method")
        {
            HelpName = "NAME",
            Description = "with a .cs file: only the declaration of this method (Name or Type.Name)",
        };
        var naiveLimit = new Option<double>("--naive-limit")
        {
            HelpName = "POINTS",
            Description = "run the naive loop (and check results against it) only up to this many index combinations (default 5e7)",
            DefaultValueFactory = _ => 5e7,
        };
        var peak = new Option<double?>("--peak")
        {
            HelpName = "GFLOPS",
            Description = "the fp32 FMA peak of one core in GFLOP/s, instead of measuring it with a short FMA loop (which a loaded machine reads low); "
                + "fp64 is taken as half. E.g. 222 on AMD EPYC Zen 5 (AVX-512)",
        };
        var noNumpy = new Option<bool>("--no-numpy") { Description = "do not time numpy.einsum (by default it is timed where /usr/bin/python3 has numpy)" };

        var command = new Command("bench", "Times a contraction with TensorGen (the generated static kernel and the runtime's dynamic Einsum.Evaluate) "
            + "against the naive loop and numpy.einsum on the same random operands, checks TensorGen's results against the naive loop, and prints "
            + "the median time, GFLOP/s and % of this machine's FMA peak. Exits 1 when a result differs from the reference.");
        contraction.AddTo(command);
        measure.AddTo(command);
        command.Add(method);
        command.Add(naiveLimit);
        command.Add(peak);
        command.Add(noNumpy);
        command.Validators.Add(result =>
        {
            if (result.GetResult(peak) is not null && !(result.GetValue(peak) > 0))
            {
                result.AddError("--peak must be a number of GFLOP/s above 0.");
            }
        });
        command.SetAction(result =>
        {
            int threads = measure.ApplyThreads(result);
            double? givenPeak = result.GetValue(peak);
            if (givenPeak is null)
            {
                Messages.Note(result, "measuring this machine's FMA peak...");
            }

            var settings = new BenchSettings(measure.IsDouble(result), threads, result.GetValue(measure.Budget), result.GetValue(naiveLimit),
                !result.GetValue(noNumpy), givenPeak is { } g ? MachinePeak.Given(g) : MachinePeak.Measure());
            string? text = result.GetValue(contraction.Expression);
            return text is not null && text.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)
                ? BenchFile(result, text, result.GetValue(method), settings)
                : BenchExpression(result, contraction, settings, result.GetValue(measure.Type)!);
        });
        return command;
    }

    private static int BenchExpression(ParseResult result, ContractionOptions contraction, BenchSettings settings, string type)
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

        Messages.Note(result, "generating and compiling the static kernel...");
        StaticKernels? kernels = StaticKernels.Build(input, type, withSteps: false, out error);
        if (kernels is null)
        {
            Messages.Note(result, "no static kernel (the generator does not take this declaration): " + error);
        }

        return ContractionBench.Run(result, "bench", input, kernels?.Whole, settings);
    }

    private static int BenchFile(ParseResult result, string path, string? method, BenchSettings settings)
    {
        if (TextFile.Read(path, string.Empty, out string? readError) is not { } source)
        {
            return Messages.Fail(result, ExitCodes.UsageError, readError!);
        }

        List<EinsumDeclaration> declarations = FileDeclarations.Find(GeneratorRun.Of(source, path).Output)
            .Where(d => method is null || d.Name == method || d.Name.EndsWith("." + method, StringComparison.Ordinal))
            .ToList();
        foreach (EinsumDeclaration dynamic in declarations.Where(d => !d.IsStatic))
        {
            Messages.Note(result, $"{dynamic.Name} is dynamic (no Sizes): bench its expression with sizes instead, e.g. tensorgen bench \"{dynamic.Expression}\" --sizes ...");
        }

        declarations.RemoveAll(d => !d.IsStatic);
        if (declarations.Count == 0)
        {
            return Messages.Fail(result, ExitCodes.InvalidInput, $"'{path}' has no [Einsum] declaration with Sizes{(method is null ? string.Empty : $" named {method}")} to bench.");
        }

        KernelAssembly? assembly = KernelAssembly.Compile(source, path, declarations.Select(d => d.Target).ToList(), out string? error);
        if (assembly is null)
        {
            return Messages.Fail(result, ExitCodes.InvalidInput, $"'{path}' does not generate and compile:\n{error}");
        }

        int exitCode = ExitCodes.Success;
        for (int i = 0; i < declarations.Count; i++)
        {
            EinsumDeclaration declaration = declarations[i];
            SizeTable sizes = SizeTable.Parse(declaration.Sizes!, out error) ?? new SizeTable();
            ContractionInput? input = ContractionInput.Resolve(declaration.Expression, $"\"{declaration.Expression}\"", sizes, null, out error);
            if (input is null)
            {
                return Messages.Fail(result, ExitCodes.InvalidInput, $"{declaration.Name}: {error}");
            }

            var settings1 = settings with { IsDouble = declaration.Target.ElementType == "double" };
            exitCode = Math.Max(exitCode, ContractionBench.Run(result, declaration.Name, input, assembly.EntryPoint(i), settings1));
        }

        return exitCode;
    }
}
