using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace TensorGen.Cli.Tests;

/// <summary><c>tensorgen plan --network file.json</c> (cotengra's format) and opt_einsum's index characters.</summary>
public sealed class NetworkCommandTests
{
    private static CliRun WithFile(string contents, Func<string, CliRun> run)
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, contents);
            return run(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_network_file_is_planned_with_names_of_any_length()
    {
        // 'bond_1' (3) is summed: one step over a, bond_1 and × costs 2·2·3·4.
        const string Network = """{"inputs": [["a", "bond_1"], ["bond_1", "×"]], "output": ["a", "×"], "size_dict": {"a": 2, "bond_1": 3, "×": 4}}""";
        CliRun run = WithFile(Network, file => CliRun.Of("plan", "--network", file, "--json"));

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        Assert.Equal(2 * 2 * 3 * 4, json.RootElement.GetProperty("flops").GetInt64());
    }

    [Fact]
    public void Sliced_indices_are_reported_by_the_files_names()
    {
        // A triangle of 100-wide bonds: the intermediate has 10^4 elements, so a limit of 100 slices one bond.
        const string Network = """
            {"inputs": [["left", "mid"], ["mid", "right"], ["right", "left"]], "output": [],
             "size_dict": {"left": 100, "mid": 100, "right": 100}}
            """;
        CliRun run = WithFile(Network, file => CliRun.Of("plan", "--network", file, "--json", "--memory-limit", "100"));

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        string[] sliced = json.RootElement.GetProperty("sliced").EnumerateArray().Select(s => s.GetString()!).ToArray();
        Assert.NotEmpty(sliced);
        Assert.All(sliced, name => Assert.Contains(name, new[] { "left", "mid", "right" }));
        Assert.True(json.RootElement.GetProperty("slices").GetDouble() >= 100);
    }

    [Fact]
    public void Indices_may_be_any_character_opt_einsum_accepts()
    {
        // opt_einsum.get_symbol(i) gives non-letters such as '×' (U+00D7) and '÷' past the first 52 indices; digits and '#' too.
        CliRun run = WithFile("""{"a": 2, "×": 3, "÷": 4, "7": 5}""",
            file => CliRun.Of("plan", "a×,×÷7->a÷7", "--sizes-file", file, "--json"));

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        Assert.Equal(2 * 2 * 3 * 4 * 5, json.RootElement.GetProperty("flops").GetInt64());
        Assert.Equal(0, CliRun.Of("plan", "i#,#k->ik", "--sizes", "i=2,#=3,k=4", "--json").ExitCode);
    }

    [Theory]
    [InlineData("""{"inputs": [["a"]], "size_dict": {}}""")]
    [InlineData("""{"inputs": "ab", "size_dict": {"a": 2}}""")]
    [InlineData("""{"inputs": [["a", 1]], "size_dict": {"a": 2}}""")]
    [InlineData("""{"inputs": [["a"]], "size_dict": {"a": -2}}""")]
    [InlineData("""{"inputs": [["a"]], """)]
    [InlineData("""[1, 2]""")]
    public void A_malformed_network_file_is_a_usage_error(string contents)
    {
        CliRun run = WithFile(contents, file => CliRun.Of("plan", "--network", file));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("tensorgen plan: ", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void A_network_goes_without_an_expression_or_sizes()
    {
        const string Network = """{"inputs": [["a", "b"], ["b"]], "output": ["a"], "size_dict": {"a": 2, "b": 3}}""";

        Assert.Equal(2, WithFile(Network, file => CliRun.Of("plan", "ab,b->a", "--network", file)).ExitCode);
        Assert.Equal(2, WithFile(Network, file => CliRun.Of("plan", "--network", file, "--sizes", "a=2")).ExitCode);
        Assert.Equal(2, CliRun.Of("plan", "--network", "/no/such/network.json").ExitCode);
    }
}
