using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Diagnostics;
using TensorGen.Model;
using TensorGen.Parsing;
using TensorGen.Planning;

namespace TensorGen.Validation;

/// <summary>
/// Checks a declaration's planning options (TG0016–TG0018) and makes its plan: from the user's <c>Path</c>, or with the
/// chosen strategy under its time limit, for the static sizes or the dynamic form's hints. Planning is bounded in time
/// and never throws for a valid declaration.
/// </summary>
internal static class PlanningValidator
{
    /// <summary>The most a declaration may let planning take, in seconds: compile time is everybody's.</summary>
    public const double MaxTimeLimitSeconds = 60;

    /// <summary>The checked options, or null with the problems added to <paramref name="diagnostics"/>.</summary>
    public static PlanningRequest? Check(EinsumMethodModel declaration, EinsumExpression expression, bool isStatic, List<DiagnosticInfo> diagnostics)
    {
        KernelMethodShape method = declaration.Method;
        PlanningArgumentsModel planning = declaration.Planning;
        int before = diagnostics.Count;
        void Report(string message, LocationInfo? location) =>
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.InvalidPlanningOption, message, location ?? method.Location));

        var strategy = PlanningStrategy.Auto;
        if (planning.Strategy is { } s)
        {
            if (!Enum.IsDefined(typeof(PlanningStrategy), s))
            {
                Report($"Strategy {s.ToString(CultureInfo.InvariantCulture)} is not a ContractionStrategy. Use ContractionStrategy.Auto, Optimal, Greedy, RandomGreedy or Reconfigure.",
                    planning.StrategyLocation);
            }
            else
            {
                strategy = (PlanningStrategy)s;
            }
        }

        var objective = PlanningObjective.Flops;
        if (planning.Minimize is { } m)
        {
            if (!Enum.IsDefined(typeof(PlanningObjective), m))
            {
                Report($"Minimize {m.ToString(CultureInfo.InvariantCulture)} is not a ContractionObjective. Use ContractionObjective.Flops, Size or Combo.",
                    planning.MinimizeLocation);
            }
            else
            {
                objective = (PlanningObjective)m;
            }
        }

        double? memoryLimit = null;
        if (planning.MemoryLimit is { } limit && limit != 0)
        {
            if (limit < 0)
            {
                Report($"MemoryLimit is {limit.ToString(CultureInfo.InvariantCulture)}; it is an element count above 0, or 0 for no limit.", planning.MemoryLimitLocation);
            }
            else if (!isStatic)
            {
                Report("MemoryLimit applies to the static form, where sizes are known and indices can be sliced; the dynamic form's sizes are known only at run time. "
                    + "Give Sizes, or remove MemoryLimit.", planning.MemoryLimitLocation);
            }
            else
            {
                memoryLimit = limit;
            }
        }

        TimeSpan timeLimit = PlanningOptions.DefaultTimeLimit;
        if (planning.TimeLimitSeconds is { } seconds)
        {
            if (!(seconds > 0 && seconds <= MaxTimeLimitSeconds))
            {
                Report($"PlanningTimeLimit is {seconds.ToString(CultureInfo.InvariantCulture)} s; it is above 0 and at most {MaxTimeLimitSeconds.ToString(CultureInfo.InvariantCulture)} s "
                    + "(the default is 1 s).", planning.TimeLimitLocation);
            }
            else
            {
                timeLimit = TimeSpan.FromSeconds(seconds);
            }
        }

        if (planning.Replan && isStatic)
        {
            Report("Replan is for the dynamic form, whose sizes change from call to call; with Sizes the plan is made for the sizes given. Remove Replan.",
                planning.ReplanLocation);
        }

        if (planning.PinOrder && isStatic)
        {
            Report("PinOrder is for the dynamic form, whose sizes change from call to call; with Sizes the plan is made for the sizes given. Remove PinOrder.",
                planning.PinOrderLocation);
        }
        else if (planning.PinOrder && planning.Replan)
        {
            Report("PinOrder runs the compiled order for every call, and Replan plans for each call's sizes: they contradict. Remove one.",
                planning.PinOrderLocation);
        }

        ContractionPath? path = null;
        if (planning.Path.Value is { } pathText)
        {
            foreach (var (given, name, location) in new[]
            {
                (planning.Strategy is not null, "Strategy", planning.StrategyLocation),
                (planning.Minimize is not null, "Minimize", planning.MinimizeLocation),
                (planning.SizeHints.Value is not null, "SizeHints", planning.SizeHints.Location),
                (planning.TimeLimitSeconds is not null, "PlanningTimeLimit", planning.TimeLimitLocation),
                (planning.Replan, "Replan", planning.ReplanLocation),
                (planning.PinOrder, "PinOrder", planning.PinOrderLocation),
            })
            {
                if (given)
                {
                    Report($"{name} has no effect with Path: Path gives the contraction order, so nothing is planned. Remove {name} or Path.", location);
                }
            }

            LinearPathResult parsed = LinearPathParser.Parse(pathText);
            if (parsed.Path is null)
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticIds.InvalidPath, "Path \"" + pathText + "\": " + parsed.Error,
                    planning.Path.LocationOf(parsed.Position, parsed.Length) ?? method.Location));
            }

            path = parsed.Path;
        }

        IReadOnlyDictionary<string, long>? hints = null;
        if (planning.SizeHints.Value is { } hintsText)
        {
            if (isStatic)
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticIds.MalformedSizeHints,
                    "SizeHints is for the dynamic form; this declaration gives Sizes, so its sizes are known. Remove SizeHints.",
                    planning.SizeHints.Location ?? method.Location));
            }
            else
            {
                SizeHintsResult parsed = SizeHints.Parse(hintsText, expression);
                if (parsed.Hints is null)
                {
                    diagnostics.Add(new DiagnosticInfo(DiagnosticIds.MalformedSizeHints, parsed.Error!,
                        planning.SizeHints.LocationOf(parsed.Position, parsed.Length) ?? method.Location));
                }

                hints = parsed.Hints;
            }
        }

        return diagnostics.Count > before ? null : new PlanningRequest(strategy, new PlanningOptions(objective, memoryLimit, timeLimit), path, hints, planning.Replan,
            planning.PinOrder);
    }

    /// <summary>The plan for <paramref name="sizes"/>, or null with TG0016 when the declaration's Path does not fit the expression.</summary>
    public static ContractionPlan? Plan(EinsumMethodModel declaration, EinsumExpression expression, PlanningRequest request,
        IReadOnlyDictionary<string, long> sizes, List<DiagnosticInfo> diagnostics)
    {
        KernelMethodShape method = declaration.Method;
        if (request.Path is not { } path)
        {
            return ContractionPlan.Create(expression, sizes, Planners.Create(request.Strategy), request.Options);
        }

        ContractionNetwork network = ContractionPlan.Network(expression, sizes);
        if (ContractionTree.FromPath(network, path.Steps, out string? error) is null)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.InvalidPath,
                $"Path {path} does not fit expression \"{expression.Text}\" ({Count(expression.Inputs.Count)}): {error}",
                declaration.Planning.Path.Location ?? method.Location));
            return null;
        }

        return ContractionPlan.FromPath(expression, path, sizes, request.Options);
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture) + (n == 1 ? " operand" : " operands");
}
