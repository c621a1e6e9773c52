using System;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using TensorGen.Decompositions.Diagnostics;
using TensorGen.Decompositions.Model;
using TensorGen.Diagnostics;
using TensorGen.Model;

namespace TensorGen.Decompositions;

/// <summary>
/// Implements methods declared with <c>[CpKernel]</c>, <c>[TuckerKernel]</c>, <c>[TensorTrainKernel]</c> and
/// <c>[TensorTrainMatrixKernel]</c>: each operation is lowered to an einsum network over the format's components,
/// planned by the contraction planner and emitted through the einsum emitters. The pipeline mirrors
/// <see cref="EinsumGenerator"/>'s, one branch per attribute: declarations → kernels → sources and diagnostics.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DecompositionGenerator : IIncrementalGenerator
{
    private readonly Action<string>? _beforeEmit;

    public DecompositionGenerator()
    {
    }

    /// <summary>For tests: <paramref name="beforeEmit"/> runs just before each kernel is emitted (e.g. to throw).</summary>
    internal DecompositionGenerator(Action<string> beforeEmit) => _beforeEmit = beforeEmit;

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        Action<string>? beforeEmit = _beforeEmit;
        foreach (var (metadataName, format, displayName) in DecompositionDeclarationReader.Attributes)
        {
            IncrementalValuesProvider<DecompositionDeclaration> declarations = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    metadataName,
                    static (node, _) => node is MethodDeclarationSyntax,
                    (attributeContext, cancellationToken) => DecompositionDeclarationReader.Read(attributeContext, format, displayName, cancellationToken))
                .WithTrackingName(DecompositionTrackingNames.Declarations);

            IncrementalValuesProvider<KernelResult> kernels = declarations
                .Select((declaration, cancellationToken) => DecompositionKernelBuilder.Build(declaration, beforeEmit, cancellationToken))
                .WithTrackingName(DecompositionTrackingNames.Kernels);

            IncrementalValuesProvider<GeneratedKernel?> sources = kernels
                .Select(static (kernel, _) => kernel.Source)
                .WithTrackingName(DecompositionTrackingNames.Sources);

            IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics = kernels
                .Select(static (kernel, _) => kernel.Diagnostics)
                .WithTrackingName(DecompositionTrackingNames.Diagnostics);

            context.RegisterSourceOutput(sources, static (production, kernel) => AddSource(production, kernel));
            context.RegisterSourceOutput(diagnostics, static (production, items) =>
            {
                foreach (DiagnosticInfo item in items)
                {
                    production.ReportDiagnostic(DecompositionDiagnosticDescriptors.ToDiagnostic(item));
                }
            });
        }
    }

    /// <summary>Adds one kernel's file; hint names are unique per method (overloads are numbered by the reader).</summary>
    private static void AddSource(SourceProductionContext production, GeneratedKernel? kernel)
    {
        if (kernel is null)
        {
            return;
        }

        try
        {
            production.AddSource(kernel.HintName, SourceText.From(kernel.Text, Encoding.UTF8));
        }
        catch (ArgumentException e)
        {
            // Roslyn refused the hint name; report it rather than let the exception become CS8785.
            production.ReportDiagnostic(InternalErrors.Create(kernel.HintName, e, location: null).ToDiagnostic());
        }
    }
}

/// <summary>Names of the decomposition pipeline's steps, for incremental-generation tests.</summary>
internal static class DecompositionTrackingNames
{
    public const string Declarations = "DecompositionDeclarations";
    public const string Kernels = "DecompositionKernels";
    public const string Sources = "DecompositionSources";
    public const string Diagnostics = "DecompositionDiagnostics";
}
