using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace TensorGen.Generator.Tests;

/// <summary>
/// [TensorProductConvolution] and [TensorProductConvolutionBackward] declarations: every problem a located TG diagnostic
/// with a throwing body (never an exception), and a sound declaration compiling with no diagnostic at all.
/// </summary>
public class MessagePassingDiagnosticTests
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

    private static string InType(string members) =>
        "using System;\nusing System.Numerics.Tensors;\nusing TensorGen;\n\npublic partial class Kernels\n{\n" + members + "\n}\n";

    [Fact]
    public void A_sound_convolution_and_its_backward_pass_compile_without_diagnostics()
    {
        GeneratorOutcome outcome = GeneratorHarness.RunAll(InType(Product + Convolution + """
            [TensorProductConvolutionBackward(nameof(Conv))]
            public static partial void ConvBackward(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures, ReadOnlyTensorSpan<double> weights,
                ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<double> gradOutput,
                TensorSpan<double> gradNodeFeatures, TensorSpan<double> gradEdgeFeatures, TensorSpan<double> gradWeights);
            """));
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Contains(outcome.Sources, s => s.HintName == "Kernels.ConvBackward.TensorProductConvolutionBackward.g.cs");
    }

    [Fact]
    public void TG0110_unknown_product_points_at_the_name()
    {
        Diagnostic diagnostic = AssertSingle("""
            [TensorProductConvolution([|"Missing"|])]
            public static partial void Conv(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures, ReadOnlyTensorSpan<double> weights,
                ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<double> output);
            """, "TG0110");
        Assert.Contains("'Missing'", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0113_unknown_convolution_points_at_the_name() =>
        AssertSingle(Convolution + """
            [TensorProductConvolutionBackward([|nameof(Tp)|])]
            public static partial void ConvBackward(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures, ReadOnlyTensorSpan<double> weights,
                ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<double> gradOutput,
                TensorSpan<double> gradNodeFeatures, TensorSpan<double> gradEdgeFeatures, TensorSpan<double> gradWeights);
            """, "TG0113", expectedSources: 2);

    [Fact]
    public void TG0107_edge_indices_are_ReadOnlySpan_of_int()
    {
        Diagnostic diagnostic = AssertSingle("""
            [TensorProductConvolution(nameof(Tp))]
            public static partial void Conv(ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures, ReadOnlyTensorSpan<double> weights,
                [|ReadOnlySpan<long>|] senders, ReadOnlySpan<int> receivers, TensorSpan<double> output);
            """, "TG0107");
        Assert.Contains("ReadOnlySpan<int>", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0106_a_weighted_product_needs_the_weights()
    {
        Diagnostic diagnostic = AssertSingle("""
            [TensorProductConvolution(nameof(Tp))]
            public static partial void [|Conv|](ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures,
                ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<double> output);
            """, "TG0106");
        Assert.Contains("weights", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0022_a_product_that_is_also_a_convolution_is_reported_once()
    {
        GeneratorOutcome outcome = GeneratorHarness.RunAll(InType("""
            [TensorProduct("0e", "0e", "0e")]
            [TensorProductConvolution(nameof(F))]
            public static partial void F(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);
            """));
        Assert.Equal("TG0022", Assert.Single(outcome.GeneratorDiagnostics).Id);
        Assert.Null(outcome.Result.Results.FirstOrDefault(r => r.Exception is not null).Exception);
    }

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    /// <summary>With the product declared: one diagnostic, at the marked span, and a throwing body for the faulty method.</summary>
    private static Diagnostic AssertSingle(string members, string id, int expectedSources = 1) =>
        SingleDiagnostic.Assert(InType(Product + members), new MessagePassingGenerator(), id, expectedSources);
}
