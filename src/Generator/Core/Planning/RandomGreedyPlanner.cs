namespace TensorGen.Planning;

/// <summary>
/// opt_einsum's <c>RandomGreedy</c> with cotengra's sampled cost: trial 0 is plain greedy; every later trial
/// scores candidates by size(result) − α·(size(left) + size(right)) with α drawn per trial, jitters each score by
/// a factor N(1, 0.01), and picks among the best 8 candidates with Boltzmann weights at a temperature drawn per
/// trial. The best tree of all trials is kept. Trials are seeded from the options' seed, so plans reproduce.
/// </summary>
internal sealed class RandomGreedyPlanner : IContractionPlanner
{
    /// <summary>opt_einsum's default number of repeats.</summary>
    public const int DefaultTrials = 128;

    public static RandomGreedyPlanner Instance { get; } = new();

    public ContractionTree Plan(ContractionNetwork network, PlanningOptions options) =>
        Run(network, options, new PlanningBudget(options.TimeLimit), DefaultTrials);

    /// <summary>Up to <paramref name="trials"/> greedy runs, while the budget lasts (trial 0 always runs).</summary>
    internal static ContractionTree Run(ContractionNetwork network, PlanningOptions options, PlanningBudget budget, int trials)
    {
        ContractionTree best = GreedyPlanner.Run(network, GreedyTrial.Plain, null, out long work);
        budget.Spend(work);
        for (int r = 1; r < trials && network.InputCount > 2 && !budget.IsExhausted; r++)
        {
            var random = new SplitMix64(options.Seed ^ ((ulong)r * 0xD1B54A32D192ED03UL));
            // α in [0.5, 2): below 1 favours big operands, above 1 small results; temperature log-uniform in [0.001, 1).
            var trial = new GreedyTrial(random.Uniform(0.5, 2.0), System.Math.Pow(10, random.Uniform(-3, 0)), jitter: 0.01);
            ContractionTree tree = GreedyPlanner.Run(network, trial, random, out work);
            budget.Spend(work);
            if (tree.IsBetterThan(best, options))
            {
                best = tree;
            }
        }

        return best;
    }
}
