using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TensorGen.Decompositions;
using Xunit;

namespace TensorGen.Generator.Tests;

/// <summary>
/// The generators together, as a project runs them, over one type holding kernels of every family: after edits
/// elsewhere every tracked step of every generator is Cached or Unchanged and every output Cached — and each check has
/// something to check (a step with no outputs would pass vacuously). Also: what is computed once per type and
/// compilation (the einsum siblings' names) follows an edit that adds a sibling.
/// </summary>
public class AllGeneratorsIncrementalTests
{
    private const string Kernels = """
        using System;
        using System.Numerics.Tensors;
        using TensorGen;
        using TensorGen.Decompositions;

        public static partial class Mixed
        {
            [Einsum("bij,bjk->bik")]
            public static partial void MatMul(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);

            [Einsum("ij,jk->ik", Sizes = "i=4,j=4,k=4")]
            public static partial void Small(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> result);

            [Einsum("ij,jk->ik", Sizes = "i=4,j=4,k=4", Strategy = ContractionStrategy.Greedy, Minimize = (ContractionObjective)7)]
            public static partial void Invalid(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> result);

            [TensorProduct("8x0e+8x1o", "0e+1o", "0e+1o", Kind = TensorProductKind.Channelwise, SharedWeights = false)]
            public static partial void Message(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

            [TensorProduct("2x1o", "2x1o", "", Kind = TensorProductKind.Elementwise)]
            public static partial void Cross(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, TensorSpan<float> output);

            [TensorProductBackward(nameof(Cross))]
            public static partial void CrossBackward(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> gradOutput,
                TensorSpan<float> gradX1, TensorSpan<float> gradX2);

            [SphericalHarmonics("0e+1o+2e", Normalize = true)]
            public static partial void Harmonics(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> output);

            [CpKernel(CpOperation.Reconstruct, Order = 3)]
            public static partial void Reconstruct(CpTensor<float> x, TensorSpan<float> result);

            [TensorTrainKernel(TensorTrainOperation.Norm, Order = 3)]
            public static partial double Norm(TensorTrain<double> x);

            [EquivariantLinear("4x0e+2x1o", "3x0e+2x1o", Biases = true)]
            public static partial void Linear(ReadOnlyTensorSpan<float> input, ReadOnlyTensorSpan<float> weights, ReadOnlyTensorSpan<float> biases,
                TensorSpan<float> output);

            [EquivariantLinearBackward(nameof(Linear))]
            public static partial void LinearBackward(ReadOnlyTensorSpan<float> input, ReadOnlyTensorSpan<float> weights, ReadOnlyTensorSpan<float> gradOutput,
                TensorSpan<float> gradInput, TensorSpan<float> gradWeights, TensorSpan<float> gradBiases);
        }
        """;

    private const string Unrelated = "public static class Unrelated { public static int Value() => 1; }";

    /// <summary>Every tracked step of each generator; each must have outputs on the first run.</summary>
    private static readonly Dictionary<string, string[]> s_steps = new()
    {
        [nameof(EinsumGenerator)] = [TrackingNames.Declarations, TrackingNames.Kernels, TrackingNames.Sources, TrackingNames.Diagnostics],
        [nameof(TensorProductGenerator)] =
        [
            EquivariantTrackingNames.TensorProductDeclarations, EquivariantTrackingNames.BackwardDeclarations,
            EquivariantTrackingNames.SphericalHarmonicsDeclarations, EquivariantTrackingNames.TensorProductKernels,
            EquivariantTrackingNames.BackwardKernels, EquivariantTrackingNames.SphericalHarmonicsKernels,
        ],
        [nameof(EquivariantLinearGenerator)] =
        [
            EquivariantLinearTrackingNames.LinearDeclarations, EquivariantLinearTrackingNames.BackwardDeclarations,
            EquivariantLinearTrackingNames.LinearKernels, EquivariantLinearTrackingNames.BackwardKernels,
        ],
        [nameof(DecompositionGenerator)] =
        [
            DecompositionTrackingNames.Declarations, DecompositionTrackingNames.Kernels, DecompositionTrackingNames.Sources,
            DecompositionTrackingNames.Diagnostics,
        ],

        // MessagePassingGenerator and SymmetricContractionGenerator run too (the harness runs every generator), but this source declares
        // no convolution or symmetric contraction, so their steps have no outputs here: their caching is tested in
        // MessagePassingGeneratorTests and SymmetricContractionDiagnosticTests.
    };

    [Fact]
    public void Unrelated_edits_leave_every_step_of_every_generator_cached()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Kernels, Unrelated);
        GeneratorDriver driver = Driver().RunGenerators(compilation);
        GeneratorDriverRunResult first = driver.GetRunResult();
        Assert.Empty(first.Diagnostics.Where(d => d.Id == "TG9999"));
        Assert.Equal(6, first.Results.Length);
        Assert.Equal(3, Result(first, nameof(EinsumGenerator)).GeneratedSources.Length); // Invalid: a diagnostic and a throwing body
        Assert.Contains(Result(first, nameof(EinsumGenerator)).Diagnostics, d => d.Id == "TG0018");
        Assert.Equal(4, Result(first, nameof(TensorProductGenerator)).GeneratedSources.Length);
        Assert.Equal(2, Result(first, nameof(DecompositionGenerator)).GeneratedSources.Length);
        Assert.Equal(2, Result(first, nameof(EquivariantLinearGenerator)).GeneratedSources.Length);
        foreach (var (generator, steps) in s_steps)
        {
            foreach (string step in steps)
            {
                Assert.True(Reasons(Result(first, generator), step).Any(), $"{generator}: step {step} has no outputs");
            }
        }

        // A new file.
        compilation = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public class Added { }", GeneratorHarness.ParseOptions, path: "/src/Added.cs"));
        driver = driver.RunGenerators(compilation);
        AssertEverythingCached(driver.GetRunResult());

        // An unrelated method body in another file.
        SyntaxTree unrelated = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/File1.cs");
        compilation = compilation.ReplaceSyntaxTree(unrelated,
            CSharpSyntaxTree.ParseText(Unrelated.Replace("=> 1", "=> 2"), GeneratorHarness.ParseOptions, path: unrelated.FilePath));
        driver = driver.RunGenerators(compilation);
        AssertEverythingCached(driver.GetRunResult());

        // A comment in that file.
        unrelated = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/File1.cs");
        compilation = compilation.ReplaceSyntaxTree(unrelated,
            CSharpSyntaxTree.ParseText("// edited\n" + Unrelated, GeneratorHarness.ParseOptions, path: unrelated.FilePath));
        driver = driver.RunGenerators(compilation);
        AssertEverythingCached(driver.GetRunResult());
    }

    [Fact]
    public void A_sibling_added_in_another_file_renumbers_with_the_new_compilation()
    {
        const string first = """
            using System.Numerics.Tensors;
            using TensorGen;

            public static partial class Siblings
            {
                [Einsum("ij,jk->ik")]
                public static partial void Mul(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);

                [Einsum("i,i->")]
                public static partial void Dot(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);
            }
            """;
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(first);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        Assert.Equal(new[] { "Siblings.Dot.g.cs", "Siblings.Mul.g.cs" }, HintNames(driver));

        // An overload of Mul and a member named like Dot's program field, in another part of the type.
        const string second = """
            using System.Numerics.Tensors;
            using TensorGen;

            public static partial class Siblings
            {
                private static readonly int s_dotProgram = 0;

                [Einsum("ij,jk->ik")]
                public static partial void Mul(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, TensorSpan<double> result);
            }
            """;
        compilation = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(second, GeneratorHarness.ParseOptions, path: "/src/Second.cs"));
        driver = driver.RunGenerators(compilation);

        Assert.Equal(new[] { "Siblings.Dot.g.cs", "Siblings.Mul(2).g.cs", "Siblings.Mul.g.cs" }, HintNames(driver));
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.Empty(result.Diagnostics);
        string dot = result.GeneratedSources.Single(s => s.HintName == "Siblings.Dot.g.cs").SourceText.ToString();
        Assert.Contains("s_dotProgram2", dot, System.StringComparison.Ordinal);
        string[] mulFields = result.GeneratedSources.Where(s => s.HintName.StartsWith("Siblings.Mul", System.StringComparison.Ordinal))
            .Select(s => s.SourceText.ToString().Contains("s_mulProgram2", System.StringComparison.Ordinal) ? "s_mulProgram2" : "s_mulProgram")
            .OrderBy(f => f, System.StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(new[] { "s_mulProgram", "s_mulProgram2" }, mulFields);
    }

    private static GeneratorDriver Driver() => CSharpGeneratorDriver.Create(
        GeneratorHarness.AllGenerators().Select(g => g.AsSourceGenerator()),
        parseOptions: GeneratorHarness.ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private static void AssertEverythingCached(GeneratorDriverRunResult run)
    {
        foreach (var (generator, steps) in s_steps)
        {
            GeneratorRunResult result = Result(run, generator);
            foreach (string step in steps)
            {
                IReadOnlyList<IncrementalStepRunReason> reasons = Reasons(result, step);
                Assert.NotEmpty(reasons);
                Assert.All(reasons, reason => Assert.True(
                    reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{generator}: step {step} was {reason}"));
            }

            var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.True(output.Reason == IncrementalStepRunReason.Cached, $"{generator}: an output was {output.Reason}"));
        }
    }

    private static GeneratorRunResult Result(GeneratorDriverRunResult run, string generator) =>
        run.Results.Single(r => r.Generator.GetGeneratorType().Name == generator);

    private static IReadOnlyList<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out var runs)
            ? runs.SelectMany(r => r.Outputs).Select(o => o.Reason).ToList()
            : new List<IncrementalStepRunReason>();

    private static string[] HintNames(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.HintName).OrderBy(n => n, System.StringComparer.Ordinal).ToArray();
}
