using System.Collections.Generic;
using System.Linq;
using TensorGen.Model;
using TensorGen.Parsing;
using TensorGen.Planning;
using Xunit;
using Xunit.Abstractions;

namespace TensorGen.Tests.Core;

public class ContractionPlanTests(ITestOutputHelper output)
{
    private static EinsumExpression Expr(string text) => EinsumParser.Parse(text).Expression!;

    private static Dictionary<string, long> Sizes(string labels, long size) =>
        labels.Select(c => c.ToString()).Distinct().ToDictionary(l => l, _ => size);

    [Fact]
    public void A_chain_is_lowered_into_pairwise_steps_in_opt_einsums_numbering()
    {
        var sizes = new Dictionary<string, long> { ["a"] = 1000, ["b"] = 10, ["c"] = 1000, ["d"] = 10 };
        var plan = ContractionPlan.Create(Expr("ab,bc,cd->ad"), sizes, GreedyPlanner.Instance);

        Assert.Equal(2, plan.Steps.Count);
        // Greedy contracts bc,cd first (10×10 result) rather than ab,bc (1000×1000).
        Assert.Equal("[(1, 2), (0, 1)]", plan.Path.ToString());
        Assert.Equal("bc,cd->bd", plan.Steps[0].Contraction);
        Assert.Equal((1, 2), (plan.Steps[0].Left, plan.Steps[0].Right));
        Assert.Equal("ab,bd->ad", plan.Steps[1].Contraction);
        Assert.Equal((0, 3), (plan.Steps[1].Left, plan.Steps[1].Right));
        Assert.True(plan.Steps[1].IsFinal);
        Assert.Equal(2.0 * 10 * 1000 * 10 + 2.0 * 1000 * 10 * 10, plan.Flops);
        Assert.Equal(3.0 * 1000 * 10 * 1000 * 10, plan.NaiveFlops); // opt_einsum: (terms − 1) + 1 for the shared indices
    }

    [Fact]
    public void One_operand_is_one_unary_step()
    {
        var plan = ContractionPlan.Create(Expr("iij->ji"), Sizes("ij", 3), GreedyPlanner.Instance);
        var step = Assert.Single(plan.Steps);
        Assert.True(step.IsUnary);
        Assert.Equal("iij->ji", step.Contraction);
        Assert.Equal(ContractionPath.Empty, plan.Path);
    }

    [Fact]
    public void Indices_needed_later_are_kept_and_the_rest_summed()
    {
        var plan = ContractionPlan.Lower(Expr("ij,jk,kl->il"), new ContractionPath(new[] { new PathStep(0, 1) , new PathStep(0, 1) }.ToEquatableArray()), Sizes("ijkl", 4));
        Assert.Equal("ij,jk->ik", plan.Steps[0].Contraction);
        Assert.Equal("kl,ik->il", plan.Steps[1].Contraction);
    }

    [Fact]
    public void Ellipsis_travels_through_the_steps_as_an_index()
    {
        var plan = ContractionPlan.Create(Expr("...ij,...jk,k->...i"), Sizes("ijk", 4).Append(new("...", 4)).ToDictionary(), GreedyPlanner.Instance);
        Assert.All(plan.Steps, s => Assert.Contains("...", s.ResultLabels));
    }

    [Fact]
    public void A_path_that_does_not_fit_is_rejected()
    {
        var tooShort = new ContractionPath(new[] { new PathStep(0, 1) }.ToEquatableArray());
        Assert.Throws<System.ArgumentException>(() => ContractionPlan.Lower(Expr("ij,jk,kl->il"), tooShort, Sizes("ijkl", 4)));
        var outOfRange = new ContractionPath(new[] { new PathStep(0, 5), new PathStep(0, 1) }.ToEquatableArray());
        Assert.Throws<System.ArgumentException>(() => ContractionPlan.Lower(Expr("ij,jk,kl->il"), outOfRange, Sizes("ijkl", 4)));
    }

    public static TheoryData<string> CaseNames() => new(PathCase.Load().Select(c => c.Name));

    /// <summary>
    /// Lowering opt_einsum's own optimal/dp paths must reproduce its cost and largest intermediate exactly:
    /// the cost model is opt_einsum's.
    /// </summary>
    [Theory]
    [MemberData(nameof(CaseNames))]
    public void The_cost_model_reproduces_opt_einsum_on_its_own_paths(string name)
    {
        PathCase c = PathCase.Load().Single(p => p.Name == name);
        var expression = Expr(c.Equation);
        int checkedPaths = 0;
        foreach (var (optimizer, result) in c.Results)
        {
            if (result.Path.Any(step => step.Length != 2))
            {
                continue; // dp's unary "sum out" steps have no pairwise counterpart
            }

            var path = new ContractionPath(result.Path.Select(s => new PathStep(s[0], s[1])).ToEquatableArray());
            var plan = ContractionPlan.Lower(expression, path, c.Sizes);
            Assert.True((decimal)plan.Flops == result.OptCost || result.OptCost > (decimal)(1L << 53),
                $"{optimizer}: ours {plan.Flops:R}, opt_einsum {result.OptCost}");
            Assert.Equal((double)result.LargestIntermediate, plan.LargestIntermediate);
            checkedPaths++;
        }

        Assert.True(checkedPaths > 0);
    }

    /// <summary>Greedy is a heuristic whose ties break differently from opt_einsum's; it must stay close to opt_einsum's greedy.</summary>
    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Greedy_is_comparable_to_opt_einsums_greedy(string name)
    {
        PathCase c = PathCase.Load().Single(p => p.Name == name);
        var plan = ContractionPlan.Create(Expr(c.Equation), c.Sizes, GreedyPlanner.Instance);
        double theirs = (double)c.Results["greedy"].OptCost;
        output.WriteLine($"{name}: ours {plan.Flops:E3}, opt_einsum greedy {theirs:E3}, ratio {plan.Flops / theirs:F3}");
        Assert.True(plan.Flops <= theirs * 1.5, $"ours {plan.Flops:E3} vs opt_einsum greedy {theirs:E3}");
    }
}
