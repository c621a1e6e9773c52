using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using TensorGen.Parsing;
using TensorGen.Planning;

namespace TensorGen.Cli;

/// <summary><c>tensorgen plan</c>: reads the expression and sizes, plans, and prints the plan as a table or as JSON.</summary>
internal static class PlanCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Contains("-h") || args.Contains("--help"))
        {
            output.Write(Usage.Text);
            return Program.Success;
        }

        PlanArguments arguments = PlanArguments.Parse(args);
        if (arguments.Error is { } usage)
        {
            error.WriteLine("tensorgen plan: " + usage);
            return Program.UsageError;
        }

        EinsumParseResult parsed = EinsumParser.Parse(arguments.Expression, anySymbol: true);
        if (parsed.Expression is not { } expression)
        {
            string what = arguments.Network is null ? $"\"{arguments.Expression}\"" : "--network";
            error.WriteLine($"tensorgen plan: {what}: {parsed.Error!.Message}");
            return Program.InvalidInput;
        }

        if (expression.HasEllipsis)
        {
            error.WriteLine("tensorgen plan: \"...\" has no size to plan with; name each dimension with an index.");
            return Program.InvalidInput;
        }

        var labels = expression.DistinctLabels;
        string[] missing = labels.Where(l => !arguments.Sizes.ContainsKey(l)).ToArray();
        if (missing.Length > 0)
        {
            error.WriteLine($"tensorgen plan: no size for {(missing.Length == 1 ? "index" : "indices")} {string.Join(", ", missing.Select(l => "'" + l + "'"))}. "
                + $"Give every index's size, e.g. --sizes {string.Join(",", labels.Select(l => l + "=" + (arguments.Sizes.TryGetValue(l, out long s) ? s : 2)))}.");
            return Program.InvalidInput;
        }

        foreach (string unused in arguments.Sizes.Keys.Where(l => !labels.Contains(l)))
        {
            error.WriteLine($"tensorgen plan: note: index '{unused}' has a size but does not occur in the expression; it is ignored.");
        }

        var sizes = labels.ToDictionary(l => l, l => arguments.Sizes[l], StringComparer.Ordinal);
        // Every core searches (each on its own stream of the seed: the plan depends on the seed and the core count only).
        var progress = new PlanningProgress();
        var options = new PlanningOptions(arguments.Objective, arguments.MemoryLimit, arguments.TimeLimit, arguments.Seed,
            Environment.ProcessorCount, progress);
        var clock = Stopwatch.StartNew();
        ContractionPlan plan;
        using (ProgressReport.Start(progress, arguments.TimeLimit, clock, error))
        {
            plan = ContractionPlan.Create(expression, sizes, Planners.Create(arguments.Strategy), options);
        }

        double seconds = clock.Elapsed.TotalSeconds;

        var report = new PlanReport(plan, Planners.NameOf(arguments.Strategy), seconds, arguments.Network is { } network ? network.NameOf : label => label);
        output.Write(arguments.Json ? report.Json() : report.Table());
        return Program.Success;
    }
}
