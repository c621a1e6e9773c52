using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace TensorGen.Generator.Tests;

/// <summary>
/// <see cref="MessagePassingGenerator"/>'s pipeline: unrelated edits redo nothing; editing the product a convolution names
/// regenerates the convolution and its backward pass.
/// </summary>
public class MessagePassingGeneratorTests
{
    private const string Kernels = """
        using System;
        using System.Numerics.Tensors;
        using TensorGen;

        public static partial class Layers
        {
            [TensorProduct("2x0e+1x1o", "0e+1o", "", Kind = TensorProductKind.Channelwise, SharedWeights = false)]
            public static partial void Tp(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

            [TensorProductConvolution(nameof(Tp))]
            public static partial void Conv(ReadOnlyTensorSpan<float> nodeFeatures, ReadOnlyTensorSpan<float> edgeFeatures, ReadOnlyTensorSpan<float> weights,
                ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<float> output);

            [TensorProductConvolutionBackward(nameof(Conv))]
            public static partial void ConvBackward(ReadOnlyTensorSpan<float> nodeFeatures, ReadOnlyTensorSpan<float> edgeFeatures, ReadOnlyTensorSpan<float> weights,
                ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<float> gradOutput,
                TensorSpan<float> gradNodeFeatures, TensorSpan<float> gradEdgeFeatures, TensorSpan<float> gradWeights);
        }
        """;

    private static readonly string[] s_steps =
    {
        MessagePassingTrackingNames.ProductDeclarations, MessagePassingTrackingNames.ConvolutionDeclarations, MessagePassingTrackingNames.BackwardDeclarations,
        MessagePassingTrackingNames.ConvolutionKernels, MessagePassingTrackingNames.BackwardKernels,
    };

    [Fact]
    public void Unrelated_edits_leave_every_step_and_output_cached()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Kernels, "public static class Unrelated { public static int Value() => 1; }");
        GeneratorDriver driver = Driver().RunGenerators(compilation);
        Assert.Equal(2, driver.GetRunResult().Results.Single().GeneratedSources.Length);

        SyntaxTree unrelated = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/File1.cs");
        compilation = compilation.ReplaceSyntaxTree(unrelated,
            CSharpSyntaxTree.ParseText("public static class Unrelated { public static int Value() => 2; }", GeneratorHarness.ParseOptions, path: unrelated.FilePath));
        driver = driver.RunGenerators(compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        foreach (string step in s_steps)
        {
            Assert.All(Reasons(result, step), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, step + ": " + reason));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Editing_the_product_regenerates_the_convolution_and_its_backward_pass()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Kernels);
        GeneratorDriver driver = Driver().RunGenerators(compilation);
        string before = string.Join("\n", driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()));
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        compilation = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(Kernels.Replace("\"2x0e+1x1o\", \"0e+1o\"", "\"3x0e+1x1o\", \"0e+1o\"", System.StringComparison.Ordinal),
            GeneratorHarness.ParseOptions, path: tree.FilePath));
        driver = driver.RunGenerators(compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, MessagePassingTrackingNames.ConvolutionKernels));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, MessagePassingTrackingNames.BackwardKernels));
        string after = string.Join("\n", result.GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.NotEqual(before, after);
        Assert.Contains("3x0e+1x1o", after, System.StringComparison.Ordinal);
    }

    private static GeneratorDriver Driver() => GeneratorHarness.CreateDriver(new MessagePassingGenerator(), trackSteps: true);

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out var runs) ? runs.SelectMany(r => r.Outputs).Select(o => o.Reason) : Enumerable.Empty<IncrementalStepRunReason>();
}
