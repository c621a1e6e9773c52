using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace TensorGen.Generator.Tests;

/// <summary>
/// A method with attributes of two TensorGen kernel kinds (TG0022), all generators running together as in a project. Each
/// generator used to implement it for its own attribute, and the user got CS0757 ("a partial method may not have multiple
/// implementing declarations") — generator fuzz, seed 20250601, D1330, D2021, D4496, D5187, D5589, D7662, D8755. Now exactly one
/// TG0022 points at the first attribute of a second kind, one pipeline writes the throwing body, and the type's other kernels
/// are generated as before.
/// </summary>
public class MixedKernelAttributeTests
{
    private const string Usings = """
        using System;
        using System.Numerics.Tensors;
        using TensorGen;
        using TensorGen.Decompositions;

        """;

    /// <summary>Kernels of every generator beside the mixed method: each must still get its ordinary implementation.</summary>
    private const string Siblings = """
        [Einsum("ij,jk->ik")]
        public static partial void MatMul(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);

        [SphericalHarmonics("0e+1o")]
        public static partial void Sh(ReadOnlyTensorSpan<float> vectors, TensorSpan<float> output);

        [CpKernel(CpOperation.Norm, Order = 3)]
        public static partial double CpNorm(CpTensor<double> x);
        """;

    private const string MatMul = "(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);";

    private const string Forward = "(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);";

    /// <summary>The mixed method (markup: the expected location), the attributes' names in the message, and the reporting generator and file.</summary>
    public static TheoryData<string, string, string> Cases => new()
    {
        {
            """
            [TensorProduct("0e", "0e", "0e")]
            [[|Einsum|]("ij,jk->ik")]
            public static partial void Mixed
            """ + MatMul,
            "[TensorProduct] and [Einsum]",
            "EinsumGenerator/Kernels.Mixed.g.cs"
        },
        {
            """
            [Einsum("ij,jk->ik")]
            [[|TensorProduct|]("0e", "0e", "0e")]
            public static partial void Mixed
            """ + Forward,
            "[Einsum] and [TensorProduct]",
            "EinsumGenerator/Kernels.Mixed.g.cs"
        },
        {
            """
            [CpKernel(CpOperation.Inner, Order = 3)]
            [[|Einsum|]("ij,jk->ik")]
            public static partial double Mixed(CpTensor<double> x, CpTensor<double> y);
            """,
            "[CpKernel] and [Einsum]",
            "EinsumGenerator/Kernels.Mixed.g.cs"
        },
        {
            """
            [TensorProduct("0e", "0e", "0e"), [|TuckerKernel|](TuckerOperation.Norm, Order = 2)]
            public static partial void Mixed
            """ + Forward,
            "[TensorProduct] and [TuckerKernel]",
            "TensorProductGenerator/Kernels.Mixed.TensorProduct.g.cs"
        },
        {
            """
            [TensorProduct("0e", "0e", "0e")]
            [[|SphericalHarmonics|]("0e")]
            public static partial void Mixed
            """ + Forward,
            "[TensorProduct] and [SphericalHarmonics]",
            "TensorProductGenerator/Kernels.Mixed.TensorProduct.g.cs"
        },
        {
            """
            [SphericalHarmonics("0e")]
            [[|TensorProductBackward|](nameof(Mixed))]
            public static partial void Mixed(ReadOnlyTensorSpan<float> vectors, TensorSpan<float> output);
            """,
            "[SphericalHarmonics] and [TensorProductBackward]",
            "TensorProductGenerator/Kernels.Mixed.TensorProductBackward.g.cs"
        },
        {
            """
            [CpKernel(CpOperation.Inner, Order = 3)]
            [[|TuckerKernel|](TuckerOperation.Inner, Order = 3)]
            public static partial double Mixed(CpTensor<double> x, CpTensor<double> y);
            """,
            "[CpKernel] and [TuckerKernel]",
            "DecompositionGenerator/Kernels.Mixed.g.cs"
        },
        {
            // Three kinds, the first repeated: one TG0022 at the first attribute of a second kind, the compiler's CS0579 for the repeat.
            """
            [TensorTrainKernel(TensorTrainOperation.Norm, Order = 2), TensorTrainKernel(TensorTrainOperation.Norm, Order = 2)]
            [[|TensorTrainMatrixKernel|](TensorTrainMatrixOperation.Norm, Order = 2)]
            [SphericalHarmonics("0e")]
            public static partial double Mixed(TensorTrain<double> x);
            """,
            "[TensorTrainKernel], [TensorTrainMatrixKernel] and [SphericalHarmonics]",
            "TensorProductGenerator/Kernels.Mixed.SphericalHarmonics.g.cs"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void One_TG0022_at_the_second_kind_and_one_throwing_body(string mixed, string kinds, string reporter)
    {
        var (source, span) = Markup.Parse(InType(mixed + "\n\n" + Siblings));
        GeneratorOutcome outcome = GeneratorHarness.RunAll(source);

        Assert.All(outcome.Result.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(outcome.DriverDiagnostics, d => d.Id == "CS8785");

        // Exactly one TG diagnostic in all, TG0022, an error at the attribute's name.
        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("TG0022", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Equal("/src/File0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(SourceText.From(source).Lines.GetLinePositionSpan(span), diagnostic.Location.GetLineSpan().Span);
        string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("'Kernels.Mixed' carries " + kinds + ",", message, StringComparison.Ordinal);
        Assert.Contains("declare another partial method", message, StringComparison.Ordinal);

        // One implementation of the mixed method, the reporting pipeline's throwing body; none from the other pipelines.
        var implementations = outcome.Result.Results
            .SelectMany(r => r.GeneratedSources.Select(s => (Generator: r.Generator.GetGeneratorType().Name, Source: s)))
            .Where(g => g.Source.SourceText.ToString().Contains(" Mixed(", StringComparison.Ordinal))
            .ToList();
        var (generator, body) = Assert.Single(implementations);
        Assert.Equal(reporter, generator + "/" + body.HintName);
        Assert.Contains("throw new global::System.NotSupportedException(\"TG0022: 'Kernels.Mixed' carries", body.SourceText.ToString(), StringComparison.Ordinal);

        // The siblings are generated as ever, and nothing else fails: no CS0757, no CS8795 (CS0579 only for a repeated attribute).
        Assert.Equal(4, outcome.Sources.Count);
        Assert.All(outcome.Sources.Except([body]), s => Assert.DoesNotContain("NotSupportedException", s.SourceText.ToString(), StringComparison.Ordinal));
        var errors = outcome.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ToList();
        string[] expected = mixed.Contains("TensorTrainKernel(TensorTrainOperation.Norm, Order = 2), TensorTrainKernel", StringComparison.Ordinal) ? ["CS0579"] : [];
        Assert.Equal(expected, errors);
        IMethodSymbol method = MixedMethod(outcome);
        Assert.NotNull(method.PartialImplementationPart);
    }

    [Fact]
    public void The_same_attribute_twice_is_the_compilers_CS0579_alone()
    {
        string source = InType("""
            [TensorProduct("0e", "0e", "0e"), TensorProduct("0e", "0e", "0e")]
            public static partial void Mixed
            """ + Forward);
        GeneratorOutcome outcome = GeneratorHarness.RunAll(source);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Single(outcome.Sources);
        var errors = outcome.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ToList();
        Assert.Equal(["CS0579"], errors);
    }

    [Fact]
    public void A_declaration_that_cannot_be_implemented_gets_TG0022_and_no_file()
    {
        // Not partial: no pipeline writes a body, and the kinds' own signature errors (TG0006, TG0108) give way to TG0022.
        string source = InType("""
            [Einsum("ij,jk->ik")]
            [TensorProduct("0e", "0e", "0e")]
            public static void Mixed
            """ + MatMul.Replace(");", ") { }", StringComparison.Ordinal));
        GeneratorOutcome outcome = GeneratorHarness.RunAll(source);

        Assert.Equal(["TG0022"], outcome.GeneratorDiagnostics.Select(d => d.Id));
        Assert.Empty(outcome.Sources);
    }

    /// <summary>Attribute class names separated by spaces ("-" for one that does not bind).</summary>
    [Theory]
    [InlineData("TensorGen.TensorProductAttribute TensorGen.EinsumAttribute", "TensorProduct,Einsum", "Einsum", 1)]
    [InlineData("System.ObsoleteAttribute TensorGen.TuckerKernelAttribute TensorGen.TuckerKernelAttribute TensorGen.CpKernelAttribute",
        "TuckerKernel,CpKernel", "CpKernel", 3)]
    [InlineData("TensorGen.TensorTrainMatrixKernelAttribute - TensorGen.SphericalHarmonicsAttribute TensorGen.TensorProductBackwardAttribute",
        "TensorTrainMatrixKernel,SphericalHarmonics,TensorProductBackward", "TensorProductBackward", 2)]
    public void FindMixed_names_the_kinds_the_reporter_and_the_position(string attributes, string kinds, string reporter, int position)
    {
        MixedKernelAttributes? mixed = KernelAttributes.FindMixed(Names(attributes));

        Assert.NotNull(mixed);
        Assert.Equal(kinds, string.Join(",", mixed.Kinds));
        Assert.Equal(reporter, mixed.Reporter);
        Assert.Equal(position, mixed.Position);
    }

    [Theory]
    [InlineData("")]
    [InlineData("TensorGen.EinsumAttribute")]
    [InlineData("TensorGen.CpKernelAttribute TensorGen.CpKernelAttribute - System.ObsoleteAttribute")]
    public void FindMixed_finds_nothing_in_one_kind(string attributes) =>
        Assert.Null(KernelAttributes.FindMixed(Names(attributes)));

    private static string?[] Names(string attributes) =>
        attributes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(n => n == "-" ? null : n).ToArray();

    private static string InType(string members) => Usings + "public static partial class Kernels\n{\n" + members + "\n}\n";

    private static IMethodSymbol MixedMethod(GeneratorOutcome outcome)
    {
        SyntaxTree tree = outcome.Output.SyntaxTrees.First();
        MethodDeclarationSyntax declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First(m => m.Identifier.ValueText == "Mixed");
        return (IMethodSymbol)outcome.Output.GetSemanticModel(tree).GetDeclaredSymbol(declaration)!;
    }
}
