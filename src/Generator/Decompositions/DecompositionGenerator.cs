using System;
using Microsoft.CodeAnalysis;
using TensorGen.Model;

namespace TensorGen.Decompositions;

/// <summary>
/// Implements methods declared with <c>[CpKernel]</c>, <c>[TuckerKernel]</c>, <c>[TensorTrainKernel]</c> and
/// <c>[TensorTrainMatrixKernel]</c>: each operation is lowered to an einsum network over the format's components,
/// planned by the contraction planner and emitted through the einsum emitters. The shared pipeline
/// (<see cref="KernelPipeline"/>), one branch per attribute: declarations → kernels → sources and diagnostics.
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
            IncrementalValuesProvider<KernelResult> kernels = KernelPipeline
                .Declarations(context, metadataName,
                    (attributeContext, cancellationToken) => DecompositionDeclarationReader.Read(attributeContext, format, displayName, cancellationToken),
                    DecompositionTrackingNames.Declarations)
                .Select((declaration, cancellationToken) => DecompositionKernelBuilder.Build(declaration, beforeEmit, cancellationToken))
                .WithTrackingName(DecompositionTrackingNames.Kernels);
            KernelPipeline.Register(context, kernels, DecompositionTrackingNames.Sources, DecompositionTrackingNames.Diagnostics);
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
