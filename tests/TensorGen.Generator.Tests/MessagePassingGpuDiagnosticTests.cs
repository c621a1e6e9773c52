using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace TensorGen.Generator.Tests;

/// <summary>
/// <c>Backends</c> and <c>GpuScatter</c> on [TensorProductConvolution] and [TensorProductConvolutionBackward]: TG0120 (not a
/// ConvolutionScatter value), TG0121 (GpuScatter without Backend.Gpu), TG0122 (a parameter named like the device entry
/// point's graph), TG0019/TG0020 as on the products, each at its argument with a throwing body; and the GPU members of both
/// variants compiling beside the CPU kernels.
/// </summary>
public class MessagePassingGpuDiagnosticTests
{
    private const string Product = """
        [TensorProduct("2x0e+1x1o", "0e+1o", "", Kind = TensorProductKind.Channelwise, SharedWeights = false)]
        public static partial void Tp(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

        """;

    private const string ConvolutionParameters = """
        (ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures, ReadOnlyTensorSpan<double> weights,
            ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<double> output);
        """;

    private const string BackwardParameters = """
        (ReadOnlyTensorSpan<double> nodeFeatures, ReadOnlyTensorSpan<double> edgeFeatures, ReadOnlyTensorSpan<double> weights,
            ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<double> gradOutput,
            TensorSpan<double> gradNodeFeatures, TensorSpan<double> gradEdgeFeatures, TensorSpan<double> gradWeights);
        """;

    private static string InType(string members) =>
        "using System;\nusing System.Numerics.Tensors;\nusing TensorGen;\n\npublic partial class Kernels\n{\n" + Product + members + "\n}\n";

    [Fact]
    public void TG0120_scatter_that_is_not_a_ConvolutionScatter_value_points_at_the_argument()
    {
        Diagnostic diagnostic = AssertSingle("""
            [TensorProductConvolution(nameof(Tp), Backends = Backend.Cpu | Backend.Gpu, [|GpuScatter = (ConvolutionScatter)7|])]
            public static partial void Conv
            """ + ConvolutionParameters, "TG0120");
        Assert.Contains("ConvolutionScatter.Deterministic or ConvolutionScatter.Atomic", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0121_scatter_without_the_gpu_backend_points_at_the_argument()
    {
        Diagnostic diagnostic = AssertSingle("""
            [TensorProductConvolution(nameof(Tp), [|GpuScatter = ConvolutionScatter.Atomic|])]
            public static partial void Conv
            """ + ConvolutionParameters, "TG0121");
        Assert.Contains("Backend.Cpu | Backend.Gpu", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0121_on_the_backward_pass_too() =>
        AssertSingle("""
            [TensorProductConvolution(nameof(Tp))]
            public static partial void Conv
            """ + ConvolutionParameters + """

            [TensorProductConvolutionBackward(nameof(Conv), Backends = Backend.Cpu, [|GpuScatter = ConvolutionScatter.Deterministic|])]
            public static partial void ConvBackward
            """ + BackwardParameters, "TG0121", expectedSources: 2);

    [Fact]
    public void TG0122_parameter_named_like_the_graph_points_at_the_parameter()
    {
        Diagnostic diagnostic = AssertSingle("""
            [TensorProductConvolution(nameof(Tp), Backends = Backend.Gpu)]
            public static partial void Conv([|ReadOnlyTensorSpan<double> graph|], ReadOnlyTensorSpan<double> edgeFeatures, ReadOnlyTensorSpan<double> weights,
                ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<double> output);
            """, "TG0122");
        Assert.Contains("GpuGraph", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0019_backends_that_are_not_flags() =>
        AssertSingle("""
            [TensorProductConvolution(nameof(Tp), [|Backends = (Backend)4|])]
            public static partial void Conv
            """ + ConvolutionParameters, "TG0019");

    [Fact]
    public void TG0020_without_the_gpu_runtime_the_cpu_kernel_is_still_written()
    {
        var (source, span) = Markup.Parse(InType("""
            [TensorProductConvolution(nameof(Tp), [|Backends = Backend.Cpu | Backend.Gpu|], GpuScatter = ConvolutionScatter.Atomic)]
            public static partial void Conv
            """ + ConvolutionParameters));
        GeneratorOutcome outcome = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(GeneratorHarness.ReferencesWithoutGpu, source), new MessagePassingGenerator());
        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("TG0020", diagnostic.Id);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        string generated = Assert.Single(outcome.Sources).SourceText.ToString();
        Assert.Contains("ConvolutionDriver.Forward", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("ConvGpu", generated, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Deterministic", "for (int at = offsets[row], end = offsets[row + 1]; at < end; at++)", "gradX2[x2Row + ")]
    [InlineData("Atomic", "global::ILGPU.Atomic.Add(ref output[", "global::ILGPU.Atomic.Add(ref gradX1[")]
    public void Gpu_members_of_both_variants_compile_beside_the_cpu_kernels(string scatter, string forwardMark, string backwardMark)
    {
        GeneratorOutcome outcome = GeneratorHarness.RunAll(InType($$"""
            [TensorProductConvolution(nameof(Tp), Backends = Backend.Cpu | Backend.Gpu, GpuScatter = ConvolutionScatter.{{scatter}})]
            public static partial void Conv
            """ + ConvolutionParameters + $$"""

            [TensorProductConvolutionBackward(nameof(Conv), Backends = Backend.Cpu | Backend.Gpu, GpuScatter = ConvolutionScatter.{{scatter}})]
            public static partial void ConvBackward
            """ + BackwardParameters));
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        string forward = outcome.Source("Kernels.Conv.TensorProductConvolution.g.cs");
        string backward = outcome.Source("Kernels.ConvBackward.TensorProductConvolutionBackward.g.cs");
        Assert.Contains("static void ConvGpu(global::TensorGen.Runtime.Gpu.GpuContext gpu, global::ILGPU.ArrayView<double> nodeFeatures, "
            + "global::ILGPU.ArrayView<double> edgeFeatures, global::ILGPU.ArrayView<double> weights, global::TensorGen.Runtime.Gpu.MessagePassing.GpuGraph graph, "
            + "global::ILGPU.ArrayView<double> output)", forward, StringComparison.Ordinal);
        Assert.Contains($"GpuScatter = {scatter}", forward, StringComparison.Ordinal);
        Assert.Contains(forwardMark, forward, StringComparison.Ordinal);
        Assert.Contains(backwardMark, backward, StringComparison.Ordinal);
    }

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    private static Diagnostic AssertSingle(string members, string id, int expectedSources = 1)
    {
        var (source, span) = Markup.Parse(InType(members));
        GeneratorOutcome outcome = GeneratorHarness.Run(source, new MessagePassingGenerator());
        Assert.Null(outcome.Result.Results.Single().Exception);
        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Equal(expectedSources, outcome.Sources.Count);
        Assert.Contains(outcome.Sources, s => s.SourceText.ToString().Contains("global::System.NotSupportedException(\"" + id, StringComparison.Ordinal));
        return diagnostic;
    }
}
