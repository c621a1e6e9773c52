using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace TensorGen.Generator.Tests;

/// <summary>
/// <c>Backends</c> on the equivariant attributes: TG0019 for a value that is not Backend flags, TG0112 where the GPU kernels
/// cannot be written, TG0020 (the CPU kernel still written) without TensorGen.Runtime.Gpu; with it, the GPU members compile.
/// </summary>
public class EquivariantGpuDiagnosticTests
{
    private const string Usings = """
        using System;
        using System.Numerics.Tensors;
        using TensorGen;

        """;

    private const string Forward = "(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);";

    private static string InType(string members, string type = "Kernels") => Usings + $"public partial class {type}\n{{\n" + members + "\n}\n";

    [Theory]
    [InlineData("(Backend)0")]
    [InlineData("(Backend)4")]
    [InlineData("Backend.Gpu | (Backend)8")]
    public void TG0019_backends_that_are_not_flags_point_at_the_argument(string value)
    {
        Diagnostic diagnostic = AssertFailure(InType($"""
            [TensorProduct("2x0e", "1x0e", "2x0e", [|Backends = {value}|])]
            public static partial void Tp
            """ + Forward), "TG0019");
        Assert.Contains("Backend.Cpu (1) and Backend.Gpu (2)", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0112_generic_containing_type() =>
        AssertFailure(Usings + """
            public partial class Kernels<T>
            {
                [TensorProduct("2x0e", "1x0e", "2x0e", [|Backends = Backend.Cpu | Backend.Gpu|])]
                public static partial void Tp(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);
            }
            """, "TG0112");

    [Fact]
    public void TG0112_parameter_named_like_the_context_points_at_the_parameter()
    {
        Diagnostic diagnostic = AssertFailure(InType("""
            [SphericalHarmonics("0e+1o", Backends = Backend.Gpu)]
            public static partial void Sh([|ReadOnlyTensorSpan<float> gpu|], TensorSpan<float> output);
            """), "TG0112");
        Assert.Contains("GpuContext", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0112_backward_pass_with_x2_wider_than_shared_memory()
    {
        Diagnostic diagnostic = AssertFailure(InType("""
            [TensorProduct("1x0e", "2100x0e", "2100x0e", Instructions = "0,0,0,uvv,true")]
            public static partial void Tp
            """ + Forward + """

            [TensorProductBackward(nameof(Tp), [|Backends = Backend.Cpu | Backend.Gpu|])]
            public static partial void TpBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
                ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);
            """), "TG0112", expectedSources: 2);
        Assert.Contains("2100 features", Message(diagnostic), StringComparison.Ordinal);
        Assert.Contains("at most 2048 double", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0020_without_the_gpu_runtime_the_cpu_kernel_is_still_written()
    {
        var (source, span) = Markup.Parse(InType("""
            [TensorProduct("2x0e", "1x0e", "2x0e", [|Backends = Backend.Cpu | Backend.Gpu|])]
            public static partial void Tp
            """ + Forward));
        GeneratorOutcome outcome = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(GeneratorHarness.ReferencesWithoutGpu, source), new TensorProductGenerator());
        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("TG0020", diagnostic.Id);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        string generated = Assert.Single(outcome.Sources).SourceText.ToString();
        Assert.Contains("TensorProductDriver.Forward", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("TpGpu", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void Gpu_members_compile_beside_the_cpu_kernels()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(InType("""
            [TensorProduct("2x0e+1x1o", "1x0e+1x1o", "2x0e+1x1o", Backends = Backend.Cpu | Backend.Gpu)]
            public static partial void Tp
            """ + Forward + """

            [TensorProductBackward(nameof(Tp), Backends = Backend.Gpu)]
            public static partial void TpBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights,
                ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

            [SphericalHarmonics("0e+1o+2e", Backends = Backend.Cpu | Backend.Gpu)]
            public static partial void Sh(ReadOnlyTensorSpan<float> vectors, TensorSpan<float> output);
            """), new TensorProductGenerator());
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompilationProblems);
        Assert.Contains("static void TpGpu(global::TensorGen.Runtime.Gpu.GpuContext gpu, global::ILGPU.ArrayView<double> x1", outcome.Source("Kernels.Tp.TensorProduct.g.cs"), StringComparison.Ordinal);
        Assert.Contains("private static void TpBackwardGpuKernel(", outcome.Source("Kernels.TpBackward.TensorProductBackward.g.cs"), StringComparison.Ordinal);
        Assert.Contains("private static void ShGpuKernel(global::ILGPU.Index1D row", outcome.Source("Kernels.Sh.SphericalHarmonics.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Backend_cpu_alone_adds_nothing()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(InType("""
            [TensorProduct("2x0e", "1x0e", "2x0e", Backends = Backend.Cpu)]
            public static partial void Tp
            """ + Forward), new TensorProductGenerator());
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompilationProblems);
        Assert.DoesNotContain("Gpu", Assert.Single(outcome.Sources).SourceText.ToString(), StringComparison.Ordinal);
    }

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    /// <summary>One diagnostic <paramref name="id"/> at the marked text; the declaration got a throwing body (no CS8795).</summary>
    private static Diagnostic AssertFailure(string markup, string id, int expectedSources = 1)
    {
        var (source, span) = Markup.Parse(markup);
        GeneratorOutcome outcome = GeneratorHarness.Run(source, new TensorProductGenerator());
        Assert.Null(outcome.Result.Results.Single().Exception);
        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Equal(expectedSources, outcome.Sources.Count);
        Assert.DoesNotContain(outcome.Output.GetDiagnostics(), d => d.Id == "CS8795");
        Assert.Contains(outcome.Sources, s => s.SourceText.ToString().Contains("global::System.NotSupportedException(\"" + id, StringComparison.Ordinal));
        return diagnostic;
    }
}
