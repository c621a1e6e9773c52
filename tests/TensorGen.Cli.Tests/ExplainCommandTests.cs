using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace TensorGen.Cli.Tests;

/// <summary><c>tensorgen explain</c>: the generated kernel's plan, each step's family and reason, estimated and measured times.</summary>
public sealed class ExplainCommandTests
{
    private static string[] StepRows(string output) =>
        output.Split('\n').SkipWhile(l => !l.StartsWith("step  contraction")).Skip(1).TakeWhile(l => l.Length > 0).ToArray();

    [Fact]
    public void Each_step_gets_the_generators_family_its_reason_and_two_times()
    {
        // A matrix chain: each step is a GEMM by the cost model (i below the batched chain's 32, tiles ≪ multiply-adds).
        CliRun run = CliRun.Of("explain", "ij,jk,kl->il", "--sizes", "i=16,j=96,k=8,l=96", "--budget", "0.01");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Path:  [(0, 1), (0, 1)]", run.Output);
        Assert.Contains("Kernel families (the generated file's header):", run.Output);
        string[] rows = StepRows(run.Output);
        Assert.Equal(2, rows.Length);
        foreach (string row in rows)
        {
            Assert.Matches(new Regex(@"GEMM engine\s+\d+(\.\d+)? (ns|us|ms)\s+\d+(\.\d+)? (ns|us|ms|s)\s+GEMM engine ~\d+ cycles < loop nest ~\d+"), row);
        }

        Assert.Matches(new Regex(@"Whole kernel: \d+(\.\d+)? (ns|us|ms|s) measured"), run.Output);
    }

    [Fact]
    public void Small_steps_are_unrolled_and_say_why()
    {
        CliRun run = CliRun.Of("explain", "ij,jk->ik", "--sizes", "i=3,j=3,k=3", "--budget", "0.01", "--type", "double");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("27 multiply-adds <= 2048 and 9 results <= 256", StepRows(run.Output).Single());
    }

    [Fact]
    public void A_fused_kernel_is_named()
    {
        CliRun run = CliRun.Of("explain", "ijk,jr,kr->ir", "--sizes", "i=16,j=16,k=16,r=4", "--budget", "0.01");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("fused MTTKRP", run.Output);
        Assert.Contains("it runs as one fused MTTKRP kernel instead of the steps", run.Output);
    }

    [Theory]
    [InlineData("explain", "ij,jk->ik")]
    [InlineData("explain", "ij,jk->ik", "--sizes", "i=2")]
    [InlineData("explain", "ij,j#->i", "--sizes", "i=2,j=2,#=2")]
    public void Input_that_cannot_be_explained_is_exit_code_1(params string[] args)
    {
        CliRun run = CliRun.Of(args);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("tensorgen explain: ", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }
}
