using System;
using System.CommandLine;
using System.Diagnostics;
using TensorGen.Cli.Input;
using TensorGen.Planning;

namespace TensorGen.Cli;

/// <summary><c>tensorgen plan</c>: plans an expression (or a network file, or costs a given path) and prints the plan as a table or as JSON.</summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var contraction = new ContractionOptions();
        Option<NetworkFile?> network = ParsedOption.Create<NetworkFile?>("--network", "FILE",
            "a network in cotengra's form instead of an expression and sizes: {\"inputs\": [[\"a\", \"b\"], ...], \"output\": [...], \"size_dict\": {\"a\": 2, ...}} (index names of any length)",
            NetworkFile.Read);
        var planning = new PlanningOptionSet();
        Option<ContractionPath?> path = ParsedOption.Create<ContractionPath?>("--path", "\"0,1;0,1\"",
            "cost this contraction path (opt_einsum's linear format: steps separated by ';', or [(0, 1), (0, 1)]) instead of planning one",
            PathText.Parse);
        var json = new Option<bool>("--json")
        {
            Description = "print one JSON object: {\"path\", \"flops\", \"largestIntermediate\", \"strategy\", \"seconds\"} (and \"sliced\", \"slices\", \"overhead\" when sliced)",
        };

        var command = new Command("plan", "Plans the contraction order of an einsum expression and prints the plan: cost in opt_einsum's units "
            + "(a pairwise step costs the product of its index sizes, twice that when it sums an index), largest intermediate, one line per step.");
        contraction.AddTo(command);
        command.Add(network);
        planning.AddTo(command);
        command.Add(path);
        command.Add(json);
        command.Validators.Add(result =>
        {
            // Presence only: reading a value that failed to parse throws, and its error is reported already.
            if (result.GetResult(network) is null)
            {
                if (result.GetValue(contraction.Expression) is null)
                {
                    result.AddError("no expression. Usage: tensorgen plan \"ij,jk->ik\" --sizes i=2,j=3,k=4, or tensorgen plan --network file.json");
                }

                return;
            }

            if (result.GetValue(contraction.Expression) is { } expression)
            {
                result.AddError($"--network gives the expression; got \"{expression}\" too. Plan either an expression or a network file.");
            }
            else if (result.GetResult(contraction.Sizes) is not null || result.GetResult(contraction.SizesFile) is not null || result.GetResult(contraction.Shapes) is not null)
            {
                result.AddError("--network gives the sizes (its \"size_dict\"); --sizes, --sizes-file and --shapes go with an expression.");
            }
        });

        command.SetAction(result =>
        {
            ContractionInput? input;
            string? error;
            Func<string, string> nameOf = label => label;
            if (result.GetValue(network) is { } file)
            {
                var sizes = new SizeTable();
                foreach (var (label, size) in file.Sizes)
                {
                    sizes.Sizes[label] = size;
                }

                input = ContractionInput.Resolve(file.Expression, "--network", sizes, null, out error);
                nameOf = file.NameOf;
            }
            else
            {
                if (contraction.SizesOf(result, out error) is null)
                {
                    return Messages.Fail(result, ExitCodes.UsageError, error!);
                }

                input = contraction.Resolve(result, out error);
            }

            if (input is null)
            {
                return Messages.Fail(result, ExitCodes.InvalidInput, error!);
            }

            foreach (string note in input.Notes)
            {
                Messages.Note(result, note);
            }

            return Run(result, input, planning, result.GetValue(path), result.GetValue(json), nameOf);
        });
        return command;
    }

    private static int Run(ParseResult result, ContractionInput input, PlanningOptionSet planning, ContractionPath? path, bool json, Func<string, string> nameOf)
    {
        // Every core searches (each on its own stream of the seed: the plan depends on the seed and the core count only).
        var progress = new PlanningProgress();
        PlanningOptions options = planning.OptionsOf(result, Environment.ProcessorCount, progress);
        var clock = Stopwatch.StartNew();
        ContractionPlan plan;
        string strategy;
        if (path is not null && input.Expression.Inputs.Count >= 2)
        {
            ContractionTree? tree = ContractionTree.FromPath(ContractionPlan.Network(input.Expression, input.Sizes), path.Steps, out string? error);
            if (tree is null)
            {
                return Messages.Fail(result, ExitCodes.InvalidInput, $"--path does not fit {input.Expression.ExplicitText}: {error}");
            }

            plan = ContractionPlan.FromTree(input.Expression, tree, input.Sizes, options);
            strategy = "path";
        }
        else if (path is not null && path.Steps.Count > 0)
        {
            return Messages.Fail(result, ExitCodes.InvalidInput, $"--path: a single operand has no path to give (its one step is implied); got {path.Steps.Count} step(s).");
        }
        else
        {
            using (ProgressReport.Start(progress, options.TimeLimit, clock, Messages.Error(result)))
            {
                plan = ContractionPlan.Create(input.Expression, input.Sizes, Planners.Create(planning.StrategyOf(result)), options);
            }

            strategy = json ? Planners.NameOf(planning.StrategyOf(result)) : planning.DescribeStrategy(result);
        }

        var report = new PlanReport(plan, strategy, clock.Elapsed.TotalSeconds, nameOf);
        Messages.Output(result).Write(json ? report.Json() : report.Table());
        return ExitCodes.Success;
    }
}
