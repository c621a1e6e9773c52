using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace TensorGen.Generator.Tests;

/// <summary>
/// Edits that do not touch a kernel must not redo its work: every tracked step reports Cached or Unchanged
/// and the outputs Cached (System.Text.Json's generator tests the same way).
/// </summary>
public class IncrementalTests
{
    private const string Unrelated = """
        public static class Unrelated
        {
            public static int Value() => 1;
        }
        """;

    private static readonly string[] s_steps =
    {
        TrackingNames.Declarations, TrackingNames.Kernels, TrackingNames.Sources, TrackingNames.Diagnostics,
    };

    [Fact]
    public void Unrelated_edits_leave_every_step_and_output_cached()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(TestSources.Rotate, TestSources.BatchedMatMul, Unrelated);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        Assert.Equal(2, driver.GetRunResult().Results.Single().GeneratedSources.Length);

        // A new file.
        compilation = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public class Added { }", GeneratorHarness.ParseOptions, path: "/src/Added.cs"));
        driver = driver.RunGenerators(compilation);
        AssertEverythingCached(driver);

        // An unrelated method changes in another file.
        SyntaxTree unrelated = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/File2.cs");
        compilation = compilation.ReplaceSyntaxTree(unrelated,
            CSharpSyntaxTree.ParseText(Unrelated.Replace("=> 1", "=> 2"), GeneratorHarness.ParseOptions, path: unrelated.FilePath));
        driver = driver.RunGenerators(compilation);
        AssertEverythingCached(driver);
    }

    [Fact]
    public void Moving_a_kernel_re_reads_it_but_does_not_regenerate_its_source()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(TestSources.BatchedMatMul);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);

        SyntaxTree tree = compilation.SyntaxTrees.Single();
        compilation = compilation.ReplaceSyntaxTree(tree,
            CSharpSyntaxTree.ParseText("// a comment that moves everything down\n\n" + TestSources.BatchedMatMul, GeneratorHarness.ParseOptions, path: tree.FilePath));
        driver = driver.RunGenerators(compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.All(NonEmpty(Outputs(result, TrackingNames.Declarations)), reason => Assert.Equal(IncrementalStepRunReason.Modified, reason));
        Assert.All(NonEmpty(Outputs(result, TrackingNames.Kernels)), reason => Assert.Equal(IncrementalStepRunReason.Unchanged, reason));
        Assert.All(NonEmpty(OutputReasons(result)), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void Editing_a_kernel_regenerates_it()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(TestSources.BatchedMatMul);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);

        SyntaxTree tree = compilation.SyntaxTrees.Single();
        compilation = compilation.ReplaceSyntaxTree(tree,
            CSharpSyntaxTree.ParseText(TestSources.BatchedMatMul.Replace("bij,bjk->bik", "bij,bjk->bki"), GeneratorHarness.ParseOptions, path: tree.FilePath));
        driver = driver.RunGenerators(compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.All(NonEmpty(Outputs(result, TrackingNames.Kernels)), reason => Assert.Equal(IncrementalStepRunReason.Modified, reason));
        Assert.Contains("bij,bjk->bki", result.GeneratedSources.Single().SourceText.ToString(), System.StringComparison.Ordinal);
    }

    private static void AssertEverythingCached(GeneratorDriver driver)
    {
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        foreach (string step in s_steps)
        {
            Assert.All(NonEmpty(Outputs(result, step)), reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {step} was {reason}"));
        }

        Assert.All(NonEmpty(OutputReasons(result)), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    private static IReadOnlyList<IncrementalStepRunReason> Outputs(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out var runs) ? runs.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList() : [];

    /// <summary>The reasons of every source and diagnostic output (RegisterSourceOutput's tracked steps).</summary>
    private static IReadOnlyList<IncrementalStepRunReason> OutputReasons(GeneratorRunResult result) =>
        result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();

    /// <summary>A check of every reason passes vacuously when a step ran on nothing: the step must have produced something.</summary>
    internal static IReadOnlyList<IncrementalStepRunReason> NonEmpty(IReadOnlyList<IncrementalStepRunReason> reasons)
    {
        Assert.NotEmpty(reasons);
        return reasons;
    }
}
