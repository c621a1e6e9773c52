using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace TensorGen.Generator.Tests;

/// <summary>
/// [SymmetricContraction] and [SymmetricContractionBackward] declarations: every problem a located TG diagnostic with a throwing
/// body (never an exception), a sound declaration compiling with no diagnostic at all, and unrelated edits redoing nothing.
/// </summary>
public class SymmetricContractionDiagnosticTests
{
    private const string Forward = """
        [SymmetricContraction("2x0e+2x1o+2x2e", "2x0e+2x1o", Correlation = 3, Elements = 4)]
        public static partial void Product(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements, TensorSpan<double> output);

        """;

    private const string Backward = """
        [SymmetricContractionBackward(nameof(Product))]
        public static partial void ProductBackward(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements,
            ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradA, TensorSpan<double> gradWeights);
        """;

    private static string InType(string members) =>
        "using System;\nusing System.Numerics.Tensors;\nusing TensorGen;\n\npublic partial class Kernels\n{\n" + members + "\n}\n";

    [Fact]
    public void A_sound_contraction_and_its_backward_pass_compile_without_diagnostics()
    {
        GeneratorOutcome outcome = GeneratorHarness.RunAll(InType(Forward + Backward));
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        string text = outcome.Sources.Single(s => s.HintName == "Kernels.Product.SymmetricContraction.g.cs").SourceText.ToString();
        Assert.Contains("contractions.1.weights_max", text, StringComparison.Ordinal);
        Assert.Contains(outcome.Sources, s => s.HintName == "Kernels.ProductBackward.SymmetricContractionBackward.g.cs");
    }

    [Fact]
    public void TG0101_malformed_irreps_point_at_the_parity() =>
        AssertSingle("""
            [SymmetricContraction("2x0e+2x1[|q|]", "2x0e", Correlation = 2)]
            public static partial void Product(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements, TensorSpan<double> output);
            """, "TG0101");

    [Fact]
    public void TG0130_blocks_of_different_multiplicity_point_at_the_block() =>
        AssertSingle("""
            [SymmetricContraction("2x0e+[|3x1o|]", "2x0e", Correlation = 2)]
            public static partial void Product(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements, TensorSpan<double> output);
            """, "TG0130");

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void TG0131_a_correlation_out_of_range_points_at_it(int correlation)
    {
        Diagnostic diagnostic = AssertSingle($$"""
            [SymmetricContraction("2x0e+2x1o", "2x0e", [|Correlation = {{correlation}}|])]
            public static partial void Product(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements, TensorSpan<double> output);
            """, "TG0131");
        Assert.Contains("1 to 4", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0132_an_output_only_antisymmetric_products_reach_points_at_it()
    {
        // 1o ⊗ 1o → 1e is the cross product: antisymmetric, so the symmetric product A ⊗ A never reaches 1e.
        Diagnostic diagnostic = AssertSingle("""
            [SymmetricContraction("2x0e+2x1o", "2x0e+[|2x1e|]", Correlation = 2)]
            public static partial void Product(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements, TensorSpan<double> output);
            """, "TG0132");
        Assert.Contains("1e", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0133_no_elements_points_at_Elements() =>
        AssertSingle("""
            [SymmetricContraction("2x0e+2x1o", "2x0e", Correlation = 2, [|Elements = 0|])]
            public static partial void Product(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements, TensorSpan<double> output);
            """, "TG0133");

    [Fact]
    public void TG0134_a_coupling_tensor_too_large_to_compute_points_at_the_input() =>
        AssertSingle("""
            [SymmetricContraction("[|1x0e+1x1o+1x2e+1x3o+1x4e|]", "1x0e", Correlation = 4)]
            public static partial void Product(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements, TensorSpan<double> output);
            """, "TG0134");

    [Fact]
    public void TG0107_the_element_indices_are_ReadOnlySpan_of_int()
    {
        Diagnostic diagnostic = AssertSingle("""
            [SymmetricContraction("2x0e+2x1o", "2x0e", Correlation = 2)]
            public static partial void Product(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, [|ReadOnlySpan<long>|] elements, TensorSpan<double> output);
            """, "TG0107");
        Assert.Contains("one chemical element index per atom", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0107_a_missing_parameter_points_at_the_method() =>
        AssertSingle("""
            [SymmetricContraction("2x0e+2x1o", "2x0e", Correlation = 2)]
            public static partial void [|Product|](ReadOnlyTensorSpan<double> a, ReadOnlySpan<int> elements, TensorSpan<double> output);
            """, "TG0107");

    [Fact]
    public void TG0108_a_method_with_a_body_is_refused() =>
        AssertSingle("""
            [SymmetricContraction("2x0e+2x1o", "2x0e", Correlation = 2)]
            public static void [|Product|](ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements, TensorSpan<double> output) { }
            """, "TG0108", expectedSources: 0);

    [Fact]
    public void TG0113_a_backward_pass_naming_no_forward_points_at_the_name() =>
        AssertSingle(Forward + """
            [SymmetricContractionBackward([|"Missing"|])]
            public static partial void ProductBackward(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements,
                ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradA, TensorSpan<double> gradWeights);
            """, "TG0113", expectedSources: 2);

    [Fact]
    public void Unrelated_edits_leave_every_step_cached()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(InType(Forward + Backward), "public static class Unrelated { public static int Value() => 1; }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new SymmetricContractionGenerator(), trackSteps: true).RunGenerators(compilation);
        Assert.Equal(2, driver.GetRunResult().Results.Single().GeneratedSources.Length);

        SyntaxTree unrelated = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/File1.cs");
        compilation = compilation.ReplaceSyntaxTree(unrelated,
            CSharpSyntaxTree.ParseText("public static class Unrelated { public static int Value() => 2; }", GeneratorHarness.ParseOptions, path: unrelated.FilePath));
        driver = driver.RunGenerators(compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        foreach (string step in new[]
        {
            SymmetricContractionTrackingNames.ForwardDeclarations, SymmetricContractionTrackingNames.BackwardDeclarations,
            SymmetricContractionTrackingNames.ForwardKernels, SymmetricContractionTrackingNames.BackwardKernels,
        })
        {
            IEnumerable<IncrementalStepRunReason> reasons = result.TrackedSteps.TryGetValue(step, out var runs)
                ? runs.SelectMany(r => r.Outputs).Select(o => o.Reason)
                : Enumerable.Empty<IncrementalStepRunReason>();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, step + ": " + reason));
        }
    }

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    /// <summary>One diagnostic, at the marked span, and a throwing body for the faulty method (when it can have one).</summary>
    private static Diagnostic AssertSingle(string members, string id, int expectedSources = 1) =>
        DiagnosticAssertions.Single(new SymmetricContractionGenerator(), InType(members), id, expectedSources);
}
