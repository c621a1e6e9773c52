using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace TensorGen.Generator.Tests;

/// <summary>
/// One test per diagnostic of <see cref="TensorProductGenerator"/> (TG0101–TG0111): the id, where it points (the offending
/// text of the irreps or the instructions, the option, the parameter, the method), that the generator did not throw, and
/// that a declaration that can still be implemented gets a throwing body instead of a CS8795 cascade.
/// </summary>
public class EquivariantDiagnosticTests
{
    private const string Usings = """
        using System;
        using System.Numerics.Tensors;
        using TensorGen;

        """;

    private const string Forward = "(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);";

    private static string InType(string members) => Usings + "public partial class Kernels\n{\n" + members + "\n}\n";

    [Theory]
    [InlineData("""[TensorProduct("2x0e+2x1[|q|]", "1x0e", "2x0e")]""")]
    [InlineData("""[TensorProduct("2x0e", "[|ax0e|]", "2x0e")]""")]
    [InlineData("""[TensorProduct("2x0e", "1x0e", "2x0e +[| |]+ 1o")]""")]
    public void TG0101_malformed_irreps_points_at_the_block(string attribute)
    {
        Diagnostic diagnostic = AssertSingle(InType(attribute + "\npublic static partial void Tp" + Forward), "TG0101");
        Assert.Contains("\"", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0102_malformed_instructions_points_at_the_field() =>
        AssertSingle(InType("""
            [TensorProduct("2x0e", "1x0e", "2x0e", Instructions = "0,0,0,[|uvx|],true")]
            public static partial void Tp
            """ + Forward), "TG0102");

    [Fact]
    public void TG0103_index_out_of_range_points_at_the_instruction()
    {
        Diagnostic diagnostic = AssertSingle(InType("""
            [TensorProduct("2x0e", "1x0e", "2x0e", Instructions = "0,0,0,uvw,true; [|0,0,3,uvw,true|]")]
            public static partial void Tp
            """ + Forward), "TG0103");
        Assert.Contains("iout = 3 but the output has 1 block", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0104_selection_rule_points_at_the_instruction()
    {
        Diagnostic diagnostic = AssertSingle(InType("""
            [TensorProduct("2x1o", "1x1o", "2x1o", Instructions = "[|0,0,0,uvw,true|]")]
            public static partial void Tp
            """ + Forward), "TG0104");
        Assert.Contains("parity o is not o x o = e", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0105_mode_mismatch_points_at_the_instruction()
    {
        Diagnostic diagnostic = AssertSingle(InType("""
            [TensorProduct("2x0e", "3x0e", "2x0e", Instructions = "[|0,0,0,uuu,false|]")]
            public static partial void Tp
            """ + Forward), "TG0105");
        Assert.Contains("uuu needs mul1 = mul2 = mul_out", Message(diagnostic), StringComparison.Ordinal);
    }

    /// <summary>Fuzz regression: 17 paths of 1000 × 1000 × 134 weights overflowed the 32-bit weight offset (an OverflowException, TG9999).</summary>
    [Fact]
    public void TG0105_weights_beyond_the_limit_in_all_point_at_the_instructions()
    {
        string instructions = string.Join("; ", Enumerable.Repeat("0,0,0,uvw,true", 17));
        Diagnostic diagnostic = AssertSingle(InType($$"""
            [TensorProduct("1000x0e", "1000x0e", "134x0e", Instructions = [|"{{instructions}}"|])]
            public static partial void Tp
            """ + Forward), "TG0105");
        Assert.Contains("weights in all", Message(diagnostic), StringComparison.Ordinal);
    }

    /// <summary>Fuzz regression: 2^24 × 2^24 × 2^24 weights wrapped to 0 in 64 bits, passed the check and overflowed later (TG9999).</summary>
    [Fact]
    public void TG0105_multiplicities_whose_weights_overflow_64_bits_point_at_the_instruction() =>
        AssertSingle(InType("""
            [TensorProduct("16777216x0e", "16777216x0e", "16777216x0e", Instructions = "[|0,0,0,uvw,true|]")]
            public static partial void Tp
            """ + Forward), "TG0105");

    /// <summary>Fuzz regression: a fully connected product of hundreds of blocks tried every triple of blocks (time grew with the cube).</summary>
    [Fact]
    public void TG0101_irreps_of_more_than_256_blocks_point_at_the_irreps()
    {
        string blocks = string.Join("+", Enumerable.Repeat("1x0e", TensorGen.Equivariance.IrrepsParser.MaxBlocks + 1));
        Diagnostic diagnostic = AssertSingle(InType($$"""
            [TensorProduct([|"{{blocks}}"|], "1x0e", "1x0e")]
            public static partial void Tp
            """ + Forward), "TG0101");
        Assert.Contains("more than 256 blocks", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0101_a_derived_product_of_more_than_1024_paths_points_at_the_output_irreps()
    {
        string blocks = string.Join("+", Enumerable.Repeat("1x0e", 11)); // 11³ = 1331 paths
        Diagnostic diagnostic = AssertSingle(InType($$"""
            [TensorProduct("{{blocks}}", "{{blocks}}", [|"{{blocks}}"|])]
            public static partial void Tp
            """ + Forward), "TG0101");
        Assert.Contains("paths", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0102_instructions_of_more_than_1024_paths_point_at_the_instructions()
    {
        string instructions = string.Join(";", Enumerable.Repeat("0,0,0,uvw,true", 1025));
        Diagnostic diagnostic = AssertSingle(InType($$"""
            [TensorProduct("2x1o", "2x1o", "2x0e", Instructions = [|"{{instructions}}"|])]
            public static partial void Tp
            """ + Forward), "TG0102");
        Assert.Contains("1025 paths", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0102_paths_of_too_many_clebsch_gordan_coefficients_point_at_the_instructions()
    {
        int perPath = TensorGen.Equivariance.Wigner3j.Get(10, 10, 10).Entries.Count;
        int paths = (TensorGen.Equivariance.TensorProductBuilder.MaxCoefficients / perPath) + 1;
        string instructions = string.Join(";", Enumerable.Repeat("0,0,0,uuu,false", paths));
        Diagnostic diagnostic = AssertSingle(InType($$"""
            [TensorProduct("1x10e", "1x10e", "1x10e", Instructions = [|"{{instructions}}"|])]
            public static partial void Tp(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, TensorSpan<double> output);
            """), "TG0102");
        Assert.Contains("Clebsch-Gordan coefficients", Message(diagnostic), StringComparison.Ordinal);
    }

    /// <summary>The elementwise product's derived output was not held to the feature limit the inputs are (here 672,400,000 features per row).</summary>
    [Fact]
    public void TG0101_a_derived_output_beyond_the_feature_limit_points_at_the_output_irreps() =>
        AssertSingle(InType("""
            [TensorProduct("400000x20e", "400000x20e", [|""|], Kind = TensorProductKind.Elementwise)]
            public static partial void Tp(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, TensorSpan<double> output);
            """), "TG0101");

    /// <summary>Found by the full generator fuzz (D2584): 20e ⊗ 20o derived up to l = 40 left the generator computing exact coefficients for minutes.</summary>
    [Fact]
    public void TG0101_a_derived_output_above_the_largest_degree_points_at_the_output_irreps() =>
        AssertSingle(InType("""
            [TensorProduct("20e", "20o", [|""|], Kind = TensorProductKind.Channelwise)]
            public static partial void Tp(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);
            """), "TG0101");

    [Fact]
    public void TG0106_missing_weights_parameter_points_at_the_method() =>
        AssertSingle(InType("""
            [TensorProduct("2x0e", "1x0e", "2x0e")]
            public static partial void [|Tp|](ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, TensorSpan<double> output);
            """), "TG0106");

    [Fact]
    public void TG0107_wrong_parameter_kind_points_at_the_parameter_type() =>
        AssertSingle(InType("""
            [TensorProduct("2x0e", "1x0e", "2x0e")]
            public static partial void Tp(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, [|ReadOnlyTensorSpan<double>|] output);
            """), "TG0107");

    [Fact]
    public void TG0107_mixed_element_types_point_at_the_parameter_type() =>
        AssertSingle(InType("""
            [SphericalHarmonics("0e+1o")]
            public static partial void Sh(ReadOnlyTensorSpan<double> vectors, [|TensorSpan<float>|] output);
            """), "TG0107");

    [Fact]
    public void TG0108_not_static_points_at_the_method() =>
        AssertSingle(InType("""
            [SphericalHarmonics("0e+1o")]
            public partial void [|Sh|](ReadOnlyTensorSpan<double> vectors, TensorSpan<double> output);
            """), "TG0108");

    [Fact]
    public void TG0109_undefined_option_points_at_the_argument() =>
        AssertSingle(InType("""
            [TensorProduct("2x0e", "1x0e", "2x0e", [|IrrepNormalization = (IrrepNormalization)7|])]
            public static partial void Tp
            """ + Forward), "TG0109");

    [Fact]
    public void TG0109_instructions_and_kind_together_point_at_kind() =>
        AssertSingle(InType("""
            [TensorProduct("2x0e", "1x0e", "2x0e", Instructions = "0,0,0,uvw,true", [|Kind = TensorProductKind.Full|])]
            public static partial void Tp
            """ + Forward), "TG0109");

    [Fact]
    public void TG0110_unknown_forward_points_at_the_name()
    {
        Diagnostic diagnostic = AssertSingle(InType("""
            [TensorProductBackward([|"Missing"|])]
            public static partial void TpBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> gradOutput,
                TensorSpan<double> gradX1, TensorSpan<double> gradX2);
            """), "TG0110");
        Assert.Contains("'Missing'", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0111_spherical_harmonics_parity_points_at_the_block() =>
        AssertSingle(InType("""
            [SphericalHarmonics("0e + 1o + [|2o|]")]
            public static partial void Sh(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> output);
            """), "TG0111");

    [Fact]
    public void TG0113_unknown_forward_harmonics_points_at_the_name()
    {
        Diagnostic diagnostic = AssertSingle(InType("""
            [SphericalHarmonicsBackward([|"Missing"|])]
            public static partial void ShBackward(ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradVectors);
            """), "TG0113");
        Assert.Contains("'Missing'", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0107_spherical_harmonics_backward_writes_only_gradVectors()
    {
        var (source, span) = Markup.Parse(InType("""
            [SphericalHarmonics("0e + 1o")]
            public static partial void Sh(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> output);

            [SphericalHarmonicsBackward(nameof(Sh))]
            public static partial void ShBackward(ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradOutput, [|ReadOnlyTensorSpan<double>|] gradVectors);
            """));
        GeneratorOutcome outcome = GeneratorHarness.Run(source, new TensorProductGenerator());
        Diagnostic diagnostic = AssertLocatedAt(outcome, source, span, "TG0107");
        Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Contains("gradient of the vectors", Message(diagnostic), StringComparison.Ordinal);
        Assert.Equal(2, outcome.Sources.Count);
        Assert.DoesNotContain(outcome.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && d.Id != "TG0107");
    }

    [Fact]
    public void TG0113_unknown_forward_of_a_double_backward_points_at_the_name()
    {
        Diagnostic diagnostic = AssertSingle(InType("""
            [SphericalHarmonicsDoubleBackward([|"ShBackward"|])]
            public static partial void ShDoubleBackward(ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradOutput,
                ReadOnlyTensorSpan<double> gradGradVectors, TensorSpan<double> gradVectors, TensorSpan<double> gradGradOutput);
            """), "TG0113");
        Assert.Contains("[SphericalHarmonicsDoubleBackward] on", Message(diagnostic), StringComparison.Ordinal);
        Assert.Contains("'ShBackward'", Message(diagnostic), StringComparison.Ordinal);
        Assert.Contains("no [SphericalHarmonics] method", Message(diagnostic), StringComparison.Ordinal);
        Assert.Contains("[SphericalHarmonicsDoubleBackward(nameof(Sh))]", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0107_spherical_harmonics_double_backward_writes_both_gradients()
    {
        var (source, span) = Markup.Parse(InType("""
            [SphericalHarmonics("0e + 1o")]
            public static partial void Sh(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> output);

            [SphericalHarmonicsDoubleBackward(nameof(Sh))]
            public static partial void ShDoubleBackward(ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradOutput,
                ReadOnlyTensorSpan<double> gradGradVectors, TensorSpan<double> gradVectors, [|ReadOnlyTensorSpan<double>|] gradGradOutput);
            """));
        GeneratorOutcome outcome = GeneratorHarness.Run(source, new TensorProductGenerator());
        Diagnostic diagnostic = AssertLocatedAt(outcome, source, span, "TG0107");
        Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Contains("gradient of the output gradient", Message(diagnostic), StringComparison.Ordinal);
        Assert.Equal(2, outcome.Sources.Count);
        Assert.DoesNotContain(outcome.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && d.Id != "TG0107");
    }

    [Fact]
    public void TG0107_spherical_harmonics_double_backward_names_the_expected_signature()
    {
        var (source, span) = Markup.Parse(InType("""
            [SphericalHarmonics("0e + 1o")]
            public static partial void Sh(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> output);

            [SphericalHarmonicsDoubleBackward(nameof(Sh))]
            public static partial void [|ShDoubleBackward|](ReadOnlyTensorSpan<double> vectors, ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradVectors);
            """));
        GeneratorOutcome outcome = GeneratorHarness.Run(source, new TensorProductGenerator());
        Diagnostic diagnostic = AssertLocatedAt(outcome, source, span, "TG0107");
        Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Contains("has 3 parameters", Message(diagnostic), StringComparison.Ordinal);
        Assert.Contains("ReadOnlyTensorSpan<T> gradGradVectors, TensorSpan<T> gradVectors, TensorSpan<T> gradGradOutput", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG9999_an_exception_while_emitting_is_a_diagnostic_not_a_crash()
    {
        var (source, span) = Markup.Parse(InType("""
            [TensorProduct("2x0e", "1x0e", "2x0e")]
            public static partial void [|Tp|]
            """ + Forward));
        GeneratorOutcome outcome = GeneratorHarness.Run(source, new TensorProductGenerator(_ => throw new InvalidOperationException("boom")));
        Diagnostic diagnostic = AssertLocatedAt(outcome, source, span, "TG9999");
        Assert.Contains("boom", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void A_sound_declaration_compiles_without_diagnostics()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(InType("""
            [TensorProduct("2x0e+2x1o", "1x0e+1x1o", "2x0e+2x1o+1x2e")]
            public static partial void Tp(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

            [TensorProductBackward(nameof(Tp))]
            public static partial void TpBackward(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights,
                ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights);

            [SphericalHarmonics("0e+1o+2e", Normalize = true)]
            public static partial void Sh(ReadOnlyTensorSpan<float> vectors, TensorSpan<float> output);
            """), new TensorProductGenerator());
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Equal(3, outcome.Sources.Count);
        Assert.Empty(outcome.CompilationProblems);
    }

    [Fact]
    public void Equivariance_core_sources_do_not_use_Roslyn()
    {
        string core = Path.GetFullPath(Path.Combine(TestDirectory(), "..", "..", "src", "Generator", "Core", "Equivariance"));
        Assert.DoesNotContain(Directory.GetFiles(core, "*.cs", SearchOption.AllDirectories),
            file => File.ReadAllText(file).Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    private static string TestDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    private static Diagnostic AssertSingle(string markup, string id)
    {
        var (source, span) = Markup.Parse(markup);
        GeneratorOutcome outcome = GeneratorHarness.Run(source, new TensorProductGenerator());
        Diagnostic diagnostic = AssertLocatedAt(outcome, source, span, id);
        Assert.Single(outcome.GeneratorDiagnostics);

        // The declaration got a body that throws, so the compiler adds no "no implementation" error.
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
