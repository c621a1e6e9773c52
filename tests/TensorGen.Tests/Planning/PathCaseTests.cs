using System;
using System.Diagnostics;
using System.Linq;
using System.Numerics;
using TensorGen.Parsing;
using TensorGen.Planning;
using TensorGen.Tests.Core;
using Xunit;
using Xunit.Abstractions;

namespace TensorGen.Tests.Planning;

/// <summary>The planners on opt_einsum's reference networks (Conformance/path_cases.json).</summary>
public sealed class PathCaseTests(ITestOutputHelper output)
{
    public static TheoryData<string> CaseNames() => new(PathCase.Load().Select(c => c.Name));

    private static ContractionNetwork Network(PathCase c) =>
        ContractionPlan.Network(EinsumParser.Parse(c.Equation).Expression!, c.Sizes);

    /// <summary>
    /// Auto's tree costs no more than the best path any of opt_einsum's optimizers found (optimal, dp, greedy,
    /// branch-2, random-greedy-128), planned within the default time limit.
    /// </summary>
    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Auto_is_at_least_as_good_as_the_best_opt_einsum_path_within_the_time_limit(string name)
    {
        PathCase c = PathCase.Load().Single(p => p.Name == name);
        ContractionNetwork network = Network(c);
        var clock = Stopwatch.StartNew();
        ContractionTree tree = AutoPlanner.Instance.Plan(network, PlanningOptions.Default);
        double seconds = clock.Elapsed.TotalSeconds;

        var (bestName, best) = c.Results.OrderBy(r => r.Value.OptCost).Select(r => (r.Key, r.Value)).First();
        output.WriteLine($"{name}: auto {tree.ExactFlops} in {seconds:F3} s; best opt_einsum {best.OptCost} ({bestName})");
        Assert.True((decimal)tree.ExactFlops <= best.OptCost, $"auto {tree.ExactFlops} > {bestName} {best.OptCost}");
        // The work budget is about 1 s of an idle core; the clock stops any search at ClockAllowance × the limit, so even
        // a loaded CI machine stays under this bound (and gets the same plan).
        Assert.True(seconds < (PlanningBudget.ClockAllowance * PlanningOptions.DefaultTimeLimit.TotalSeconds) + 1, $"planning took {seconds:F2} s");
    }

    /// <summary>Greedy is opt_einsum's algorithm with opt_einsum's tie-breaks: the same cost on every case.</summary>
    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Greedy_reproduces_opt_einsums_greedy(string name)
    {
        PathCase c = PathCase.Load().Single(p => p.Name == name);
        ContractionTree tree = GreedyPlanner.Instance.Plan(Network(c), PlanningOptions.Default);
        Assert.Equal(c.Results["greedy"].OptCost, (decimal)tree.ExactFlops);
        Assert.Equal(c.Results["greedy"].LargestIntermediate, (decimal)tree.LargestIntermediate);
    }

    /// <summary>The exact planner reaches opt_einsum's optimal and dp costs, or beats them.</summary>
    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Exact_reaches_opt_einsums_optimal_and_dp(string name)
    {
        PathCase c = PathCase.Load().Single(p => p.Name == name);
        // Exactness has no time bound; a generous limit lets it finish on a loaded machine.
        ContractionTree tree = ExactPlanner.Instance.Plan(Network(c), new PlanningOptions(timeLimit: TimeSpan.FromSeconds(60)));
        decimal exact = c.Results.Where(r => r.Key is "optimal" or "dp").Min(r => r.Value.OptCost);
        output.WriteLine($"{name}: exact {tree.ExactFlops}, opt_einsum {exact}");
        Assert.True((decimal)tree.ExactFlops <= exact);
    }

    /// <summary>
    /// Under the run-time limit (100 ms, as Einsum.Evaluate plans) the exact search over every subset cannot finish 14
    /// operands; Auto then gives the rest of its budget to random greedy and reconfiguration rather than returning greedy's
    /// tree (135,504 here, the optimum 93,168): at least as good as opt_einsum's random-greedy-128 (96,840).
    /// </summary>
    [Fact]
    public void Under_the_run_time_limit_auto_beats_greedy_where_the_exact_search_cannot_finish()
    {
        PathCase c = PathCase.Load().Single(p => p.Name == "rand_eq_n14_reg3_out2");

        ContractionTree tree = AutoPlanner.Instance.Plan(Network(c), new PlanningOptions(timeLimit: TimeSpan.FromMilliseconds(100)));

        output.WriteLine($"auto (100 ms) {tree.ExactFlops}; greedy {c.Results["greedy"].OptCost}; random-greedy-128 {c.Results["random-greedy-128"].OptCost}");
        Assert.True((decimal)tree.ExactFlops <= c.Results["random-greedy-128"].OptCost, $"auto (100 ms) {tree.ExactFlops}");
    }
}
