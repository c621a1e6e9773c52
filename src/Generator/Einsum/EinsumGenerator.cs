using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using TensorGen.Diagnostics;
using TensorGen.Model;

namespace TensorGen;

/// <summary>
/// Implements <c>[Einsum]</c> methods. The pipeline, each step caching on equatable values:
/// <list type="number">
/// <item><description>Declarations — ForAttributeWithMetadataName; symbols are read into an
/// <see cref="EinsumMethodModel"/> (<see cref="DeclarationReader"/>).</description></item>
/// <item><description>Kernels — validate, parse, plan and emit (<see cref="KernelBuilder"/>), with whether the compilation
/// references TensorGen.Runtime.Gpu (for <c>Backend.Gpu</c>).</description></item>
/// <item><description>Sources and Diagnostics — split apart, so that a diagnostic's moved location never re-adds a source.</description></item>
/// </list>
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class EinsumGenerator : IIncrementalGenerator
{
    private readonly Action<string>? _beforeEmit;

    public EinsumGenerator()
    {
    }

    /// <summary>For tests: <paramref name="beforeEmit"/> runs just before each kernel is emitted (e.g. to throw).</summary>
    internal EinsumGenerator(Action<string> beforeEmit) => _beforeEmit = beforeEmit;

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<EinsumDeclaration> declarations = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                DeclarationReader.EinsumAttributeName,
                // A method outside a type does not compile (the compiler reports it) and has no type to be implemented in.
                static (node, _) => node is MethodDeclarationSyntax { Parent: TypeDeclarationSyntax },
                static (attributeContext, cancellationToken) => DeclarationReader.Read(attributeContext, cancellationToken))
            .WithTrackingName(TrackingNames.Declarations);

        Action<string>? beforeEmit = _beforeEmit;
        IncrementalValuesProvider<KernelResult> kernels = declarations
            .Combine(GpuRuntimeReference.Detect(context))
            .Select((input, cancellationToken) => KernelBuilder.Build(input.Left, input.Right, beforeEmit, cancellationToken))
            .WithTrackingName(TrackingNames.Kernels);

        IncrementalValuesProvider<GeneratedKernel?> sources = kernels
            .Select(static (kernel, _) => kernel.Source)
            .WithTrackingName(TrackingNames.Sources);

        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics = kernels
            .Select(static (kernel, _) => kernel.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(sources.Collect(), static (production, all) => AddSources(production, all));
        context.RegisterSourceOutput(diagnostics, static (production, items) =>
        {
            foreach (DiagnosticInfo item in items)
            {
                production.ReportDiagnostic(item.ToDiagnostic());
            }
        });
    }

    /// <summary>
    /// Adds every kernel's file. Hint names are unique per method already; names that differ only in case
    /// (Roslyn compares hint names ignoring case, as file systems may) get a numbered suffix.
    /// </summary>
    private static void AddSources(SourceProductionContext production, ImmutableArray<GeneratedKernel?> all)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (GeneratedKernel? kernel in all)
        {
            if (kernel is null)
            {
                continue;
            }

            string hintName = kernel.HintName;
            for (int n = 2; !used.Add(hintName); n++)
            {
                hintName = kernel.HintName.Substring(0, kernel.HintName.Length - ".g.cs".Length) + "(" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ").g.cs";
            }

            try
            {
                production.AddSource(hintName, SourceText.From(kernel.Text, Encoding.UTF8));
            }
            catch (ArgumentException e)
            {
                // Roslyn refused the hint name; report it rather than let the exception become CS8785.
                production.ReportDiagnostic(InternalErrors.Create(hintName, e, location: null).ToDiagnostic());
            }
        }
    }
}
