using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TensorGen.Fuzz.Tests.Grammar;
using TensorGen.Generator.Tests;
using TensorGen.Model;

namespace TensorGen.Fuzz.Tests.Generator;

/// <summary>One fuzz declaration: its number (which names its file and namespace), the template that wrote it, and its source.</summary>
internal sealed record FuzzDeclaration(int Id, string Template, string Body)
{
    public string FilePath => $"/fuzz/D{Id}.cs";

    public string Source =>
        "using System;\nusing System.Numerics.Tensors;\nusing System.Threading.Tasks;\nusing TensorGen;\n\n"
        + $"namespace Fuzz.D{Id}\n{{\n{Body}\n}}\n";
}

/// <summary>How a declaration ended.</summary>
internal enum DeclarationVerdict
{
    /// <summary>No error anywhere: the generated code compiles.</summary>
    Compiles,

    /// <summary>TG diagnostics explain what is wrong.</summary>
    Diagnosed,

    /// <summary>The declaration itself does not compile (and the compiler says why); the generator added nothing wrong.</summary>
    DoesNotCompile,
}

/// <summary>What became of one declaration: the verdict, the generator's time on it, and every broken rule.</summary>
internal sealed record DeclarationOutcome(FuzzDeclaration Declaration, DeclarationVerdict Verdict, TimeSpan GeneratorTime, IReadOnlyList<string> Violations);

/// <summary>
/// Runs the generator once over many declarations (one file each, in one compilation, so that thousands run in seconds)
/// and judges each: no exception and no CS8785, no TG9999, every TG diagnostic an error located in its declaration's file,
/// no error or warning in generated code (other than the declaration's own warnings, which come back where its types are
/// re-declared) unless the declaration itself does not compile, never two implementations of a method (CS0757 in generated code,
/// whatever else is wrong), one TG0022 per method with attributes of two kernel kinds, an implementation for every
/// declaration that has no error, and TG0001/TG0007/TG0008 and the Sizes diagnostics exactly when the independent
/// grammar (<see cref="ExpressionGrammar"/>, <see cref="SizesGrammar"/>) rejects the attribute's strings.
/// </summary>
internal static class DeclarationBatch
{
    private static readonly Regex s_declarationId = new(@"(?:^|/)Fuzz\.D(\d+)\.", RegexOptions.CultureInvariant);

    private static readonly HashSet<string> s_expressionIds = ["TG0001", "TG0007", "TG0008"];

    private static readonly HashSet<string> s_sizesIds = ["TG0009", "TG0010", "TG0011", "TG0012", "TG0013", "TG0015"];

    /// <summary>The TG ids a fuzz declaration may get (not the GPU ones: no template asks for Backend.Gpu).</summary>
    private static readonly HashSet<string> s_knownIds =
        [.. new[] { (1, 18), (22, 22), (101, 113), (130, 134), (140, 143), (201, 209) }.SelectMany(r => Enumerable.Range(r.Item1, r.Item2 - r.Item1 + 1))
            .Select(n => "TG" + n.ToString("0000", System.Globalization.CultureInfo.InvariantCulture))];

    private static readonly string[] s_attributeNames =
        ["Einsum", "TensorProduct", "SphericalHarmonics", "SymmetricContraction", "EquivariantLinear", "CpKernel", "TuckerKernel", "TensorTrainKernel", "TensorTrainMatrixKernel"];

    /// <summary>Every kernel attribute's class: a method that carries two of them gets TG0022 (one, whoever reports it).</summary>
    private static readonly HashSet<string> s_kernelAttributeClasses =
    [
        "TensorGen.EinsumAttribute", "TensorGen.TensorProductAttribute", "TensorGen.TensorProductBackwardAttribute", "TensorGen.SphericalHarmonicsAttribute",
        "TensorGen.SphericalHarmonicsBackwardAttribute", "TensorGen.SphericalHarmonicsDoubleBackwardAttribute", "TensorGen.TensorProductConvolutionAttribute", "TensorGen.TensorProductConvolutionBackwardAttribute",
        "TensorGen.TensorProductDoubleBackwardAttribute", "TensorGen.TensorProductConvolutionDoubleBackwardAttribute",
        "TensorGen.SymmetricContractionAttribute", "TensorGen.SymmetricContractionBackwardAttribute",
        "TensorGen.EquivariantLinearAttribute", "TensorGen.EquivariantLinearBackwardAttribute",
        "TensorGen.CpKernelAttribute", "TensorGen.TuckerKernelAttribute", "TensorGen.TensorTrainKernelAttribute", "TensorGen.TensorTrainMatrixKernelAttribute",
    ];

    private static readonly HashSet<string> s_declarationSteps =
    [
        TrackingNames.Declarations, EquivariantTrackingNames.TensorProductDeclarations, EquivariantTrackingNames.BackwardDeclarations,
        EquivariantTrackingNames.SphericalHarmonicsDeclarations, EquivariantTrackingNames.SphericalHarmonicsBackwardDeclarations,
        EquivariantTrackingNames.SphericalHarmonicsDoubleBackwardDeclarations,
        MessagePassingTrackingNames.ConvolutionDeclarations, MessagePassingTrackingNames.BackwardDeclarations,
        EquivariantTrackingNames.DoubleBackwardDeclarations, MessagePassingTrackingNames.DoubleBackwardDeclarations,
        SymmetricContractionTrackingNames.ForwardDeclarations, SymmetricContractionTrackingNames.BackwardDeclarations,
        EquivariantLinearTrackingNames.LinearDeclarations, EquivariantLinearTrackingNames.BackwardDeclarations,
        TensorGen.Decompositions.DecompositionTrackingNames.Declarations,
    ];

    private static readonly HashSet<string> s_kernelSteps =
    [
        TrackingNames.Kernels, EquivariantTrackingNames.TensorProductKernels, EquivariantTrackingNames.BackwardKernels,
        EquivariantTrackingNames.SphericalHarmonicsKernels, EquivariantTrackingNames.SphericalHarmonicsBackwardKernels,
        EquivariantTrackingNames.SphericalHarmonicsDoubleBackwardKernels,
        MessagePassingTrackingNames.ConvolutionKernels, MessagePassingTrackingNames.BackwardKernels,
        EquivariantTrackingNames.DoubleBackwardKernels, MessagePassingTrackingNames.DoubleBackwardKernels,
        SymmetricContractionTrackingNames.ForwardKernels, SymmetricContractionTrackingNames.BackwardKernels,
        EquivariantLinearTrackingNames.LinearKernels, EquivariantLinearTrackingNames.BackwardKernels,
        TensorGen.Decompositions.DecompositionTrackingNames.Kernels,
    ];

    /// <summary>The longest the generators may spend on one declaration (their tracked steps), however large it is.</summary>
    private static readonly TimeSpan s_maxGeneratorTime = TimeSpan.FromSeconds(5);

    /// <summary>A driver running every TensorGen generator: einsum, equivariant and decomposition kernels.</summary>
    public static GeneratorDriver CreateDriver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new EinsumGenerator().AsSourceGenerator(), new TensorProductGenerator().AsSourceGenerator(), new MessagePassingGenerator().AsSourceGenerator(),
                new SymmetricContractionGenerator().AsSourceGenerator(), new EquivariantLinearGenerator().AsSourceGenerator(),
                new TensorGen.Decompositions.DecompositionGenerator().AsSourceGenerator()],
            parseOptions: GeneratorHarness.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>The declarations as one compilation, one file each.</summary>
    public static CSharpCompilation Compilation(IReadOnlyList<FuzzDeclaration> declarations) =>
        CSharpCompilation.Create("Fuzz",
            declarations.Select(d => CSharpSyntaxTree.ParseText(d.Source, GeneratorHarness.ParseOptions, path: d.FilePath)),
            GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

    public static IReadOnlyList<DeclarationOutcome> Run(IReadOnlyList<FuzzDeclaration> declarations)
    {
        var byPath = declarations.ToDictionary(d => d.FilePath, StringComparer.Ordinal);
        CSharpCompilation compilation = Compilation(declarations);

        GeneratorDriver driver = CreateDriver(trackSteps: true)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> driverDiagnostics);
        ImmutableArray<GeneratorRunResult> runs = driver.GetRunResult().Results;

        var violations = declarations.ToDictionary(d => d.Id, _ => new List<string>());
        var batchViolations = new List<string>();
        batchViolations.AddRange(runs.Where(r => r.Exception is not null).Select(r => $"{r.Generator.GetGeneratorType().Name} threw {r.Exception}"));

        batchViolations.AddRange(driverDiagnostics.Where(d => d.Id == "CS8785").Select(d => "CS8785: " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));

        // TG diagnostics: errors, known ids, in the declaration's own file.
        var tgIds = declarations.ToDictionary(d => d.Id, _ => new List<string>());
        foreach (Diagnostic diagnostic in runs.SelectMany(r => r.Diagnostics))
        {
            // The generator's locations are rebuilt from plain values (LocationInfo), so they name the file by path, not by tree.
            string path = diagnostic.Location.GetLineSpan().Path ?? string.Empty;
            if (!byPath.TryGetValue(path, out FuzzDeclaration? owner))
            {
                batchViolations.Add($"{diagnostic.Id} has no location in a declaration's file: {diagnostic}");
                continue;
            }

            tgIds[owner.Id].Add(diagnostic.Id);
            if (!s_knownIds.Contains(diagnostic.Id) || diagnostic.Severity != DiagnosticSeverity.Error)
            {
                violations[owner.Id].Add($"{diagnostic.Id} ({diagnostic.Severity}): {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
            }
        }

        // The compiler's view of everything, attributed to declarations by file (generated files by hint name).
        var userErrors = declarations.ToDictionary(d => d.Id, _ => new List<Diagnostic>());
        var userWarnings = declarations.ToDictionary(d => d.Id, _ => new HashSet<string>());
        var generatedProblems = declarations.ToDictionary(d => d.Id, _ => new List<Diagnostic>());
        foreach (Diagnostic diagnostic in output.GetDiagnostics())
        {
            if (diagnostic.Severity < DiagnosticSeverity.Warning || diagnostic.Id.StartsWith("TG", StringComparison.Ordinal))
            {
                continue;
            }

            string path = diagnostic.Location.SourceTree?.FilePath ?? string.Empty;
            if (byPath.TryGetValue(path, out FuzzDeclaration? owner))
            {
                if (diagnostic.Severity == DiagnosticSeverity.Error)
                {
                    userErrors[owner.Id].Add(diagnostic);
                }
                else
                {
                    userWarnings[owner.Id].Add(diagnostic.Id);
                }
            }
            else if (IdOf(path) is int generatedFor && generatedProblems.TryGetValue(generatedFor, out var problems))
            {
                problems.Add(diagnostic);
            }
            else if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                batchViolations.Add("an error outside every declaration: " + diagnostic);
            }
        }

        var generatedFiles = new HashSet<int>(runs.SelectMany(r => r.GeneratedSources).Select(s => IdOf(s.HintName) ?? -1));
        Dictionary<int, TimeSpan> times = GeneratorTimes(runs, byPath);
        var outcomes = new List<DeclarationOutcome>(declarations.Count);
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            FuzzDeclaration declaration = byPath[tree.FilePath];
            List<string> problems = violations[declaration.Id];
            List<string> ids = tgIds[declaration.Id];
            var ownErrors = userErrors[declaration.Id].Where(d => d.Id != "CS8795").ToList();
            if (ids.Contains("TG9999"))
            {
                problems.Add("TG9999 (internal error)");
            }

            if (ownErrors.Count == 0)
            {
                // A warning the declaration itself has (e.g. CS8860 for a type named 'record') comes back where the type is re-declared.
                problems.AddRange(generatedProblems[declaration.Id]
                    .Where(d => d.Severity == DiagnosticSeverity.Error || !userWarnings[declaration.Id].Contains(d.Id))
                    .Select(d => "generated code: " + d));
                if (ids.Count == 0)
                {
                    problems.AddRange(userErrors[declaration.Id].Where(d => d.Id == "CS8795").Select(d => "no implementation without a TG diagnostic: " + d));
                }
            }

            else
            {
                // Two implementations of one method are the generators' doing, whatever else is wrong with the declaration.
                problems.AddRange(generatedProblems[declaration.Id].Where(d => d.Id == "CS0757").Select(d => "generated code: " + d));
            }

            SemanticModel semanticModel = compilation.GetSemanticModel(tree);
            problems.AddRange(CheckMixedKernels(semanticModel, tree, ids));
            problems.AddRange(CheckAgainstGrammar(semanticModel, tree, ids));
            DeclarationVerdict verdict = ids.Count > 0 ? DeclarationVerdict.Diagnosed
                : ownErrors.Count > 0 ? DeclarationVerdict.DoesNotCompile
                : DeclarationVerdict.Compiles;
            if (verdict == DeclarationVerdict.Compiles && HasKernelMethod(tree) && !generatedFiles.Contains(declaration.Id))
            {
                problems.Add("no generated file for a declaration without errors");
            }

            if (times.GetValueOrDefault(declaration.Id) > s_maxGeneratorTime)
            {
                problems.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"the generator took {times[declaration.Id].TotalSeconds:F1} s, more than the {s_maxGeneratorTime.TotalSeconds:F0} s a declaration may take"));
            }

            problems.AddRange(batchViolations);
            outcomes.Add(new DeclarationOutcome(declaration, verdict, times.GetValueOrDefault(declaration.Id), problems));
        }

        return outcomes;
    }

    /// <summary>One TG0022 per method that carries attributes of two kernel kinds (the same attribute twice is one kind).</summary>
    private static IEnumerable<string> CheckMixedKernels(SemanticModel model, SyntaxTree tree, List<string> ids)
    {
        // A partial method's two declarations are one method with one attribute list.
        int mixed = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Select(m => model.GetDeclaredSymbol(m) is IMethodSymbol method ? method.PartialDefinitionPart ?? method : null)
            .OfType<IMethodSymbol>()
            .Distinct(SymbolEqualityComparer.Default)
            .Count(m => m!.GetAttributes().Select(a => a.AttributeClass?.ToDisplayString())
                .Where(n => n is not null && s_kernelAttributeClasses.Contains(n)).Distinct().Count() > 1);
        int reported = ids.Count(id => id == "TG0022");
        if (reported != mixed)
        {
            yield return $"{mixed} methods carry attributes of two kernel kinds, but TG0022 came {reported} times";
        }
    }

    /// <summary>
    /// When the file holds exactly one <c>[Einsum]</c> method whose attribute binds: the expression diagnostics must appear
    /// exactly when the independent grammar rejects the expression, and Sizes diagnostics when it rejects the sizes
    /// (TG0014 may also appear for valid sizes: a planned intermediate or the plan's FLOP count can overflow).
    /// </summary>
    private static IEnumerable<string> CheckAgainstGrammar(SemanticModel model, SyntaxTree tree, List<string> ids)
    {
        var methods = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Select(m => model.GetDeclaredSymbol(m))
            .Select(symbol => symbol?.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == "TensorGen.EinsumAttribute").ToList())
            .Where(attributes => attributes is { Count: > 0 })
            .ToList();
        if (methods.Count != 1 || methods[0]!.Count != 1)
        {
            yield break;
        }

        AttributeData attribute = methods[0]![0];
        if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error)
            || attribute.NamedArguments.Any(a => a.Value.Kind == TypedConstantKind.Error) || attribute.ConstructorArguments.Length == 0)
        {
            yield break;
        }

        string? expression = attribute.ConstructorArguments[0].Value as string;
        string? sizes = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Sizes").Value.Value as string;
        ParsedExpression? parsed = ExpressionGrammar.TryParse(expression);
        bool expressionDiagnosed = ids.Any(s_expressionIds.Contains);
        if ((parsed is null) != expressionDiagnosed)
        {
            yield return parsed is null
                ? $"expression {Show(expression)} breaks the grammar but got no TG0001/TG0007/TG0008 (got {string.Join(", ", ids)})"
                : $"expression {Show(expression)} is valid but got {string.Join(", ", ids.Where(s_expressionIds.Contains))}";
            yield break;
        }

        if (parsed is null)
        {
            yield break;
        }

        bool sizesDiagnosed = ids.Any(s_sizesIds.Contains);
        if (sizes is null)
        {
            if (sizesDiagnosed || ids.Contains("TG0014"))
            {
                yield return $"dynamic form {Show(expression)} got a Sizes diagnostic: {string.Join(", ", ids)}";
            }
        }
        else if (SizesGrammar.TryParse(sizes, parsed) is null)
        {
            if (!sizesDiagnosed && !ids.Contains("TG0014"))
            {
                yield return $"Sizes {Show(sizes)} for {Show(expression)} break the rules but got no Sizes diagnostic (got {string.Join(", ", ids)})";
            }
        }
        else if (sizesDiagnosed)
        {
            yield return $"Sizes {Show(sizes)} for {Show(expression)} are valid but got {string.Join(", ", ids.Where(s_sizesIds.Contains))}";
        }
    }

    /// <summary>Whether some method carries one of TensorGen's attributes (by name: a misspelt one does not count).</summary>
    private static bool HasKernelMethod(SyntaxTree tree) =>
        tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Any(m => m.AttributeLists.SelectMany(l => l.Attributes).Any(a => s_attributeNames.Any(n => a.Name.ToString().Contains(n, StringComparison.Ordinal))));

    /// <summary>
    /// The generators' own time per declaration: the read step and the validate-plan-emit step of each pipeline (Roslyn's tracked
    /// steps), attributed to a declaration by the file its model points into.
    /// </summary>
    private static Dictionary<int, TimeSpan> GeneratorTimes(ImmutableArray<GeneratorRunResult> runs, Dictionary<string, FuzzDeclaration> byPath)
    {
        var times = new Dictionary<int, TimeSpan>();
        void Add(object? value, TimeSpan elapsed)
        {
            string? path = value switch
            {
                KernelDeclaration<EinsumMethodModel> d => d.Model?.Method.Location?.FilePath ?? d.Diagnostics.FirstOrDefault()?.Location?.FilePath,
                KernelDeclaration<TensorProductModel> r => r.Model?.Method.Location?.FilePath ?? r.Diagnostics.FirstOrDefault()?.Location?.FilePath,
                KernelDeclaration<TensorProductBackwardModel> r => r.Model?.Method.Location?.FilePath ?? r.Diagnostics.FirstOrDefault()?.Location?.FilePath,
                KernelDeclaration<SphericalHarmonicsModel> r => r.Model?.Method.Location?.FilePath ?? r.Diagnostics.FirstOrDefault()?.Location?.FilePath,
                KernelDeclaration<ConvolutionModel> r => r.Model?.Method.Location?.FilePath ?? r.Diagnostics.FirstOrDefault()?.Location?.FilePath,
                KernelDeclaration<ConvolutionBackwardModel> r => r.Model?.Method.Location?.FilePath ?? r.Diagnostics.FirstOrDefault()?.Location?.FilePath,
                ValueTuple<KernelDeclaration<ConvolutionModel>, ImmutableArray<KernelDeclaration<TensorProductModel>>> pair =>
                    pair.Item1.Model?.Method.Location?.FilePath ?? pair.Item1.Diagnostics.FirstOrDefault()?.Location?.FilePath,
                ValueTuple<ValueTuple<KernelDeclaration<ConvolutionBackwardModel>, ImmutableArray<KernelDeclaration<ConvolutionModel>>>, ImmutableArray<KernelDeclaration<TensorProductModel>>> pair =>
                    pair.Item1.Item1.Model?.Method.Location?.FilePath ?? pair.Item1.Item1.Diagnostics.FirstOrDefault()?.Location?.FilePath,
                KernelDeclaration<SphericalHarmonicsBackwardModel> r => r.Model?.Method.Location?.FilePath ?? r.Diagnostics.FirstOrDefault()?.Location?.FilePath,
                ValueTuple<ValueTuple<KernelDeclaration<SphericalHarmonicsBackwardModel>, ImmutableArray<KernelDeclaration<SphericalHarmonicsModel>>>, GpuRuntime> pair =>
                    pair.Item1.Item1.Model?.Method.Location?.FilePath ?? pair.Item1.Item1.Diagnostics.FirstOrDefault()?.Location?.FilePath,
                KernelDeclaration<SphericalHarmonicsDoubleBackwardModel> r => r.Model?.Method.Location?.FilePath ?? r.Diagnostics.FirstOrDefault()?.Location?.FilePath,
                ValueTuple<ValueTuple<KernelDeclaration<SphericalHarmonicsDoubleBackwardModel>, ImmutableArray<KernelDeclaration<SphericalHarmonicsModel>>>, GpuRuntime> pair =>
                    pair.Item1.Item1.Model?.Method.Location?.FilePath ?? pair.Item1.Item1.Diagnostics.FirstOrDefault()?.Location?.FilePath,
                ValueTuple<KernelDeclaration<TensorProductBackwardModel>, ImmutableArray<KernelDeclaration<TensorProductModel>>> pair =>
                    pair.Item1.Model?.Method.Location?.FilePath ?? pair.Item1.Diagnostics.FirstOrDefault()?.Location?.FilePath,
                KernelDeclaration<TensorProductDoubleBackwardModel> r => r.Model?.Method.Location?.FilePath ?? r.Diagnostics.FirstOrDefault()?.Location?.FilePath,
                ValueTuple<KernelDeclaration<TensorProductDoubleBackwardModel>, ImmutableArray<KernelDeclaration<TensorProductModel>>> pair =>
                    pair.Item1.Model?.Method.Location?.FilePath ?? pair.Item1.Diagnostics.FirstOrDefault()?.Location?.FilePath,
                KernelDeclaration<ConvolutionDoubleBackwardModel> r => r.Model?.Method.Location?.FilePath ?? r.Diagnostics.FirstOrDefault()?.Location?.FilePath,
                ValueTuple<ValueTuple<KernelDeclaration<ConvolutionDoubleBackwardModel>, ImmutableArray<KernelDeclaration<ConvolutionModel>>>, ImmutableArray<KernelDeclaration<TensorProductModel>>> pair =>
                    pair.Item1.Item1.Model?.Method.Location?.FilePath ?? pair.Item1.Item1.Diagnostics.FirstOrDefault()?.Location?.FilePath,
                KernelDeclaration<TensorGen.Decompositions.Model.DecompositionMethodModel> d => d.Model?.Method.Location?.FilePath ?? d.Diagnostics.FirstOrDefault()?.Location?.FilePath,
                _ => null,
            };
            if (path is not null && byPath.TryGetValue(path, out FuzzDeclaration? owner))
            {
                times[owner.Id] = times.GetValueOrDefault(owner.Id) + elapsed;
            }
        }

        foreach (GeneratorRunResult run in runs)
        {
            foreach (var (name, steps) in run.TrackedSteps)
            {
                if (s_declarationSteps.Contains(name))
                {
                    foreach (IncrementalGeneratorRunStep step in steps)
                    {
                        Add(step.Outputs.FirstOrDefault().Value, step.ElapsedTime);
                    }
                }
                else if (s_kernelSteps.Contains(name))
                {
                    foreach (IncrementalGeneratorRunStep step in steps)
                    {
                        var (source, index) = step.Inputs.First();
                        Add(source.Outputs[index].Value, step.ElapsedTime);
                    }
                }
            }
        }

        return times;
    }

    private static int? IdOf(string path)
    {
        Match match = s_declarationId.Match(path.Replace('\\', '/'));
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static string Show(string? text) => text is null ? "null" : StringLiterals.Escaped(text);
}
