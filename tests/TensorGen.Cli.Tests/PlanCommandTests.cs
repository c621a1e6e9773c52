using System;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using Xunit;

namespace TensorGen.Cli.Tests;

public sealed class PlanCommandTests
{
    private const string Issue248 = "iP,sP,PQ,jQ,tQ,ti,sj->";
    private const string Issue248Sizes = "i=300,j=300,P=2000,Q=2000,s=50,t=50";

    [Fact]
    public void Json_is_one_object_with_the_path_the_exact_cost_and_the_planning_time()
    {
        CliRun run = CliRun.Of("plan", Issue248, "--sizes", Issue248Sizes, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        JsonElement root = json.RootElement;
        Assert.Equal(["path", "flops", "largestIntermediate", "strategy", "seconds"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(6, root.GetProperty("path").GetArrayLength());
        Assert.Equal(924030000, root.GetProperty("flops").GetInt64());
        Assert.Equal(4000000, root.GetProperty("largestIntermediate").GetInt64());
        Assert.Equal("auto", root.GetProperty("strategy").GetString());
        Assert.InRange(root.GetProperty("seconds").GetDouble(), 0, 10);
    }

    [Fact]
    public void Costs_beyond_2_to_the_53_are_printed_exactly()
    {
        // Four indices of 10^5: the one step costs 2·10^20, which a double would round.
        CliRun run = CliRun.Of("plan", "ab,bc->ac", "--sizes", "a=100000,b=100000,c=100000", "--json");

        using JsonDocument json = JsonDocument.Parse(run.Output);
        Assert.Equal("2000000000000000", json.RootElement.GetProperty("flops").GetRawText());
        run = CliRun.Of("plan", "abc,cde->abde", "--sizes", "a=99991,b=99989,c=99971,d=99961,e=99929", "--json");
        using JsonDocument big = JsonDocument.Parse(run.Output);
        BigInteger expected = 2 * (BigInteger)99991 * 99989 * 99971 * 99961 * 99929;
        Assert.Equal(expected.ToString(), big.RootElement.GetProperty("flops").GetRawText());
    }

    [Fact]
    public void A_unary_sum_out_is_a_single_position()
    {
        // 'x' occurs in the first operand only: summing it out first is cheaper than carrying it into the product.
        CliRun run = CliRun.Of("plan", "xa,ab->b", "--sizes", "x=100,a=100,b=2", "--json");

        using JsonDocument json = JsonDocument.Parse(run.Output);
        var path = json.RootElement.GetProperty("path").EnumerateArray().Select(s => s.EnumerateArray().Select(p => p.GetInt32()).ToArray()).ToList();
        Assert.Equal([0], path[0]);
        Assert.Equal(2 * 100 * 100 + (2 * 100 * 2), json.RootElement.GetProperty("flops").GetInt64());
    }

    [Fact]
    public void A_memory_limit_below_every_order_slices_and_reports_the_overhead()
    {
        CliRun run = CliRun.Of("plan", "ab,bc,cd->ad", "--sizes", "a=40,b=60,c=50,d=30", "--memory-limit", "100", "--json");

        using JsonDocument json = JsonDocument.Parse(run.Output);
        JsonElement root = json.RootElement;
        Assert.True(root.GetProperty("largestIntermediate").GetInt64() <= 40 * 30, "the output, per slice, is the largest");
        Assert.NotEqual(0, root.GetProperty("sliced").GetArrayLength());
        Assert.True(root.GetProperty("overhead").GetDouble() >= 1);
        CliRun table = CliRun.Of("plan", "ab,bc,cd->ad", "--sizes", "a=40,b=60,c=50,d=30", "--memory-limit", "100");
        Assert.Contains("Sliced indices:", table.Output);
        Assert.Contains("Slicing's overhead:", table.Output);
    }

    [Fact]
    public void The_table_shows_the_strategy_the_steps_and_the_speedup()
    {
        CliRun run = CliRun.Of("plan", Issue248, "--sizes", Issue248Sizes, "--strategy", "greedy");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Strategy:  greedy", run.Output);
        Assert.Contains("Optimized FLOP count:  9242", run.Output);
        Assert.Contains("Theoretical speedup:", run.Output);
        Assert.Contains("jQ,sj->Qs", run.Output);
    }

    [Fact]
    public void Sizes_come_from_a_json_file_with_any_letter()
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "{\"é\": 3, \"ж\": 4, \"k\": 5}");
            CliRun run = CliRun.Of("plan", "éж,жk->ék", "--sizes-file", file, "--json");

            Assert.Equal(0, run.ExitCode);
            using JsonDocument json = JsonDocument.Parse(run.Output);
            Assert.Equal(2 * 3 * 4 * 5, json.RootElement.GetProperty("flops").GetInt64());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(2, "plan")]
    [InlineData(2, "plan", "ij,jk", "--sizes")]
    [InlineData(2, "plan", "ij,jk", "--sizes", "i=2,j=3,k=4", "--strategy", "best")]
    [InlineData(2, "plan", "ij,jk", "--sizes", "i=2,j=3,k=4", "--minimize", "time")]
    [InlineData(2, "plan", "ij,jk", "--sizes", "i=2,j=3,k=4", "--memory-limit", "-3")]
    [InlineData(2, "plan", "ij,jk", "--sizes", "i=2,j=3,k=4", "--time-limit", "soon")]
    [InlineData(2, "plan", "ij,jk", "--sizes", "i=2,j=x,k=4")]
    [InlineData(2, "plan", "ij,jk", "--sizes", "ij=2")]
    [InlineData(2, "plan", "ij,jk", "--sizes", "i=2,i=3,j=1,k=1")]
    [InlineData(2, "plan", "ij,jk", "--sizes-file", "/no/such/file.json")]
    [InlineData(2, "plan", "ij,jk", "--frobnicate")]
    [InlineData(2, "plan", "ij", "jk", "--sizes", "i=2,j=3,k=4")]
    [InlineData(2, "unplan")]
    [InlineData(1, "plan", "ij,j#", "--sizes", "i=2,j=3")]
    [InlineData(1, "plan", "ij,jk", "--sizes", "i=2")]
    [InlineData(1, "plan", "...i,i", "--sizes", "i=2")]
    public void Bad_arguments_give_a_message_and_a_non_zero_exit_code(int exitCode, params string[] args)
    {
        CliRun run = CliRun.Of(args);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.StartsWith("tensorgen", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    /// <summary>The built tool, run as external tests run it: <c>dotnet TensorGen.Cli.dll plan ...</c>.</summary>
    [Fact]
    public void The_built_dll_runs_as_a_process()
    {
        var (exitCode, output) = CliProcess.Run("plan", Issue248, "--sizes", Issue248Sizes, "--json");

        Assert.Equal(0, exitCode);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal(924030000, json.RootElement.GetProperty("flops").GetInt64());
    }
}
