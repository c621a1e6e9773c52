using System.Linq;
using Xunit;

namespace TensorGen.Cli.Tests;

/// <summary>The command tree as System.CommandLine parses it: --version, --help on every command, usage errors.</summary>
public sealed class CommandLineTests
{
    private static readonly string[] s_commands = ["plan", "emit", "explain", "bench"];

    public static TheoryData<string> Commands() => new(s_commands);

    /// <summary>--version prints the entry assembly's version, so it is run as the tool runs: <c>dotnet TensorGen.Cli.dll --version</c>.</summary>
    [Fact]
    public void Version_prints_the_tools_version()
    {
        var (exitCode, output) = CliProcess.Run("--version");

        Assert.Equal(0, exitCode);
        string expected = typeof(ExitCodes).Assembly.GetName().Version!.ToString(3);
        Assert.StartsWith(expected, output.Trim());
    }

    [Fact]
    public void Root_help_lists_every_command_and_the_exit_codes()
    {
        CliRun run = CliRun.Of("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (string command in s_commands)
        {
            Assert.Contains(command, run.Output);
        }

        Assert.Contains("Exit codes: 0 success, 1 ", run.Output);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_has_help(string command)
    {
        CliRun run = CliRun.Of(command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Output);
        Assert.Matches($@"\s{command} [\[<]", run.Output);
        Assert.Contains("Options:", run.Output);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public void Plan_help_maps_every_opt_einsum_strategy_name()
    {
        CliRun run = CliRun.Of("plan", "-h");

        foreach (string name in new[] { "optimal", "dp", "greedy", "branch-all", "branch-2", "branch-1", "random-greedy", "random-greedy-128", "auto", "auto-hq" })
        {
            Assert.Matches($@"\n\s+{name}\s+->\s+\S+", run.Output);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("frobnicate")]
    [InlineData("plan", "ij", "--strategy")]
    [InlineData("emit")]
    [InlineData("emit", "ij->i", "--type", "int")]
    [InlineData("explain", "ij,jk", "--sizes", "i=2,j=x")]
    [InlineData("bench", "ij,jk", "--sizes", "i=2,j=2,k=2", "--threads", "0")]
    [InlineData("bench", "ij,jk", "--sizes", "i=2,j=2,k=2", "--peak", "-1")]
    [InlineData("bench", "ij,jk", "--sizes", "i=2,j=2,k=2", "--budget", "0")]
    public void A_command_line_that_cannot_be_read_is_exit_code_2_with_a_message(params string[] args)
    {
        CliRun run = CliRun.Of(args.Where(a => a.Length > 0).ToArray());

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.StartsWith("tensorgen", run.Error);
        Assert.Contains("--help", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Theory]
    [InlineData("tensorgen: 'plna': did you mean 'plan'?", "plna")]
    [InlineData("tensorgen: 'benhc': did you mean 'bench'?", "benhc")]
    [InlineData("tensorgen plan: '--sizs': did you mean '--sizes'?", "plan", "ij", "--sizs", "i=2")]
    [InlineData("tensorgen plan: '--strat': did you mean '--strategy'?", "plan", "ij", "--strat", "dp")]
    public void A_mistyped_command_or_option_gets_a_suggestion(string suggestion, params string[] args)
    {
        CliRun run = CliRun.Of(args);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(suggestion + "\n", run.Error);
    }
}
