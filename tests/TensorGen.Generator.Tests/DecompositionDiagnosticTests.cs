using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using TensorGen.Decompositions;
using Xunit;

namespace TensorGen.Generator.Tests;

/// <summary>
/// One test per decomposition diagnostic (TG0201–TG0209): the id, where it points, that the generator did not
/// throw, and that an implementable declaration gets a throwing body instead of a CS8795 cascade.
/// </summary>
public class DecompositionDiagnosticTests
{
    private static string InType(string members) => """
        using System;
        using System.Numerics;
        using System.Numerics.Tensors;
        using TensorGen;
        using TensorGen.Decompositions;

        public static partial class Kernels
        {
        """ + "\n" + members + "\n}\n";

    [Theory]
    [InlineData("[TensorTrainKernel([|(TensorTrainOperation)42|], Order = 3)]")]
    [InlineData("[CpKernel([|(CpOperation)(-1)|], Order = 3)]")]
    public void TG0201_unknown_operation_points_at_the_operation(string attribute)
    {
        string declaration = attribute.Contains("CpKernel", StringComparison.Ordinal)
            ? "public static partial double F(CpTensor<double> x);"
            : "public static partial double F(TensorTrain<double> x);";
        Diagnostic diagnostic = AssertSingle(InType(attribute + "\n" + declaration), "TG0201");
        Assert.Contains("not a member", Message(diagnostic), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""Shape = "3,[|x|],4", Ranks = "2,2" """, "not a whole number")]
    [InlineData("""Shape = "3,[||],4", Ranks = "2,2" """, "empty entry")]
    [InlineData("""Shape = "3,4,5", Ranks = "2,[|2.5|]" """, "not a whole number")]
    public void TG0202_malformed_sizes_point_at_the_entry(string arguments, string explanation)
    {
        // The empty entry's span is empty: the marker sits between the commas.
        Diagnostic diagnostic = AssertSingle(InType(
            $"[TensorTrainKernel(TensorTrainOperation.Norm, {arguments})]\npublic static partial double F(TensorTrain<double> x);"), "TG0202");
        Assert.Contains(explanation, Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0202_a_tt_matrix_shape_needs_rows_and_columns() =>
        AssertSingle(InType("""
            [TensorTrainMatrixKernel(TensorTrainMatrixOperation.Norm, Shape = "2x2,[|3|]", Ranks = "2")]
            public static partial double F(TensorTrainMatrix<double> a);
            """), "TG0202");

    [Fact]
    public void TG0203_without_order_or_shape_points_at_the_method()
    {
        Diagnostic diagnostic = AssertSingle(InType("""
            [TuckerKernel(TuckerOperation.Norm)]
            public static partial double [|F|](TuckerTensor<double> x);
            """), "TG0203");
        Assert.Contains("neither Order nor Shape", Message(diagnostic), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""Order = 2, Shape = [|"3,4,5"|], Ranks = "2,2,2" """, "Order is 2")]
    [InlineData("""Shape = "3,4,5", Ranks = [|"2,2"|] """, "one rank per mode")]
    [InlineData("""[|Order = -1|]""", "at least one mode")]
    [InlineData("""[|Order = 33|]""", "above 32")]
    public void TG0203_inconsistent_order_points_at_the_argument(string arguments, string explanation)
    {
        Diagnostic diagnostic = AssertSingle(InType(
            $"[TuckerKernel(TuckerOperation.Norm, {arguments})]\npublic static partial double F(TuckerTensor<double> x);"), "TG0203");
        Assert.Contains(explanation, Message(diagnostic), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[TensorTrainKernel(TensorTrainOperation.Norm, Order = 3, Shape = [|"2,2,2"|])]""", "public static partial double F(TensorTrain<double> x);", "Ranks is missing")]
    [InlineData("""[TensorTrainMatrixKernel(TensorTrainMatrixOperation.Expectation, Shape = "2x2,2x2", Ranks = [|"2"|])]""",
        "public static partial double F(TensorTrain<double> x, TensorTrainMatrix<double> a, TensorTrain<double> y);", "TrainRanks")]
    [InlineData("""[CpKernel(CpOperation.ModeProduct, Shape = "4,5", Ranks = "2", Modes = "[|1|]")]""",
        "public static partial void F(CpTensor<double> x, ReadOnlySpan<double> u, Span<double> result);", "row count")]
    [InlineData("""[CpKernel(CpOperation.ModeProduct, Order = 2, Modes = "[|1:3|]")]""",
        "public static partial void F(CpTensor<double> x, ReadOnlyTensorSpan<double> u, TensorSpan<double> result);", "static form")]
    public void TG0204_incomplete_static_sizes(string attribute, string declaration, string explanation)
    {
        Diagnostic diagnostic = AssertSingle(InType(attribute + "\n" + declaration), "TG0204");
        Assert.Contains(explanation, Message(diagnostic), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""Order = 3, Modes = "0,[|3|]" """, "does not exist")]
    [InlineData("""Order = 3, Modes = "1,[|1|]" """, "listed twice")]
    public void TG0205_invalid_modes_point_at_the_entry(string arguments, string explanation)
    {
        Diagnostic diagnostic = AssertSingle(InType(
            $"[TuckerKernel(TuckerOperation.ModeVectorProduct, {arguments})]\n"
            + "public static partial void F(TuckerTensor<double> x, ReadOnlyTensorSpan<double> v, ReadOnlyTensorSpan<double> w, TensorSpan<double> result);"),
            "TG0205");
        Assert.Contains(explanation, Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0205_missing_modes_point_at_the_method()
    {
        // There is no Modes argument to point at.
        Diagnostic diagnostic = AssertSingle(InType("""
            [TuckerKernel(TuckerOperation.ModeProduct, Order = 3)]
            public static partial void [|F|](TuckerTensor<double> x, TensorSpan<double> result);
            """), "TG0205");
        Assert.Contains("needs the modes", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0205_modes_of_an_operation_without_them_point_at_the_argument()
    {
        Diagnostic diagnostic = AssertSingle(InType("""
            [TuckerKernel(TuckerOperation.Reconstruct, Order = 3, Modes = [|"0"|])]
            public static partial void F(TuckerTensor<double> x, TensorSpan<double> result);
            """), "TG0205");
        Assert.Contains("takes no Modes", Message(diagnostic), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""Shape = "3,4,5", Ranks = "[|0|]" """, "at least 1")]
    [InlineData("""Shape = "3,[|-4|],5", Ranks = "2" """, "at least 1")]
    [InlineData("""Shape = [|"50000,50000,50000"|], Ranks = "2" """, "more than a span can hold")]
    public void TG0206_sizes_out_of_range(string arguments, string explanation)
    {
        Diagnostic diagnostic = AssertSingle(InType(
            $"[CpKernel(CpOperation.Reconstruct, {arguments})]\npublic static partial void F(CpTensor<double> x, Span<double> result);"), "TG0206");
        Assert.Contains(explanation, Message(diagnostic), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public static partial double F([|TuckerTensor<double>|] x, TensorTrain<double> y);", "takes TensorTrain<double> here")]
    [InlineData("public static partial float [|F|](TensorTrain<double> x, TensorTrain<double> y, TensorTrain<double> z);", "3 parameters")]
    [InlineData("public static partial void [|F|](TensorTrain<double> x, TensorTrain<double> y);", "returns void")]
    public void TG0207_wrong_signature_shows_the_expected_one(string declaration, string explanation)
    {
        Diagnostic diagnostic = AssertSingle(InType("[TensorTrainKernel(TensorTrainOperation.Inner, Order = 4)]\n" + declaration), "TG0207");
        Assert.Contains(explanation, Message(diagnostic), StringComparison.Ordinal);
        Assert.Contains("static partial double F(TensorTrain<double> x, TensorTrain<double> y)", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0207_ref_parameters_point_at_the_parameter()
    {
        Diagnostic diagnostic = AssertSingle(InType("""
            [TensorTrainKernel(TensorTrainOperation.Inner, Order = 4)]
            public static partial double F(TensorTrain<double> x, [|ref TensorTrain<double> y|]);
            """), "TG0207");
        Assert.Contains("'ref'", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0207_a_span_of_the_other_form_explains_the_forms()
    {
        Diagnostic diagnostic = AssertSingle(InType("""
            [CpKernel(CpOperation.Reconstruct, Order = 3)]
            public static partial void F(CpTensor<double> x, [|Span<double>|] result);
            """), "TG0207");
        Assert.Contains("dynamic form", Message(diagnostic), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public static partial double F([|TensorTrain<int>|] x, TensorTrain<double> y);", "element type 'int'")]
    [InlineData("public static partial double F(TensorTrain<double> x, [|TensorTrain<float>|] y);", "share one element type")]
    public void TG0208_unsupported_or_mixed_elements_point_at_the_parameter(string declaration, string explanation)
    {
        var (source, span) = Markup.Parse(InType("[TensorTrainKernel(TensorTrainOperation.Inner, Order = 2)]\n" + declaration));
        GeneratorOutcome outcome = GeneratorHarness.Run(source, new DecompositionGenerator());
        Diagnostic diagnostic = AssertLocatedAt(outcome, source, span, "TG0208");
        Assert.Contains(explanation, Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0208_a_complex_norm_returns_double() =>
        AssertSingle(InType("""
            [CpKernel(CpOperation.Norm, Order = 2)]
            public static partial Complex [|F|](CpTensor<Complex> x);
            """), "TG0208");

    [Fact]
    public void TG0209_instance_method_points_at_the_name() =>
        AssertSingle(InType("""
            [TensorTrainKernel(TensorTrainOperation.Norm, Order = 2)]
            public partial double [|F|](TensorTrain<double> x);
            """).Replace("public static partial class", "public partial class", StringComparison.Ordinal), "TG0209");

    [Fact]
    public void TG0209_non_partial_type_points_at_the_type()
    {
        var (source, span) = Markup.Parse("""
            using TensorGen;
            using TensorGen.Decompositions;

            public static class [|Kernels|]
            {
                [TensorTrainKernel(TensorTrainOperation.Norm, Order = 2)]
                public static partial double F(TensorTrain<double> x);
            }
            """);
        GeneratorOutcome outcome = GeneratorHarness.Run(source, new DecompositionGenerator());
        AssertLocatedAt(outcome, source, span, "TG0209");
        Assert.Empty(outcome.Sources);
    }

    [Fact]
    public void TG9999_an_unexpected_exception_becomes_a_diagnostic_not_a_crash()
    {
        var (source, span) = Markup.Parse(InType("""
            [TensorTrainKernel(TensorTrainOperation.Norm, Order = 2)]
            public static partial double [|F|](TensorTrain<double> x);
            """));
        GeneratorOutcome outcome = GeneratorHarness.Run(source, new DecompositionGenerator(_ => throw new InvalidOperationException("boom")));

        Diagnostic diagnostic = AssertLocatedAt(outcome, source, span, "TG9999");
        Assert.Contains("boom", Message(diagnostic), StringComparison.Ordinal);
        Assert.DoesNotContain(outcome.Output.GetDiagnostics(), d => d.Id == "CS8795");
    }

    [Fact]
    public void Independent_problems_are_all_reported()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(InType("""
            [TuckerKernel(TuckerOperation.Reconstruct, Shape = "3,x", Modes = "0")]
            public partial void F(TuckerTensor<double> x, Span<double> result);
            """).Replace("public static partial class", "public partial class", StringComparison.Ordinal), new DecompositionGenerator());

        Assert.Equal(new[] { "TG0202", "TG0204", "TG0205", "TG0209" }, outcome.GeneratorDiagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_descriptor_is_an_error_with_help_text_and_a_documented_id()
    {
        string docs = System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryRoot(), "docs", "diagnostics.md"));
        string readme = System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryRoot(), "README.md"));
        foreach (DiagnosticDescriptor descriptor in TensorGen.Decompositions.Diagnostics.DecompositionDiagnosticDescriptors.All)
        {
            Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
            Assert.Equal("TensorGen", descriptor.Category);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString(CultureInfo.InvariantCulture)));
            Assert.Contains("| " + descriptor.Id + " |", docs, StringComparison.Ordinal);
            Assert.Contains("| " + descriptor.Id + " |", readme, StringComparison.Ordinal);
        }
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, "..", ".."));

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    private static Diagnostic AssertSingle(string markup, string id)
    {
        var (source, span) = Markup.Parse(markup);
        GeneratorOutcome outcome = GeneratorHarness.Run(source, new DecompositionGenerator());
        Diagnostic diagnostic = AssertLocatedAt(outcome, source, span, id);
        Assert.Single(outcome.GeneratorDiagnostics);

        // An implementable declaration gets a body that throws, so the compiler adds no "no implementation" error.
        Assert.Single(outcome.Sources);
        Assert.DoesNotContain(outcome.Output.GetDiagnostics(), d => d.Id == "CS8795");
        Assert.Contains("global::System.NotSupportedException(\"" + id, outcome.Sources[0].SourceText.ToString(), StringComparison.Ordinal);
        return diagnostic;
    }

    private static Diagnostic AssertLocatedAt(GeneratorOutcome outcome, string source, TextSpan span, string id)
    {
        Assert.Null(outcome.Result.Results.Single().Exception);
        Assert.DoesNotContain(outcome.DriverDiagnostics, d => d.Id == "CS8785");
        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics, d => d.Id == id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Equal(SourceText.From(source).Lines.GetLinePositionSpan(span), diagnostic.Location.GetLineSpan().Span);
        return diagnostic;
    }
}
