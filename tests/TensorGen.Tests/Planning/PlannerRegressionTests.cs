using System.Collections.Generic;
using System.Linq;
using TensorGen.Parsing;
using TensorGen.Planning;
using Xunit;

namespace TensorGen.Tests.Planning;

/// <summary>Known failures of other planners that TensorGen must not repeat.</summary>
public sealed class PlannerRegressionTests
{
    private static ContractionNetwork Network(string expression, Dictionary<string, long> sizes) =>
        ContractionPlan.Network(EinsumParser.Parse(expression).Expression!, sizes);

    /// <summary>
    /// opt_einsum issue #248: on this network opt_einsum's <c>optimal</c> returned a path costing 1.8·10¹¹ while greedy's
    /// costs 9.24·10⁸. Every strategy must give the cheap plan.
    /// </summary>
    [Theory]
    [InlineData("auto")]
    [InlineData("optimal")]
    [InlineData("greedy")]
    [InlineData("random-greedy")]
    [InlineData("reconfigure")]
    public void The_opt_einsum_248_network_gets_the_cheap_plan(string strategyName)
    {
        Assert.True(Planners.TryParse(strategyName, out PlanningStrategy strategy));
        var sizes = new Dictionary<string, long> { ["i"] = 300, ["j"] = 300, ["P"] = 2000, ["Q"] = 2000, ["s"] = 50, ["t"] = 50 };
        ContractionTree tree = Planners.Create(strategy).Plan(Network("iP,sP,PQ,jQ,tQ,ti,sj->", sizes), PlanningOptions.Default);

        Assert.True(tree.Flops <= 9.24e8 * 1.0005, $"{strategy}: {tree.ExactFlops} ({tree.ToPath()})");
    }
}
