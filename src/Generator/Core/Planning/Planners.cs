using System;
using System.Collections.Generic;
using System.Linq;

namespace TensorGen.Planning;

/// <summary>The planner of each strategy, and the strategies' names as the CLI and plan tables write them.</summary>
internal static class Planners
{
    private static readonly (PlanningStrategy Strategy, string Name)[] s_names =
    {
        (PlanningStrategy.Auto, "auto"),
        (PlanningStrategy.Optimal, "optimal"),
        (PlanningStrategy.Greedy, "greedy"),
        (PlanningStrategy.RandomGreedy, "random-greedy"),
        (PlanningStrategy.Reconfigure, "reconfigure"),
        (PlanningStrategy.Hyper, "hyper"),
    };

    public static IContractionPlanner Create(PlanningStrategy strategy) => strategy switch
    {
        PlanningStrategy.Optimal => ExactPlanner.Instance,
        PlanningStrategy.Greedy => GreedyPlanner.Instance,
        PlanningStrategy.RandomGreedy => RandomGreedyPlanner.Instance,
        PlanningStrategy.Reconfigure => SubtreeReconfiguration.Instance,
        PlanningStrategy.Hyper => HyperPlanner.Instance,
        _ => AutoPlanner.Instance,
    };

    public static string NameOf(PlanningStrategy strategy) => s_names.First(n => n.Strategy == strategy).Name;

    /// <summary>Every strategy's name, for messages.</summary>
    public static IEnumerable<string> Names => s_names.Select(n => n.Name);

    /// <summary>Reads a strategy name (case and '-'/'_' insensitive: <c>random-greedy</c>, <c>RandomGreedy</c>).</summary>
    public static bool TryParse(string text, out PlanningStrategy strategy)
    {
        string Normalize(string s) => s.Replace("-", string.Empty).Replace("_", string.Empty).ToUpperInvariant();
        foreach (var (candidate, name) in s_names)
        {
            if (Normalize(name) == Normalize(text) || Normalize(candidate.ToString()) == Normalize(text))
            {
                strategy = candidate;
                return true;
            }
        }

        strategy = PlanningStrategy.Auto;
        return false;
    }
}
