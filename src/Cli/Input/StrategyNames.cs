using System;
using System.Collections.Generic;
using System.Linq;
using TensorGen.Planning;

namespace TensorGen.Cli.Input;

/// <summary>
/// The names <c>--strategy</c> takes: TensorGen's own (<see cref="Planners"/>) and opt_einsum's <c>optimize=</c> names,
/// each mapped to the nearest TensorGen planner (the help text and docs/guide/cli.md print this table).
/// </summary>
internal static class StrategyNames
{
    /// <summary>opt_einsum's names (opt_einsum/paths.py, <c>_PATH_OPTIONS</c>), what each maps to, and why.</summary>
    public static readonly IReadOnlyList<(string Name, PlanningStrategy Strategy, string Why)> OptEinsum =
    [
        ("optimal", PlanningStrategy.Optimal, "exhaustive search; TensorGen's exact dynamic program finds the same optimum"),
        ("dp", PlanningStrategy.Optimal, "dynamic programming over connected subsets: TensorGen's exact planner is that algorithm"),
        ("branch-all", PlanningStrategy.Optimal, "exhaustive branch and bound: the optimum, which the exact planner finds"),
        ("branch-2", PlanningStrategy.RandomGreedy, "a greedy search that keeps the 2 best candidates per step: sampled greedy trials"),
        ("branch-1", PlanningStrategy.Greedy, "a greedy search that keeps the best candidate per step: greedy"),
        ("greedy", PlanningStrategy.Greedy, "the same greedy heuristic"),
        ("random-greedy", PlanningStrategy.RandomGreedy, "the same Boltzmann-sampled greedy, best of the trials run in the time limit"),
        ("random-greedy-128", PlanningStrategy.RandomGreedy, "random greedy; TensorGen runs trials until the time limit instead of 128"),
        ("auto", PlanningStrategy.Auto, "TensorGen's auto: exact for small networks, hyper search above, never worse than greedy"),
        ("auto-hq", PlanningStrategy.Auto, "TensorGen's auto already searches at least as hard as auto-hq (exact where auto-hq is)"),
    ];

    /// <summary>Every accepted name, TensorGen's first.</summary>
    public static IEnumerable<string> All => Planners.Names.Concat(OptEinsum.Select(o => o.Name)).Distinct(StringComparer.Ordinal);

    /// <summary>Reads a TensorGen or opt_einsum strategy name (TensorGen's are case and '-'/'_' insensitive).</summary>
    public static bool TryParse(string text, out PlanningStrategy strategy)
    {
        foreach (var (name, mapped, _) in OptEinsum)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                strategy = mapped;
                return true;
            }
        }

        return Planners.TryParse(text, out strategy);
    }

    /// <summary>How the plan names its strategy: TensorGen's name, with the opt_einsum name it was asked for when that differs.</summary>
    public static string Describe(string asked, PlanningStrategy strategy)
    {
        string ours = Planners.NameOf(strategy);
        return string.Equals(asked, ours, StringComparison.OrdinalIgnoreCase) || Planners.TryParse(asked, out _) ? ours : $"{ours} (opt_einsum's {asked})";
    }

    /// <summary>The help text's table of opt_einsum names.</summary>
    public static string HelpTable() =>
        string.Join("\n", OptEinsum.Select(o => $"  {o.Name,-18} -> {Planners.NameOf(o.Strategy),-14} {o.Why}"));
}
