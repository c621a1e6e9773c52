using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TensorGen.Generator.Tests;

/// <summary>
/// Runs <see cref="EinsumGenerator"/> through Roslyn's <see cref="CSharpGeneratorDriver"/> on source text, with the
/// real TensorGen.Dsl, TensorGen.Runtime and System.Numerics.Tensors assemblies (and the platform's) referenced,
/// so that generated code is compiled for real.
/// </summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.Length > 0)
            .ToList();

        // The assemblies a user's project references, whether or not the host listed them.
        paths.Add(typeof(EinsumAttribute).Assembly.Location);
        paths.Add(typeof(TensorGen.Runtime.EinsumProgram).Assembly.Location);
        paths.Add(typeof(System.Numerics.Tensors.TensorSpan<>).Assembly.Location);
        paths.Add(typeof(TensorGen.Runtime.Gpu.GpuContext).Assembly.Location); // so Backend.Gpu declarations compile (and ILGPU:)
        paths.Add(typeof(ILGPU.Context).Assembly.Location);
        return paths
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First()))
            .ToImmutableArray();
    });

    public static ImmutableArray<MetadataReference> References => s_references.Value;

    /// <summary>The references of a project that does not reference TensorGen.Runtime.Gpu (nor ILGPU).</summary>
    public static ImmutableArray<MetadataReference> ReferencesWithoutGpu => References
        .Where(r => r.Display is not { } path
            || !(Path.GetFileName(path).StartsWith("ILGPU", StringComparison.OrdinalIgnoreCase)
                || Path.GetFileName(path).Equals("TensorGen.Runtime.Gpu.dll", StringComparison.OrdinalIgnoreCase)))
        .ToImmutableArray();

    public static CSharpCompilation CreateCompilation(params string[] sources) => CreateCompilation(References, sources);

    public static CSharpCompilation CreateCompilation(ImmutableArray<MetadataReference> references, params string[] sources) =>
        CSharpCompilation.Create(
            "TensorGenGeneratorTest",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"/src/File{i}.cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                deterministic: true));

    public static GeneratorDriver CreateDriver(IIncrementalGenerator? generator = null, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            new[] { (generator ?? new EinsumGenerator()).AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Every TensorGen generator, as a project referencing TensorGen runs them: einsum, equivariant and decomposition kernels.</summary>
    public static IIncrementalGenerator[] AllGenerators() =>
        [new EinsumGenerator(), new TensorProductGenerator(), new MessagePassingGenerator(), new SymmetricContractionGenerator(),
            new EquivariantLinearGenerator(), new TensorGen.Decompositions.DecompositionGenerator()];

    /// <summary>Runs every TensorGen generator once, together.</summary>
    public static GeneratorOutcome RunAll(string source)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(AllGenerators().Select(g => g.AsSourceGenerator()), parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(CreateCompilation(source), out Compilation output, out var diagnostics);
        return new GeneratorOutcome(driver.GetRunResult(), output, diagnostics);
    }

    /// <summary>Runs the generator once.</summary>
    public static GeneratorOutcome Run(string source, IIncrementalGenerator? generator = null) => Run(CreateCompilation(source), generator);

    public static GeneratorOutcome Run(CSharpCompilation compilation, IIncrementalGenerator? generator = null)
    {
        GeneratorDriver driver = CreateDriver(generator).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out var diagnostics);
        return new GeneratorOutcome(driver.GetRunResult(), output, diagnostics);
    }
}

internal sealed class GeneratorOutcome
{
    public GeneratorOutcome(GeneratorDriverRunResult result, Compilation output, ImmutableArray<Diagnostic> driverDiagnostics)
    {
        Result = result;
        Output = output;
        DriverDiagnostics = driverDiagnostics;
    }

    public GeneratorDriverRunResult Result { get; }

    /// <summary>The compilation with the generated files added.</summary>
    public Compilation Output { get; }

    /// <summary>What the driver reported: the generator's diagnostics, and CS8785 if it threw.</summary>
    public ImmutableArray<Diagnostic> DriverDiagnostics { get; }

    /// <summary>What the generators reported (one generator's, or every one's in <see cref="GeneratorHarness.RunAll"/>).</summary>
    public IReadOnlyList<Diagnostic> GeneratorDiagnostics => Result.Results.SelectMany(r => r.Diagnostics).ToList();

    /// <summary>The files the generators added.</summary>
    public IReadOnlyList<GeneratedSourceResult> Sources => Result.Results.SelectMany(r => r.GeneratedSources).ToList();

    public string Source(string hintName) =>
        Sources.SingleOrDefault(s => s.HintName == hintName).SourceText?.ToString()
        ?? throw new InvalidOperationException($"No generated file '{hintName}'; generated: {string.Join(", ", Sources.Select(s => s.HintName))}.");

    /// <summary>The errors and warnings of the compilation with the generated code (what the user's build reports).</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>Emits the compilation (generated code included) and loads it into a collectible context.</summary>
    public Assembly Load()
    {
        using var stream = new MemoryStream();
        var emit = Output.Emit(stream);
        if (!emit.Success)
        {
            throw new InvalidOperationException("Emit failed:\n" + string.Join("\n", emit.Diagnostics));
        }

        stream.Position = 0;
        return new AssemblyLoadContext("TensorGenGeneratorTest", isCollectible: true).LoadFromStream(stream);
    }
}
