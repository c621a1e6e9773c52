using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace TensorGen.Generator.Tests;

/// <summary>The GPU backend's declarations: what Backends adds, and TG0019–TG0021.</summary>
public class GpuGeneratorTests
{
    private const string Usings = """
        using System;
        using System.Numerics.Tensors;
        using TensorGen;

        """;

    private static string InType(string members, string type = "Kernels") => Usings + $"public static partial class {type}\n{{\n" + members + "\n}\n";

    [Fact]
    public void Cpu_only_backends_generate_what_no_backends_does()
    {
        string plain = """[Einsum("ij,jk->ik", Sizes = "i=2,j=3,k=4")] public static partial void F(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> r);""";
        string cpu = plain.Replace("k=4\")", "k=4\", Backends = Backend.Cpu)", StringComparison.Ordinal);
        Assert.Equal(GeneratorHarness.Run(InType(plain)).Source("Kernels.F.g.cs"), GeneratorHarness.Run(InType(cpu)).Source("Kernels.F.g.cs"));
    }

    [Theory]
    [InlineData("""[Einsum("ij,jk->ik", Sizes = "i=2,j=3,k=4", Backends = Backend.Cpu | Backend.Gpu)] public static partial void F(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> r);""")]
    [InlineData("""[Einsum("...ij,jk->...ik", Backends = Backend.Gpu)] public static partial void F(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, TensorSpan<double> r);""")]
    [InlineData("""[Einsum("ia,jb,na->nij", Sizes = "i=2,j=2,a=2,b=1,n=64", Backends = Backend.Gpu)] public static partial void F(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, Span<float> r);""")]
    [InlineData("""[Einsum("ii->", Sizes = "i=0", Backends = Backend.Gpu)] internal static partial void F(ReadOnlySpan<double> a, Span<double> r);""")]
    public void Gpu_backend_adds_entry_points_that_compile(string declaration)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(InType(declaration));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompilationProblems);
        string source = outcome.Source("Kernels.F.g.cs");
        Assert.Contains("static void FGpu(global::TensorGen.Runtime.Gpu.GpuContext gpu", source, StringComparison.Ordinal);
        Assert.Contains("GPU kernels (Backend.Gpu, ILGPU; entry points FGpu)", source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(Backend)4")]
    [InlineData("(Backend)0")]
    public void TG0019_backends_outside_the_flags(string value)
    {
        var (source, span) = Markup.Parse(InType($$"""[Einsum("ij->ji", Sizes = "i=2,j=3", [|Backends = {{value}}|])] public static partial void F(ReadOnlySpan<float> a, Span<float> r);"""));
        GeneratorOutcome outcome = GeneratorHarness.Run(source);

        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("TG0019", diagnostic.Id);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
    }

    [Fact]
    public void TG0020_without_the_gpu_runtime_only_the_cpu_kernel_is_generated()
    {
        var (source, span) = Markup.Parse(InType("""[Einsum("ij->ji", Sizes = "i=2,j=3", [|Backends = Backend.Cpu | Backend.Gpu|])] public static partial void F(ReadOnlySpan<float> a, Span<float> r);"""));
        GeneratorOutcome outcome = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(GeneratorHarness.ReferencesWithoutGpu, source));

        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("TG0020", diagnostic.Id);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Contains("TensorGen.Runtime.Gpu", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(outcome.CompilationProblems);
        Assert.DoesNotContain("FGpu", outcome.Source("Kernels.F.g.cs"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[Einsum("ij,jk->ik", Replan = true, [|Backends = Backend.Gpu|])] public static partial void F(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> r);""", "Kernels")]
    [InlineData("""[Einsum("ij,jk,kl->il", Sizes = "i=8,j=8,k=8,l=8", MemoryLimit = 16, [|Backends = Backend.Gpu|])] public static partial void F(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c, Span<float> r);""", "Kernels")]
    [InlineData("""[Einsum("ij->ji", Sizes = "i=2,j=3", [|Backends = Backend.Gpu|])] public static partial void F(ReadOnlySpan<float> a, Span<float> r);""", "Kernels<T>")]
    public void TG0021_gpu_backend_where_it_cannot_be_written(string declaration, string type)
    {
        var (source, span) = Markup.Parse(InType(declaration, type));
        GeneratorOutcome outcome = GeneratorHarness.Run(source);

        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("TG0021", diagnostic.Id);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
    }
}
