using System.Linq;
using System.Text.Json;
using Xunit;

namespace TensorGen.Cli.Tests;

/// <summary><c>plan</c>'s additions: opt_einsum's strategy names, <c>--path</c>, <c>--shapes</c> and <c>...</c>.</summary>
public sealed class PlanOptionTests
{
    private const string Chain = "ij,jk,kl->il";
    private const string ChainSizes = "i=10,j=20,k=30,l=40";

    private static JsonElement Json(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        return json.RootElement.Clone();
    }

    [Theory]
    [InlineData("optimal", "optimal")]
    [InlineData("dp", "optimal")]
    [InlineData("branch-all", "optimal")]
    [InlineData("branch-2", "random-greedy")]
    [InlineData("branch-1", "greedy")]
    [InlineData("greedy", "greedy")]
    [InlineData("random-greedy", "random-greedy")]
    [InlineData("random-greedy-128", "random-greedy")]
    [InlineData("auto", "auto")]
    [InlineData("auto-hq", "auto")]
    [InlineData("RandomGreedy", "random-greedy")]
    public void Opt_einsum_strategy_names_run_the_nearest_planner(string name, string planner)
    {
        JsonElement plan = Json(CliRun.Of("plan", Chain, "--sizes", ChainSizes, "--strategy", name, "--json", "--time-limit", "0.2"));

        Assert.Equal(planner, plan.GetProperty("strategy").GetString());
        // The same plan as the planner asked for by TensorGen's name.
        JsonElement direct = Json(CliRun.Of("plan", Chain, "--sizes", ChainSizes, "--strategy", planner, "--json", "--time-limit", "0.2"));
        Assert.Equal(direct.GetProperty("path").GetRawText(), plan.GetProperty("path").GetRawText());
        Assert.Equal(direct.GetProperty("flops").GetInt64(), plan.GetProperty("flops").GetInt64());
    }

    [Fact]
    public void The_table_names_the_opt_einsum_strategy_asked_for()
    {
        CliRun run = CliRun.Of("plan", Chain, "--sizes", ChainSizes, "--strategy", "dp");

        Assert.Contains("Strategy:  optimal (opt_einsum's dp)", run.Output);
    }

    [Theory]
    [InlineData("1,2;0,1")]
    [InlineData("[(1, 2), (0, 1)]")]
    [InlineData("[[1,2],[0,1]]")]
    public void A_given_path_is_costed_as_given(string path)
    {
        // (jk,kl) first: 2·20·30·40, then (ij,jl): 2·10·20·40 — worse than the optimum, and reported as such.
        JsonElement plan = Json(CliRun.Of("plan", Chain, "--sizes", ChainSizes, "--path", path, "--json"));

        Assert.Equal("path", plan.GetProperty("strategy").GetString());
        Assert.Equal([[1, 2], [0, 1]], plan.GetProperty("path").EnumerateArray().Select(s => s.EnumerateArray().Select(p => p.GetInt32()).ToArray()).ToArray());
        Assert.Equal((2 * 20 * 30 * 40) + (2 * 10 * 20 * 40), plan.GetProperty("flops").GetInt64());
    }

    [Fact]
    public void A_path_may_sum_an_index_out_first()
    {
        // x occurs in operand 0 only: "0;0,1" sums it out (2·100·100... as opt_einsum counts a unary step: the product of its sizes), then contracts.
        JsonElement plan = Json(CliRun.Of("plan", "xa,ab->b", "--sizes", "x=100,a=100,b=2", "--path", "0;0,1", "--json"));

        Assert.Equal(2 * 100 * 100 + (2 * 100 * 2), plan.GetProperty("flops").GetInt64());
    }

    [Theory]
    [InlineData(2, "0,x")]
    [InlineData(2, "0,1,2")]
    [InlineData(1, "0,5;0,1")]
    [InlineData(1, "0,1")]
    public void A_bad_path_is_an_error(int exitCode, string path)
    {
        CliRun run = CliRun.Of("plan", Chain, "--sizes", ChainSizes, "--path", path);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.StartsWith("tensorgen plan: ", run.Error);
        Assert.Contains("path", run.Error);
    }

    [Fact]
    public void Shapes_give_the_same_plan_as_sizes()
    {
        JsonElement bySizes = Json(CliRun.Of("plan", Chain, "--sizes", ChainSizes, "--json"));
        JsonElement byShapes = Json(CliRun.Of("plan", Chain, "--shapes", "10,20;20,30;30,40", "--json"));

        Assert.Equal(bySizes.GetProperty("flops").GetInt64(), byShapes.GetProperty("flops").GetInt64());
        Assert.Equal(bySizes.GetProperty("path").GetRawText(), byShapes.GetProperty("path").GetRawText());
    }

    [Fact]
    public void An_ellipsis_is_planned_with_its_shapes()
    {
        // Batch 5 broadcast across both: one step over batch, i, j, k: 2·5·2·3·4.
        CliRun run = CliRun.Of("plan", "...ij,...jk->...ik", "--shapes", "5,2,3;5,3,4", "--json");

        Assert.Equal(2 * 5 * 2 * 3 * 4, Json(run).GetProperty("flops").GetInt64());
        Assert.Contains("\"...\" is written out as", run.Error);
    }

    [Fact]
    public void A_broadcast_dimension_of_size_one_adds_no_cost()
    {
        // The second operand's batch dimension is 1: it does not vary along the batch, as numpy broadcasts it.
        JsonElement broadcast = Json(CliRun.Of("plan", "...ij,...jk->...ik", "--shapes", "7,5,2,3;1,5,3,4", "--json"));
        JsonElement implicitOutput = Json(CliRun.Of("plan", "...ij,...jk", "--shapes", "7,5,2,3;5,3,4", "--json"));

        Assert.Equal(2 * 7 * 5 * 2 * 3 * 4, broadcast.GetProperty("flops").GetInt64());
        Assert.Equal(2 * 7 * 5 * 2 * 3 * 4, implicitOutput.GetProperty("flops").GetInt64());
    }

    [Theory]
    [InlineData(1, "...ij,...jk->...ik", "5,2,3;4,3,4")]
    [InlineData(1, "ij,jk->ik", "2,3;4,4")]
    [InlineData(1, "ij,jk->ik", "2,3")]
    [InlineData(1, "ij,jk->ik", "2,3,4;3,4")]
    [InlineData(2, "ij,jk->ik", "2,x;3,4")]
    public void Shapes_that_do_not_fit_are_an_error(int exitCode, string expression, string shapes)
    {
        CliRun run = CliRun.Of("plan", expression, "--shapes", shapes);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.StartsWith("tensorgen plan: ", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void Shapes_and_sizes_must_agree()
    {
        Assert.Equal(0, CliRun.Of("plan", "ij,jk->ik", "--shapes", "2,3;3,4", "--sizes", "i=2").ExitCode);
        CliRun run = CliRun.Of("plan", "ij,jk->ik", "--shapes", "2,3;3,4", "--sizes", "i=5");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'i'", run.Error);
    }
}
