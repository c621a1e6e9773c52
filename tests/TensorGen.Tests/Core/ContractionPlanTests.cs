using System.Collections.Generic;
using System.Linq;
using System.Numerics;
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
            // Exact integers (opt_einsum's are Python ints), never rounded through double.
            var theirs = new BigInteger(result.OptCost);
            Assert.True(plan.ExactFlops == theirs, $"{optimizer}: ours {plan.ExactFlops}, opt_einsum {theirs}");
            Assert.Equal(theirs, OptEinsumCost.Of(c.Equation, result.Path, c.Sizes));
            Assert.Equal(new BigInteger(result.LargestIntermediate), plan.ExactLargestIntermediate);
            checkedPaths++;
        }

        Assert.True(checkedPaths > 0);
    }

    /// <summary>
    /// Costs above 2⁵³, where a double skips odd integers: the exact cost is opt_einsum's cost model evaluated in BigInteger by the
    /// test's own <see cref="OptEinsumCost"/>, and the plan's exact cost must equal it to the last unit.
    /// </summary>
    [Theory]
    [InlineData("ab,bc,cd->ad", "a=1000003,b=1000033,c=1000037,d=3", "0,1;0,1")]
    [InlineData("ij,jk,kl->", "i=2147483647,j=3,k=2147483629,l=1", "0,1;0,1")]
    [InlineData("ab,cd,bc->ad", "a=100003,b=100019,c=100043,d=7", "0,1;0,1")] // an outer product first: cost ×1, not ×2
    public void Costs_above_2_to_the_53_are_exact(string equation, string sizesText, string pathText)
    {
        var sizes = sizesText.Split(',').Select(e => e.Split('=')).ToDictionary(e => e[0], e => long.Parse(e[1], System.Globalization.CultureInfo.InvariantCulture));
        int[][] path = pathText.Split(';').Select(step => step.Split(',').Select(i => int.Parse(i, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray();
        BigInteger exact = OptEinsumCost.Of(equation, path, sizes);
        Assert.True(exact > BigInteger.One << 53 && (BigInteger)(double)exact != exact, $"{exact} is not a cost a double misses");

        var plan = ContractionPlan.Lower(Expr(equation), new ContractionPath(path.Select(s => new PathStep(s[0], s[1])).ToEquatableArray()), sizes);

        Assert.Equal(exact, plan.ExactFlops);
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
