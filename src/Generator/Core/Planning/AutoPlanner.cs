namespace TensorGen.Planning;

/// <summary>
/// The default strategy: the best tree it can find within the time limit, never worse than greedy's.
/// <list type="number">
/// <item><description>Greedy (milliseconds even for hundreds of operands): the tree to beat.</description></item>
/// <item><description>Up to <see cref="SubsetDynamicProgram.MaxOperands"/> operands: the exact search over every subset, outer
/// products included — the optimum; planning stops. If it cannot finish in 90% of the budget, random greedy and
/// reconfiguration use the rest.</description></item>
/// <item><description>Larger networks: the hyper-optimizing search (<see cref="HyperPlanner"/>: tuned random greedy, then simulated
/// annealing, slicing searched with the tree under a memory limit) finds a good tree with 30% of the budget; its score caps the
/// exact search over connected subsets (<see cref="ExactPlanner"/>), which then proves or improves it with most of the rest;
/// when that search cannot run or finish, the hyper search goes on from the best tree with what is left.</description></item>
/// <item><description>Every candidate is compared with the best so far, greedy's included, and the better kept, so that a
/// search restricted to some class of trees can never return a worse plan (opt_einsum issue #248, where its
/// <c>optimal</c> returned a path 198× worse than greedy's).</description></item>
/// </list>
/// </summary>
internal sealed class AutoPlanner : IContractionPlanner
{
    public static AutoPlanner Instance { get; } = new();

    public ContractionTree Plan(ContractionNetwork network, PlanningOptions options) => Run(network, options, new PlanningBudget(options.TimeLimit));

    /// <summary>The plan within <paramref name="budget"/> (a work budget without a clock gives the same plan under any load).</summary>
    internal static ContractionTree Run(ContractionNetwork network, PlanningOptions options, PlanningBudget budget)
    {
        ContractionTree best = GreedyPlanner.Run(network, GreedyTrial.Plain, null, out long work);
        budget.Spend(work);
        if (network.InputCount == 1)
        {
            return best;
        }

        if (network.InputCount <= SubsetDynamicProgram.MaxOperands || network.HasEmptyIndex)
        {
            // The exact search over every subset gets most of the budget. When it cannot finish — a short limit, as at run
            // time (100 ms: 14 operands need more) — the rest goes to the heuristics, so the plan is not simply greedy's.
            PlanningBudget subsetBudget = budget.Slice(0.9);
            ContractionTree? optimum = ExactPlanner.TryPlan(network, options, subsetBudget, Bound(best, options));
            if (!subsetBudget.IsExhausted || network.HasEmptyIndex)
            {
                return Better(best, optimum, options);
            }

            best = Better(best, RandomGreedyPlanner.Run(network, options, budget.Slice(0.5), RandomGreedyPlanner.DefaultTrials), options);
            return SubtreeReconfiguration.Improve(best, options, budget.Slice(1.0), SubtreeReconfiguration.DefaultSubtreeSize);
        }

        // The hyper-optimizing search first: its tree caps the exact search, and is the answer when that search cannot run or
        // finish — then the search goes on from it with what is left.
        bool searchable = ExactPlanner.CanSearch(network);
        best = HyperPlanner.Run(network, options, budget.Slice(searchable ? 0.3 : 1.0), best);
        if (searchable)
        {
            PlanningBudget exactBudget = budget.Slice(0.9);
            ContractionTree? exact = ExactPlanner.TryPlan(network, options, exactBudget, Bound(best, options));
            if (!exactBudget.IsExhausted)
            {
                // The search finished: nothing without outer products beats its tree (or, when it found none, the bound).
                return Better(best, exact, options);
            }

            best = HyperPlanner.Run(network, options, budget.Slice(1.0), best);
        }

        return best;
    }

    /// <summary>The score a new tree must reach to matter: the best tree's (sliced, when it must be, to fit the memory limit).</summary>
    private static double Bound(ContractionTree best, PlanningOptions options) => best.EffectiveScore(options).Primary;

    private static ContractionTree Better(ContractionTree best, ContractionTree? candidate, PlanningOptions options) =>
        candidate is not null && candidate.IsBetterThan(best, options) ? candidate : best;
}
