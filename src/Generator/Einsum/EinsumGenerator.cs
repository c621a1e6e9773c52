using System;
using Microsoft.CodeAnalysis;
using TensorGen.Diagnostics;
using TensorGen.Emit;
using TensorGen.Model;
using TensorGen.Validation;

namespace TensorGen;

/// <summary>
/// Implements <c>[Einsum]</c> methods on the shared pipeline (<see cref="KernelPipeline"/>): declarations read into an
/// <see cref="EinsumMethodModel"/> (<see cref="EinsumDeclarationReader"/>); kernels validated, parsed, planned and emitted
/// (<see cref="EinsumKernelBuilder"/>), with whether the compilation references TensorGen.Runtime.Gpu (for
/// <c>Backend.Gpu</c>); sources and diagnostics apart.
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
        Action<string>? beforeEmit = _beforeEmit;
        IncrementalValuesProvider<KernelResult> kernels = KernelPipeline
            .Declarations(context, EinsumDeclarationReader.EinsumAttributeName, EinsumDeclarationReader.Read, TrackingNames.Declarations)
            .Combine(GpuRuntimeReference.Detect(context))
            .Select((input, cancellationToken) => EinsumKernelBuilder.Build(input.Left, input.Right, beforeEmit, cancellationToken))
            .WithTrackingName(TrackingNames.Kernels);
        KernelPipeline.Register(context, kernels, TrackingNames.Sources, TrackingNames.Diagnostics);
    }
}
