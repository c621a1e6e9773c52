using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace TensorGen.Generator.Tests;

/// <summary>
/// [EquivariantLinear] and [EquivariantLinearBackward] declarations: every problem a located TG diagnostic with a throwing
/// body (never an exception), and a sound declaration compiling with no diagnostic at all.
/// </summary>
public class EquivariantLinearDiagnosticTests
{
    private const string Linear = """
        [EquivariantLinear("4x0e+2x1o", "3x0e+2x1o", Biases = true)]
        public static partial void Linear(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> biases,
            TensorSpan<double> output);

        """;

    private static string InType(string members) =>
        "using System;\nusing System.Numerics.Tensors;\nusing TensorGen;\n\npublic partial class Kernels\n{\n" + members + "\n}\n";

    [Fact]
    public void A_sound_layer_and_its_backward_pass_compile_without_diagnostics()
    {
        GeneratorOutcome outcome = GeneratorHarness.RunAll(InType(Linear + """
            [EquivariantLinearBackward(nameof(Linear))]
            public static partial void LinearBackward(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
                TensorSpan<double> gradInput, TensorSpan<double> gradWeights, TensorSpan<double> gradBiases);

            [EquivariantLinear("8x0e", "8x0e+4x1o+4x0e")]
            public static partial void NoBiases(ReadOnlyTensorSpan<float> input, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);
            """));
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        string backward = outcome.Sources.Single(s => s.HintName == "Kernels.LinearBackward.EquivariantLinearBackward.g.cs").SourceText.ToString();
        Assert.Contains("EquivariantLinearDriver.Backward<double>", backward, StringComparison.Ordinal);
        string noBiases = outcome.Sources.Single(s => s.HintName == "Kernels.NoBiases.EquivariantLinear.g.cs").SourceText.ToString();
        Assert.Contains("output blocks no path reaches (zero): 1 (4x1o)", noBiases, StringComparison.Ordinal);
    }

    [Fact]
    public void TG0101_malformed_irreps_point_at_the_character() =>
        AssertSingle("""
            [EquivariantLinear("4x0e+2x1[|q|]", "3x0e")]
            public static partial void Bad(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);
            """, "TG0101");

    [Fact]
    public void TG0140_a_read_only_output_points_at_its_type()
    {
        Diagnostic diagnostic = AssertSingle("""
            [EquivariantLinear("4x0e", "3x0e")]
            public static partial void Bad(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, [|ReadOnlyTensorSpan<double>|] output);
            """, "TG0140");
        Assert.Contains("TensorSpan<double>", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0140_the_wrong_number_of_parameters_points_at_the_method() =>
        AssertSingle("""
            [EquivariantLinear("4x0e", "3x0e")]
            public static partial void [|Bad|](ReadOnlyTensorSpan<double> input, TensorSpan<double> output);
            """, "TG0140");

    [Fact]
    public void TG0141_biases_without_a_biases_parameter()
    {
        Diagnostic diagnostic = AssertSingle("""
            [EquivariantLinear("4x0e", "3x0e", Biases = true)]
            public static partial void [|Bad|](ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);
            """, "TG0141");
        Assert.Contains("3 biases", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0141_a_biases_parameter_when_the_output_has_no_scalars()
    {
        Diagnostic diagnostic = AssertSingle("""
            [EquivariantLinear("4x1o", "3x1o", Biases = true)]
            public static partial void [|Bad|](ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> biases,
                TensorSpan<double> output);
            """, "TG0141");
        Assert.Contains("no 0e block", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0141_a_backward_pass_without_gradBiases() =>
        AssertSingle(Linear + """
            [EquivariantLinearBackward(nameof(Linear))]
            public static partial void [|LinearBackward|](ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
                TensorSpan<double> gradInput, TensorSpan<double> gradWeights);
            """, "TG0141", expectedSources: 2);

    [Fact]
    public void TG0142_unknown_forward_points_at_the_name()
    {
        Diagnostic diagnostic = AssertSingle(Linear + """
            [EquivariantLinearBackward([|"Missing"|])]
            public static partial void LinearBackward(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
                TensorSpan<double> gradInput, TensorSpan<double> gradWeights, TensorSpan<double> gradBiases);
            """, "TG0142", expectedSources: 2);
        Assert.Contains("'Missing'", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0143_no_shared_irrep_points_at_the_output_irreps()
    {
        Diagnostic diagnostic = AssertSingle("""
            [EquivariantLinear("4x0e+2x1o", [|"3x1e+2x2o"|])]
            public static partial void Bad(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);
            """, "TG0143");
        Assert.Contains("zeros", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0108_a_method_with_a_body() =>
        AssertSingle("""
            [EquivariantLinear("4x0e", "3x0e")]
            public static partial void [|Bad|](ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);
            public static partial void Bad(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output) { }
            """, "TG0108", expectedSources: 0);

    [Fact]
    public void TG0109_an_undefined_path_normalization_points_at_the_option() =>
        AssertSingle("""
            [EquivariantLinear("4x0e", "3x0e", [|PathNormalization = (PathNormalization)9|])]
            public static partial void Bad(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);
            """, "TG0109");

    [Fact]
    public void TG0022_a_linear_layer_that_is_also_a_product_is_reported_once()
    {
        GeneratorOutcome outcome = GeneratorHarness.RunAll(InType("""
            [TensorProduct("0e", "0e", "0e")]
            [EquivariantLinear("0e", "0e")]
            public static partial void F(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);
            """));
        Assert.Equal("TG0022", Assert.Single(outcome.GeneratorDiagnostics).Id);
        Assert.Null(outcome.Result.Results.FirstOrDefault(r => r.Exception is not null).Exception);
    }

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    private static Diagnostic AssertSingle(string members, string id, int expectedSources = 1) =>
        DiagnosticAssertions.Single(new EquivariantLinearGenerator(), InType(members), id, expectedSources);
}
