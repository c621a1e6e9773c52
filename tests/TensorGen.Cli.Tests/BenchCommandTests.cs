using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace TensorGen.Cli.Tests;

/// <summary><c>tensorgen bench</c>: every row measured on the same operands, TensorGen's results checked against the naive loop.</summary>
public sealed class BenchCommandTests
{
    private static readonly Regex s_row = new(@"^  (?<tool>.+?)\s{2,}(?<median>\d+(\.\d+)? (ns|us|ms|s))\s+(?<gflops>\d+\.\d+)\s+(?<peak>\d+\.\d)%\s+(?<threads>\d+)\s+(?<speedup>\S+)\s+(?<error>\S+)$",
        RegexOptions.Multiline);

    [Fact]
    public void An_expression_is_timed_by_every_tool_and_checked()
    {
        CliRun run = CliRun.Of("bench", "ij,jk->ik", "--sizes", "i=32,j=32,k=32", "--budget", "0.01", "--peak", "222", "--threads", "1", "--no-numpy");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("FLOPs per call: 65536", run.Output);
        Assert.Contains("peak 222.0 GFLOP/s per core (--peak)", run.Output);
        var rows = s_row.Matches(run.Output).ToDictionary(m => m.Groups["tool"].Value.Trim(), m => m);
        Assert.Equal(["naive loop (double, 1 thread)", "TensorGen static (generated kernel)", "TensorGen dynamic (Einsum.Evaluate)"], rows.Keys);
        foreach (string tensorGen in rows.Keys.Where(k => k.StartsWith("TensorGen")))
        {
            Assert.True(double.Parse(rows[tensorGen].Groups["error"].Value, System.Globalization.CultureInfo.InvariantCulture) < 1e-5);
        }
    }

    [Fact]
    public void An_ellipsis_is_benchmarked_with_shapes_in_double()
    {
        CliRun run = CliRun.Of("bench", "...ij,...j->...i", "--shapes", "4,3,5;4,5", "--type", "double", "--budget", "0.01", "--peak", "100", "--no-numpy");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("peak 50.0 GFLOP/s per core", run.Output);
        Assert.Equal(3, s_row.Matches(run.Output).Count);
    }

    [Fact]
    public void Numpy_is_timed_where_it_is_installed()
    {
        CliRun run = CliRun.Of("bench", "ij,jk->ik", "--sizes", "i=16,j=16,k=16", "--budget", "0.01", "--peak", "222");

        Assert.True(run.ExitCode == 0, run.Error);
        bool numpy = File.Exists("/usr/bin/python3") && !run.Error.Contains("numpy not timed");
        Assert.Equal(numpy, run.Output.Contains("einsum (optimize=path)"));
    }

    [Fact]
    public void The_static_declarations_of_a_file_are_benchmarked()
    {
        const string Source = """
            using System;
            using System.Numerics.Tensors;
            using TensorGen;

            public static partial class FileKernels
            {
                [Einsum("bi,bi->b", Sizes = "b=8,i=16")]
                public static partial void RowDots(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> result);

                [Einsum("ij->ji")]
                public static partial void Transpose(ReadOnlyTensorSpan<float> x, TensorSpan<float> result);
            }
            """;
        using var file = new TempFile(Source, ".cs");
        CliRun run = CliRun.Of("bench", file.Path, "--budget", "0.01", "--peak", "222", "--no-numpy");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("FileKernels.RowDots: bi,bi->b, double", run.Output);
        Assert.Contains("FileKernels.Transpose is dynamic (no Sizes)", run.Error);
        Assert.Equal(1, CliRun.Of("bench", file.Path, "--method", "Transpose", "--no-numpy").ExitCode);
    }

    [Fact]
    public void Past_the_naive_limit_nothing_is_checked_and_that_is_said()
    {
        CliRun run = CliRun.Of("bench", "ij,jk->ik", "--sizes", "i=8,j=8,k=8", "--budget", "0.01", "--peak", "222", "--no-numpy", "--naive-limit", "10");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("not run, and the results are not checked", run.Error);
        Assert.Equal(2, s_row.Matches(run.Output).Count);
    }
}
