using System;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using TensorGen.Diagnostics;
using TensorGen.Model;

namespace TensorGen;

/// <summary>
/// Implements <c>[TensorProduct]</c>, <c>[TensorProductBackward]</c> and <c>[SphericalHarmonics]</c> methods. The pipeline,
/// each step caching on equatable values, per attribute:
/// <list type="number">
/// <item><description>Declarations — ForAttributeWithMetadataName; symbols are read into plain models (<see cref="EquivariantDeclarationReader"/>).
/// A backward pass is combined with all forward declarations, to find the one it names.</description></item>
/// <item><description>Kernels — validate, build the product and emit (<see cref="EquivariantKernelBuilder"/>), with whether the
/// compilation references TensorGen.Runtime.Gpu (for <c>Backend.Gpu</c>).</description></item>
/// <item><description>Sources and Diagnostics — split apart, so that a diagnostic's moved location never re-adds a source.</description></item>
/// </list>
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TensorProductGenerator : IIncrementalGenerator
{
    private readonly Action<string>? _beforeEmit;

    public TensorProductGenerator()
    {
    }

    /// <summary>For tests: <paramref name="beforeEmit"/> runs just before each kernel is emitted (e.g. to throw).</summary>
    internal TensorProductGenerator(Action<string> beforeEmit) => _beforeEmit = beforeEmit;

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        Action<string>? beforeEmit = _beforeEmit;

        IncrementalValuesProvider<EquivariantRead<TensorProductModel>> forwards = context.SyntaxProvider
            .ForAttributeWithMetadataName(EquivariantDeclarationReader.TensorProductAttributeName,
                static (node, _) => node is MethodDeclarationSyntax,
                static (attributeContext, cancellationToken) => EquivariantDeclarationReader.ReadTensorProduct(attributeContext, cancellationToken))
            .WithTrackingName(EquivariantTrackingNames.TensorProductDeclarations);

        IncrementalValuesProvider<EquivariantRead<TensorProductBackwardModel>> backwards = context.SyntaxProvider
            .ForAttributeWithMetadataName(EquivariantDeclarationReader.TensorProductBackwardAttributeName,
                static (node, _) => node is MethodDeclarationSyntax,
                static (attributeContext, cancellationToken) => EquivariantDeclarationReader.ReadBackward(attributeContext, cancellationToken))
            .WithTrackingName(EquivariantTrackingNames.BackwardDeclarations);

        IncrementalValuesProvider<EquivariantRead<SphericalHarmonicsModel>> harmonics = context.SyntaxProvider
            .ForAttributeWithMetadataName(EquivariantDeclarationReader.SphericalHarmonicsAttributeName,
                static (node, _) => node is MethodDeclarationSyntax,
                static (attributeContext, cancellationToken) => EquivariantDeclarationReader.ReadSphericalHarmonics(attributeContext, cancellationToken))
            .WithTrackingName(EquivariantTrackingNames.SphericalHarmonicsDeclarations);

        IncrementalValueProvider<bool> gpuRuntime = GpuRuntimeReference.Detect(context);
        IncrementalValuesProvider<KernelResult> forwardKernels = forwards
            .Combine(gpuRuntime)
            .Select((pair, cancellationToken) => EquivariantKernelBuilder.Build(pair.Left, pair.Right, beforeEmit, cancellationToken));
        IncrementalValuesProvider<KernelResult> backwardKernels = backwards
            .Combine(forwards.Collect())
            .Combine(gpuRuntime)
            .Select((pair, cancellationToken) => EquivariantKernelBuilder.Build(pair.Left.Left, pair.Left.Right, pair.Right, beforeEmit, cancellationToken));
        IncrementalValuesProvider<KernelResult> harmonicsKernels = harmonics
            .Combine(gpuRuntime)
            .Select((pair, cancellationToken) => EquivariantKernelBuilder.Build(pair.Left, pair.Right, beforeEmit, cancellationToken));

        Register(context, forwardKernels.WithTrackingName(EquivariantTrackingNames.TensorProductKernels));
        Register(context, backwardKernels.WithTrackingName(EquivariantTrackingNames.BackwardKernels));
        Register(context, harmonicsKernels.WithTrackingName(EquivariantTrackingNames.SphericalHarmonicsKernels));
    }

    private static void Register(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<KernelResult> kernels)
    {
        IncrementalValuesProvider<GeneratedKernel?> sources = kernels.Select(static (kernel, _) => kernel.Source);
        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics = kernels.Select(static (kernel, _) => kernel.Diagnostics);
        context.RegisterSourceOutput(sources, static (production, kernel) => AddSource(production, kernel));
        context.RegisterSourceOutput(diagnostics, static (production, items) =>
        {
            foreach (DiagnosticInfo item in items)
            {
                production.ReportDiagnostic(item.ToDiagnostic());
            }
        });
    }

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
