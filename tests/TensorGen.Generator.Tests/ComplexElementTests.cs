using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace TensorGen.Generator.Tests;

/// <summary>
/// [Einsum] over System.Numerics.Complex: accepted in both forms (compiles without a diagnostic or a warning), refused
/// where the kernel cannot be written (TG0004 next to another element type, TG0021 on the GPU), and still refused by the
/// families that compute in float or double only (TG0107).
/// </summary>
public class ComplexElementTests
{
    private const string Usings = """
        using System;
        using System.Numerics;
        using System.Numerics.Tensors;
        using TensorGen;

        """;

    private static string InType(string members) => Usings + "public static partial class Kernels\n{\n" + members + "\n}\n";

    [Theory]
    [InlineData("""[Einsum("bixy,ioxy->boxy", Sizes = "b=2,i=3,o=4,x=2,y=3")] public static partial void F(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> r);""")]
    [InlineData("""[Einsum("ij,jk->ik", Sizes = "i=64,j=64,k=64", Accumulate = true)] public static partial void F(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> r);""")]
    [InlineData("""[Einsum("bi,bj->bij", Sizes = "b=64,i=2,j=2")] public static partial void F(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> r);""")]
    [InlineData("""[Einsum("...ij,...jk->...ik")] public static partial void F(ReadOnlyTensorSpan<Complex> a, ReadOnlyTensorSpan<Complex> b, TensorSpan<Complex> r);""")]
    [InlineData("""[Einsum("ijk,jr,kr->ir")] public static partial void F(ReadOnlyTensorSpan<System.Numerics.Complex> x, ReadOnlyTensorSpan<Complex> u, ReadOnlyTensorSpan<Complex> w, TensorSpan<Complex> r);""")]
    public void Complex_elements_generate_a_kernel_in_both_forms(string declaration)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(InType(declaration));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompilationProblems);
        string generated = outcome.Source("Kernels.F.g.cs");
        Assert.Contains("Element type:   System.Numerics.Complex", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("BatchedChainKernel", generated, StringComparison.Ordinal); // Vector<Complex> does not exist
    }

    [Fact]
    public void TG0004_complex_next_to_double_points_at_the_parameter_type()
    {
        var (source, span) = Markup.Parse(InType(
            """[Einsum("ij,jk->ik")] public static partial void F(ReadOnlyTensorSpan<Complex> a, [|ReadOnlyTensorSpan<double>|] b, TensorSpan<Complex> r);"""));

        Diagnostic diagnostic = Assert.Single(GeneratorHarness.Run(source).GeneratorDiagnostics);

        Assert.Equal("TG0004", diagnostic.Id);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
    }

    [Fact]
    public void TG0003_names_complex_among_the_supported_types()
    {
        var (source, span) = Markup.Parse(InType(
            """[Einsum("ij->ji")] public static partial void F([|ReadOnlyTensorSpan<Half>|] a, TensorSpan<Half> r);"""));

        Diagnostic diagnostic = GeneratorHarness.Run(source).GeneratorDiagnostics.First();

        Assert.Equal("TG0003", diagnostic.Id);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Contains("ReadOnlyTensorSpan<Complex>", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0021_complex_elements_on_the_gpu_point_at_backends()
    {
        var (source, span) = Markup.Parse(InType(
            """[Einsum("ij,jk->ik", Sizes = "i=2,j=3,k=4", [|Backends = Backend.Cpu | Backend.Gpu|])] public static partial void F(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> r);"""));

        Diagnostic diagnostic = Assert.Single(GeneratorHarness.Run(source).GeneratorDiagnostics);

        Assert.Equal("TG0021", diagnostic.Id);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Contains("Complex", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0107_tensor_products_still_refuse_complex_elements()
    {
        var (source, span) = Markup.Parse(InType(
            """[SphericalHarmonics("0e+1o")] public static partial void Sh(ReadOnlyTensorSpan<double> vectors, [|TensorSpan<Complex>|] output);"""));

        Diagnostic diagnostic = Assert.Single(GeneratorHarness.Run(source, new TensorProductGenerator()).GeneratorDiagnostics);

        Assert.Equal("TG0107", diagnostic.Id);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
    }
}
