using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace TensorGen.Generator.Tests;

/// <summary>
/// [TensorProductDoubleBackward] and [TensorProductConvolutionDoubleBackward]: a sound declaration compiles with no
/// diagnostic and its header carries the derivation; every problem (unknown forward, wrong parameters, missing weights) is
/// one located TG diagnostic with a throwing body, never an exception.
/// </summary>
public class DoubleBackwardDiagnosticTests
{
    private const string Product = """
        [TensorProduct("2x0e+1x1o", "0e+1o", "", Kind = TensorProductKind.Channelwise, SharedWeights = false)]
        public static partial void Tp(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

        """;

    private const string Convolution = """
        [TensorProductConvolution(nameof(Tp))]
        public static partial void Conv(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures, ReadOnlyTensorSpan<double> weights,
            ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<double> output);

        """;

    private const string DoubleBackwardParameters = """
        (ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
            ReadOnlyTensorSpan<double> gradOutput, ReadOnlyTensorSpan<double> gradGradX1, ReadOnlyTensorSpan<double> gradGradX2, ReadOnlyTensorSpan<double> gradGradWeights,
            TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights, TensorSpan<double> gradGradOutput);
        """;

    private const string ConvolutionDoubleBackwardParameters = """
        (ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures, ReadOnlyTensorSpan<double> weights,
            ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<double> gradOutput,
            ReadOnlyTensorSpan<double> gradGradNodeFeatures, ReadOnlyTensorSpan<double> gradGradEdgeFeatures, ReadOnlyTensorSpan<double> gradGradWeights,
            TensorSpan<double> gradNodeFeatures, TensorSpan<double> gradEdgeFeatures, TensorSpan<double> gradWeights, TensorSpan<double> gradGradOutput);
        """;

    private static string InType(string members) =>
        "using System;\nusing System.Numerics.Tensors;\nusing TensorGen;\n\npublic partial class Kernels\n{\n" + members + "\n}\n";

    [Fact]
    public void Sound_double_backward_passes_compile_without_diagnostics_and_state_their_derivation()
    {
        GeneratorOutcome outcome = GeneratorHarness.RunAll(InType(Product + Convolution
            + "[TensorProductDoubleBackward(nameof(Tp))]\npublic static partial void TpDoubleBackward" + DoubleBackwardParameters + "\n"
            + "[TensorProductConvolutionDoubleBackward(nameof(Conv))]\npublic static partial void ConvDoubleBackward" + ConvolutionDoubleBackwardParameters));
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        string product = Assert.Single(outcome.Sources, s => s.HintName == "Kernels.TpDoubleBackward.TensorProductDoubleBackward.g.cs").SourceText.ToString();
        string convolution = Assert.Single(outcome.Sources, s => s.HintName == "Kernels.ConvDoubleBackward.TensorProductConvolutionDoubleBackward.g.cs").SourceText.ToString();
        foreach (string file in new[] { product, convolution })
        {
            Assert.Contains("TP(a1, x2; w) + TP(x1, a2; w) + TP°(x1, x2; aw)", file, StringComparison.Ordinal);
            Assert.Contains("ITensorProductDoubleBackward<double>", file, StringComparison.Ordinal);
            Assert.Contains("FLOPs per row:", file, StringComparison.Ordinal);
        }

        Assert.Contains("TensorProductDriver.DoubleBackward<double,", product, StringComparison.Ordinal);
        Assert.Contains("ConvolutionDriver.DoubleBackward<double,", convolution, StringComparison.Ordinal);
    }

    [Fact]
    public void Unweighted_paths_are_left_out_of_the_products_in_the_weights_direction()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(InType("""
            [TensorProduct("2x1o", "1o", "2x0e+2x1e", Instructions = "0,0,0,uvu,true; 0,0,1,uvu,false")]
            public static partial void Mixed(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

            [TensorProductDoubleBackward(nameof(Mixed))]
            public static partial void MixedDoubleBackward
            """ + DoubleBackwardParameters), new TensorProductGenerator());
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompilationProblems);
        string file = Assert.Single(outcome.Sources, s => s.HintName.Contains("MixedDoubleBackward", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("if (!weightedPathsOnly)", file, StringComparison.Ordinal);
    }

    [Fact]
    public void TG0110_unknown_forward_points_at_the_name()
    {
        Diagnostic diagnostic = AssertSingle(new TensorProductGenerator(),
            "[TensorProductDoubleBackward([|\"Missing\"|])]\npublic static partial void TpDoubleBackward" + DoubleBackwardParameters, "TG0110", expectedSources: 2);
        Assert.Contains("'Missing'", Message(diagnostic), StringComparison.Ordinal);
        Assert.Contains("[TensorProductDoubleBackward(nameof(Tp))]", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0107_a_wrong_parameter_count_says_what_is_expected()
    {
        Diagnostic diagnostic = AssertSingle(new TensorProductGenerator(), """
            [TensorProductDoubleBackward(nameof(Tp))]
            public static partial void [|TpDoubleBackward|](ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
                ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);
            """, "TG0107", expectedSources: 2);
        Assert.Contains("gradGradX1", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0107_an_upstream_gradient_declared_as_a_result_points_at_its_type()
    {
        Diagnostic diagnostic = AssertSingle(new TensorProductGenerator(), """
            [TensorProductDoubleBackward(nameof(Tp))]
            public static partial void TpDoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
                ReadOnlyTensorSpan<double> gradOutput, [|TensorSpan<double>|] gradGradX1, ReadOnlyTensorSpan<double> gradGradX2, ReadOnlyTensorSpan<double> gradGradWeights,
                TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights, TensorSpan<double> gradGradOutput);
            """, "TG0107", expectedSources: 2);
        Assert.Contains("upstream gradient of gradX1", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0106_a_weighted_product_needs_the_weights_parameters()
    {
        Diagnostic diagnostic = AssertSingle(new TensorProductGenerator(), """
            [TensorProductDoubleBackward(nameof(Tp))]
            public static partial void [|TpDoubleBackward|](ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> gradOutput,
                ReadOnlyTensorSpan<double> gradGradX1, ReadOnlyTensorSpan<double> gradGradX2, TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradGradOutput);
            """, "TG0106", expectedSources: 2);
        Assert.Contains("gradGradWeights", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0113_unknown_convolution_points_at_the_name() =>
        AssertSingle(new MessagePassingGenerator(), Convolution
            + "[TensorProductConvolutionDoubleBackward([|nameof(Tp)|])]\npublic static partial void ConvDoubleBackward" + ConvolutionDoubleBackwardParameters,
            "TG0113", expectedSources: 2);

    [Fact]
    public void TG0107_convolution_edge_indices_are_ReadOnlySpan_of_int()
    {
        Diagnostic diagnostic = AssertSingle(new MessagePassingGenerator(), Convolution + """
            [TensorProductConvolutionDoubleBackward(nameof(Conv))]
            public static partial void ConvDoubleBackward(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures, ReadOnlyTensorSpan<double> weights,
                ReadOnlySpan<int> senders, [|int[]|] receivers, ReadOnlyTensorSpan<double> gradOutput,
                ReadOnlyTensorSpan<double> gradGradNodeFeatures, ReadOnlyTensorSpan<double> gradGradEdgeFeatures, ReadOnlyTensorSpan<double> gradGradWeights,
                TensorSpan<double> gradNodeFeatures, TensorSpan<double> gradEdgeFeatures, TensorSpan<double> gradWeights, TensorSpan<double> gradGradOutput);
            """, "TG0107", expectedSources: 2);
        Assert.Contains("ReadOnlySpan<int>", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0106_a_weighted_convolution_needs_the_weights_parameters()
    {
        Diagnostic diagnostic = AssertSingle(new MessagePassingGenerator(), Convolution + """
            [TensorProductConvolutionDoubleBackward(nameof(Conv))]
            public static partial void [|ConvDoubleBackward|](ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures,
                ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<double> gradOutput,
                ReadOnlyTensorSpan<double> gradGradNodeFeatures, ReadOnlyTensorSpan<double> gradGradEdgeFeatures,
                TensorSpan<double> gradNodeFeatures, TensorSpan<double> gradEdgeFeatures, TensorSpan<double> gradGradOutput);
            """, "TG0106", expectedSources: 2);
        Assert.Contains("gradGradWeights", Message(diagnostic), StringComparison.Ordinal);
    }

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    /// <summary>With the product declared: one diagnostic, at the marked span, and a throwing body for the faulty method.</summary>
    private static Diagnostic AssertSingle(IIncrementalGenerator generator, string members, string id, int expectedSources) =>
        DiagnosticAssertions.Single(generator, InType(Product + members), id, expectedSources);
}
