using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TensorGen.Cli.Generation;

/// <summary>One generated file: the generator's folder name (as under obj/generated) and hint name, and the text.</summary>
internal sealed record GeneratedFile(string Generator, string HintName, string Text);

/// <summary>
/// Runs TensorGen's source generators (src/Generator: einsum, tensor products and spherical harmonics, message passing,
/// decompositions) over source text exactly as a build runs them: Roslyn's <see cref="CSharpGeneratorDriver"/> over a
/// compilation that references what a TensorGen project references (<see cref="CompilationReferences"/>).
/// </summary>
internal sealed class GeneratorRun
{
    private GeneratorRun(IReadOnlyList<GeneratedFile> files, IReadOnlyList<Diagnostic> diagnostics, Compilation output)
    {
        Output = output;
        Files = files;
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<GeneratedFile> Files { get; }

    /// <summary>The source's syntax errors, the generators' diagnostics (TGxxxx) and the driver's (CS8785 if one threw), in source order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The compilation with the generated files added (what the user's build compiles).</summary>
    public Compilation Output { get; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static GeneratorRun Of(string source, string path, CancellationToken cancellationToken = default)
    {
        var parseOptions = ParseOptions;
        SyntaxTree tree = CSharpSyntaxTree.ParseText(source, parseOptions, path, cancellationToken: cancellationToken);
        CSharpCompilation compilation = CSharpCompilation.Create("TensorGenCli" + System.Guid.NewGuid().ToString("N"), [tree], CompilationReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        IIncrementalGenerator[] generators =
            [new EinsumGenerator(), new TensorProductGenerator(), new MessagePassingGenerator(), new TensorGen.Decompositions.DecompositionGenerator()];
        GeneratorDriver driver = CSharpGeneratorDriver.Create(generators.Select(g => g.AsSourceGenerator()), parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> driverDiagnostics, cancellationToken);
        GeneratorDriverRunResult result = driver.GetRunResult();
        var files = result.Results
            .SelectMany(r => r.GeneratedSources.Select(s => new GeneratedFile(r.Generator.GetGeneratorType().FullName ?? "TensorGen", s.HintName, s.SourceText.ToString())))
            .ToList();
        var diagnostics = tree.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error)
            .Concat(result.Results.SelectMany(r => r.Diagnostics))
            .Concat(driverDiagnostics)
            .Distinct()
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToList();
        return new GeneratorRun(files, diagnostics, output);
    }
}
