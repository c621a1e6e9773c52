using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using TensorGen.Emit.SymmetricContraction;
using TensorGen.Model;
using TensorGen.Validation;

namespace TensorGen;

/// <summary>
/// Implements <c>[SymmetricContraction]</c> (MACE's higher-body-order product basis) and <c>[SymmetricContractionBackward]</c>
/// methods on the shared pipeline (<see cref="KernelPipeline"/>). A backward pass names its forward; the forwards are collected
/// and combined with each backward pass to find it. The generated code is a kernel type over the exact coupling tensors' terms
/// plus a call to the runtime's driver.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SymmetricContractionGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<KernelDeclaration<SymmetricContractionModel>> forwards = KernelPipeline.Declarations(context,
            SymmetricContractionDeclarationReader.ForwardAttributeName, SymmetricContractionDeclarationReader.ReadForward,
            SymmetricContractionTrackingNames.ForwardDeclarations);
        IncrementalValuesProvider<KernelDeclaration<SymmetricContractionBackwardModel>> backwards = KernelPipeline.Declarations(context,
            SymmetricContractionDeclarationReader.BackwardAttributeName, SymmetricContractionDeclarationReader.ReadBackward,
            SymmetricContractionTrackingNames.BackwardDeclarations);

        KernelPipeline.Register(context, forwards
            .Select((declaration, cancellationToken) => BuildForward(declaration, cancellationToken))
            .WithTrackingName(SymmetricContractionTrackingNames.ForwardKernels));
        KernelPipeline.Register(context, backwards
            .Combine(forwards.Collect())
            .Select((pair, cancellationToken) => BuildBackward(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(SymmetricContractionTrackingNames.BackwardKernels));
    }

    private static KernelResult BuildForward(KernelDeclaration<SymmetricContractionModel> read, CancellationToken cancellationToken) =>
        KernelBuild.Guarded(read, SymmetricContractionValidator.Attribute, model => model.Method, (model, diagnostics, _) =>
        {
            var (spec, element) = SymmetricContractionValidator.Validate(model, diagnostics);
            cancellationToken.ThrowIfCancellationRequested();
            return spec is null || element is null || diagnostics.Count > 0 ? null : SymmetricContractionEmitter.EmitForward(model.Method, spec, element);
        });

    private static KernelResult BuildBackward(KernelDeclaration<SymmetricContractionBackwardModel> read,
        ImmutableArray<KernelDeclaration<SymmetricContractionModel>> forwards, CancellationToken cancellationToken) =>
        KernelBuild.Guarded(read, SymmetricContractionBackwardValidator.Attribute, model => model.Method, (model, diagnostics, _) =>
        {
            List<SymmetricContractionModel> models = forwards.Where(d => d.Model is not null).Select(d => d.Model!).ToList();
            var (spec, forward, element) = SymmetricContractionBackwardValidator.Validate(model, models, diagnostics);
            cancellationToken.ThrowIfCancellationRequested();
            return spec is null || forward is null || element is null || diagnostics.Count > 0
                ? null
                : SymmetricContractionEmitter.EmitBackward(model.Method, forward, spec, element);
        });
}
