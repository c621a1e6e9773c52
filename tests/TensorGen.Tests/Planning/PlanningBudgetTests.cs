using System;
using System.Collections.Generic;
using System.Linq;
using TensorGen.Planning;
using Xunit;

namespace TensorGen.Tests.Planning;

/// <summary>The planners' deterministic budget, and the subset search's own limit on its table.</summary>
public sealed class PlanningBudgetTests
{
    [Fact]
    public void An_abandoned_phase_is_spent_but_the_budget_it_was_sliced_from_is_not()
    {
        var whole = new PlanningBudget(TimeSpan.FromSeconds(1));
        PlanningBudget phase = whole.Slice(0.5);

        phase.Abandon();

        Assert.True(phase.IsExhausted);
        Assert.False(whole.IsExhausted);
        Assert.False(whole.Slice(0.5).IsExhausted);
    }

    [Fact]
    public void The_subset_search_stops_when_its_connected_sets_outgrow_the_table()
    {
        // Every pair of 24 inputs shares an index: every one of the 2^24 subsets is connected, and with a generous
        // budget the search would list far more of them than it keeps.
        const int Inputs = 24;
        var terms = Enumerable.Range(0, Inputs).Select(_ => new List<string>()).ToList();
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        for (int a = 0; a < Inputs; a++)
        {
            for (int b = a + 1; b < Inputs; b++)
            {
                string label = $"k{a}_{b}";
                terms[a].Add(label);
                terms[b].Add(label);
                sizes[label] = 2;
            }
        }

        var network = new ContractionNetwork(terms.Select(t => (IReadOnlyList<string>)t).ToList(), [], sizes);
        var budget = new PlanningBudget(TimeSpan.FromSeconds(60));

        PlanShape? shape = ConnectedSubsetSearch.Solve(network, PlanningObjective.Flops, null, double.MaxValue, budget);

        Assert.Null(shape);
        Assert.True(budget.IsExhausted);
        Assert.True(budget.Work < 60 * PlanningBudget.UnitsPerSecond, $"work {budget.Work}");
    }
}
