using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TensorGen.Decompositions;

namespace TensorGen.Benchmarks.Generators;

/// <summary>
/// The consumer of issue 12's compile-time measurement: 100 typical declarations — 60 dynamic einsums of 2–4 operands,
/// 20 static ones, 10 channelwise tensor products and 10 spherical harmonics — in ten partial classes of one file, with
/// an unrelated file beside it (the one an IDE user edits), and the three TensorGen generators as a project runs them.
/// </summary>
public static class GeneratorWorkload
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>Dynamic expressions of 2–4 operands, as models write them (matmuls, attention, bilinear forms, small chains).</summary>
    private static readonly string[] s_dynamic =
    {
        "ij,jk->ik", "bij,bjk->bik", "bhqd,bhkd->bhqk", "bhqk,bhkd->bhqd", "ij,j->i", "i,i->", "bi,ij->bj", "ijk,k->ij",
        "ij,jk,kl->il", "bi,ij,bj->b", "abc,cd,de->abe", "ij,ik,il->jkl", "bnd,de,bne->bn", "ijk,jl,km->ilm", "ab,bc,cd,de->ae",
        "ijk,ja,kb,lc->iabc", "bij,bjk,bkl->bil", "ai,bj,ck,ijk->abc", "ij,jk,kl,lm->im", "pqr,qs,rt,su->ptu",
    };

    /// <summary>Static expressions with their sizes (a MACE-sized contraction, small dense products).</summary>
    private static readonly (string Expression, string Sizes)[] s_static =
    {
        ("ij,jk->ik", "i=16,j=16,k=16"),
        ("ij,jk,kl->il", "i=8,j=32,k=4,l=8"),
        ("ia,jb,kc,abc->ijk", "i=3,j=3,k=3,a=3,b=3,c=3"),
        ("bij,bjk->bik", "b=4,i=8,j=8,k=8"),
        ("abc,cd,de->abe", "a=4,b=5,c=6,d=7,e=8"),
        ("ij,j->i", "i=64,j=64"),
        ("ijk,jl,km->ilm", "i=6,j=5,k=4,l=3,m=2"),
        ("ab,bc,cd,de->ae", "a=10,b=20,c=30,d=40,e=50"),
        ("bi,ij,bj->b", "b=32,i=16,j=16"),
        ("ia,jb,kc,ld,abcd->ijkl", "i=3,j=3,k=3,l=3,a=3,b=3,c=3,d=3"),
    };

    private static readonly string[] s_products =
    {
        "32x0e+32x1o+32x2e", "16x0e+16x1o", "8x0e+8x1o+8x2e+8x3o", "64x0e+32x1o", "32x0e+16x1o+8x2e",
    };

    private static readonly string[] s_harmonics =
    {
        "0e+1o", "0e+1o+2e", "0e+1o+2e+3o", "1x0e+1x1o+1x2e+1x3o+1x4e", "0e+1o+2e+3o+4e+5o",
    };

    /// <summary>The file of 100 declarations.</summary>
    public static string Declarations { get; } = Write();

    /// <summary>The file an IDE user edits meanwhile; <paramref name="version"/> changes a method body.</summary>
    public static string Unrelated(int version) =>
        "namespace Consumer;\n\npublic static class Unrelated\n{\n    public static int Value() => "
        + version.ToString(CultureInfo.InvariantCulture) + ";\n}\n";

    /// <summary>The generators a project referencing TensorGen runs: einsum, equivariant and decomposition kernels.</summary>
    public static ISourceGenerator[] Generators() =>
        new IIncrementalGenerator[] { new EinsumGenerator(), new TensorProductGenerator(), new DecompositionGenerator() }
            .Select(g => g.AsSourceGenerator())
            .ToArray();

    /// <summary>One generator alone (for the cost of a generator with nothing to do).</summary>
    public static ISourceGenerator[] Generator(string name) => Generators().Where(g => g.GetGeneratorType().Name == name).ToArray();

    /// <summary>The consumer's compilation: the declarations, the unrelated file, and what a project referencing TensorGen references.</summary>
    /// <remarks>
    /// The syntax trees are parsed once and shared (they are immutable); each call makes a new, unbound compilation, so
    /// every symbol and attribute is bound afresh, as in a command-line build, where generators run before binding.
    /// </remarks>
    public static CSharpCompilation Compilation() => CSharpCompilation.Create(
        "Consumer",
        Trees.Value,
        References.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));

    private static readonly Lazy<SyntaxTree[]> Trees = new(() => new[]
    {
        CSharpSyntaxTree.ParseText(Declarations, ParseOptions, path: "/src/Kernels.cs"),
        CSharpSyntaxTree.ParseText(Unrelated(1), ParseOptions, path: "/src/Unrelated.cs"),
    });

    /// <summary>The same compilation with the unrelated file's method body edited.</summary>
    public static CSharpCompilation EditUnrelated(CSharpCompilation compilation, int version)
    {
        SyntaxTree tree = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Unrelated.cs");
        return compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(Unrelated(version), ParseOptions, path: tree.FilePath));
    }

    public static GeneratorDriver Driver(ISourceGenerator[] generators, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(generators, parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Where(p => p.Length > 0).ToList();
        paths.Add(typeof(EinsumAttribute).Assembly.Location);
        paths.Add(typeof(TensorGen.Runtime.EinsumProgram).Assembly.Location);
        paths.Add(typeof(System.Numerics.Tensors.TensorSpan<>).Assembly.Location);
        return paths
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First()))
            .ToImmutableArray();
    });

    private static string Write()
    {
        var text = new StringBuilder();
        text.Append("using System;\nusing System.Numerics.Tensors;\nusing TensorGen;\n\nnamespace Consumer;\n");
        var kernels = new List<string>();
        for (int k = 0; k < 60; k++)
        {
            string expression = s_dynamic[k % s_dynamic.Length];
            string element = k % 3 == 2 ? "double" : "float";
            int operands = expression.Split("->")[0].Split(',').Length;
            var parameters = Enumerable.Range(0, operands).Select(i => $"ReadOnlyTensorSpan<{element}> x{i}")
                .Append($"TensorSpan<{element}> result");
            kernels.Add($"    [Einsum(\"{expression}\")]\n    public static partial void Dynamic{k}({string.Join(", ", parameters)});\n");
        }

        for (int k = 0; k < 20; k++)
        {
            var (expression, sizes) = s_static[k % s_static.Length];
            string element = k % 2 == 1 ? "double" : "float";
            int operands = expression.Split("->")[0].Split(',').Length;
            var parameters = Enumerable.Range(0, operands).Select(i => $"ReadOnlySpan<{element}> x{i}").Append($"Span<{element}> result");
            kernels.Add($"    [Einsum(\"{expression}\", Sizes = \"{sizes}\")]\n    public static partial void Static{k}({string.Join(", ", parameters)});\n");
        }

        for (int k = 0; k < 10; k++)
        {
            string nodes = s_products[k % s_products.Length];
            string edges = s_harmonics[(k / 2) % 3 + 1];
            string element = k % 2 == 1 ? "double" : "float";
            kernels.Add($"    [TensorProduct(\"{nodes}\", \"{edges}\", \"{edges}\", Kind = TensorProductKind.Channelwise, SharedWeights = false)]\n"
                + $"    public static partial void Message{k}(ReadOnlyTensorSpan<{element}> senders, ReadOnlyTensorSpan<{element}> harmonics, "
                + $"ReadOnlyTensorSpan<{element}> edgeWeights, TensorSpan<{element}> messages);\n");
        }

        for (int k = 0; k < 10; k++)
        {
            string irreps = s_harmonics[k % s_harmonics.Length];
            string element = k % 2 == 1 ? "double" : "float";
            string normalization = k % 3 == 0 ? "ShNormalization.Component" : k % 3 == 1 ? "ShNormalization.Norm" : "ShNormalization.Integral";
            kernels.Add($"    [SphericalHarmonics(\"{irreps}\", Normalize = true, Normalization = {normalization})]\n"
                + $"    public static partial void Harmonics{k}(ReadOnlyTensorSpan<{element}> vectors, TensorSpan<{element}> output);\n");
        }

        // Ten classes of ten kernels each: siblings share a type, as in a real project.
        for (int c = 0; c < 10; c++)
        {
            text.Append("\npublic static partial class Layer").Append(c.ToString(CultureInfo.InvariantCulture)).Append("\n{\n");
            text.Append(string.Join("\n", Enumerable.Range(0, 10).Select(i => kernels[i * 10 + c])));
            text.Append("}\n");
        }

        return text.ToString();
    }
}
