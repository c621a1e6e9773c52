using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using TensorGen.Emit.EquivariantLinear;
using TensorGen.Equivariance;
using TensorGen.Model;
using TensorGen.Validation;

namespace TensorGen;

/// <summary>
/// Implements <c>[EquivariantLinear]</c> (e3nn's <c>o3.Linear</c>) and <c>[EquivariantLinearBackward]</c> methods on the shared
/// pipeline (<see cref="KernelPipeline"/>): declarations read into plain models (<see cref="EquivariantLinearDeclarationReader"/>;
/// a backward pass is combined with every forward declaration, to find the one it names), validated
/// (<see cref="EquivariantLinearValidator"/>), built into a <see cref="LinearSpec"/> (Core) and emitted
/// (<see cref="EquivariantLinearEmitter"/>); sources and diagnostics apart.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class EquivariantLinearGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<KernelDeclaration<EquivariantLinearModel>> forwards = KernelPipeline.Declarations(context,
            EquivariantLinearDeclarationReader.LinearAttributeName, EquivariantLinearDeclarationReader.ReadLinear,
            EquivariantLinearTrackingNames.LinearDeclarations);
        IncrementalValuesProvider<KernelDeclaration<EquivariantLinearBackwardModel>> backwards = KernelPipeline.Declarations(context,
            EquivariantLinearDeclarationReader.LinearBackwardAttributeName, EquivariantLinearDeclarationReader.ReadBackward,
            EquivariantLinearTrackingNames.BackwardDeclarations);

        KernelPipeline.Register(context, forwards
            .Select((read, cancellationToken) => BuildForward(read, cancellationToken))
            .WithTrackingName(EquivariantLinearTrackingNames.LinearKernels));
        KernelPipeline.Register(context, backwards
            .Combine(forwards.Collect())
            .Select((pair, cancellationToken) => BuildBackward(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(EquivariantLinearTrackingNames.BackwardKernels));
    }

    private static KernelResult BuildForward(KernelDeclaration<EquivariantLinearModel> read, CancellationToken cancellationToken) =>
        KernelBuild.Guarded(read, EquivariantLinearValidator.Attribute, model => model.Method, (model, diagnostics, _) =>
        {
            var (spec, element) = EquivariantLinearValidator.Validate(model, diagnostics);
            cancellationToken.ThrowIfCancellationRequested();
            return spec is null || element is null || diagnostics.Count > 0
                ? null
                : EquivariantLinearEmitter.EmitForward(model.Method, spec, (PathNormalizationRule)model.PathNormalization.Value, element);
        });

    private static KernelResult BuildBackward(KernelDeclaration<EquivariantLinearBackwardModel> read, ImmutableArray<KernelDeclaration<EquivariantLinearModel>> forwards,
        CancellationToken cancellationToken) =>
        KernelBuild.Guarded(read, EquivariantLinearBackwardValidator.Attribute, model => model.Method, (model, diagnostics, _) =>
        {
            var known = forwards.Where(f => f.Model is not null).Select(f => f.Model!).ToList();
            var (spec, forward, element) = EquivariantLinearBackwardValidator.Validate(model, known, diagnostics);
            cancellationToken.ThrowIfCancellationRequested();
            if (spec is null || forward is null || element is null || diagnostics.Count > 0)
            {
                return null;
            }

            var forwardModel = known.First(f => f.Method.DisplayName == forward);
            return EquivariantLinearEmitter.EmitBackward(model.Method, forward, spec, (PathNormalizationRule)forwardModel.PathNormalization.Value, element);
        });
}
