using System;
using Microsoft.CodeAnalysis;
using TensorGen.Model;

namespace TensorGen;

/// <summary>
/// Implements <c>[TensorProduct]</c>, <c>[TensorProductBackward]</c>, <c>[TensorProductDoubleBackward]</c>, <c>[SphericalHarmonics]</c>,
/// <c>[SphericalHarmonicsBackward]</c> and <c>[SphericalHarmonicsDoubleBackward]</c> methods on the shared
/// pipeline (<see cref="KernelPipeline"/>), one branch per attribute: declarations read into plain models
/// (<see cref="EquivariantDeclarationReader"/>; a backward pass is combined with all forward declarations of its kind, to find
/// the one it names); kernels validated, built and emitted (<see cref="EquivariantKernelBuilder"/>), with whether the compilation
/// references TensorGen.Runtime.Gpu (for <c>Backend.Gpu</c>); sources and diagnostics apart.
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
        IncrementalValuesProvider<KernelDeclaration<TensorProductModel>> forwards = KernelPipeline.Declarations(context,
            EquivariantDeclarationReader.TensorProductAttributeName, EquivariantDeclarationReader.ReadTensorProduct,
            EquivariantTrackingNames.TensorProductDeclarations);
        IncrementalValuesProvider<KernelDeclaration<TensorProductBackwardModel>> backwards = KernelPipeline.Declarations(context,
            EquivariantDeclarationReader.TensorProductBackwardAttributeName, EquivariantDeclarationReader.ReadBackward,
            EquivariantTrackingNames.BackwardDeclarations);
        IncrementalValuesProvider<KernelDeclaration<SphericalHarmonicsModel>> harmonics = KernelPipeline.Declarations(context,
            EquivariantDeclarationReader.SphericalHarmonicsAttributeName, EquivariantDeclarationReader.ReadSphericalHarmonics,
            EquivariantTrackingNames.SphericalHarmonicsDeclarations);
        IncrementalValuesProvider<KernelDeclaration<SphericalHarmonicsBackwardModel>> harmonicsBackwards = KernelPipeline.Declarations(context,
            EquivariantDeclarationReader.SphericalHarmonicsBackwardAttributeName, EquivariantDeclarationReader.ReadSphericalHarmonicsBackward,
            EquivariantTrackingNames.SphericalHarmonicsBackwardDeclarations);
        IncrementalValuesProvider<KernelDeclaration<SphericalHarmonicsDoubleBackwardModel>> harmonicsDoubleBackwards = KernelPipeline.Declarations(context,
            EquivariantDeclarationReader.SphericalHarmonicsDoubleBackwardAttributeName, EquivariantDeclarationReader.ReadSphericalHarmonicsDoubleBackward,
            EquivariantTrackingNames.SphericalHarmonicsDoubleBackwardDeclarations);

        IncrementalValuesProvider<KernelDeclaration<TensorProductDoubleBackwardModel>> doubleBackwards = KernelPipeline.Declarations(context,
            EquivariantDeclarationReader.TensorProductDoubleBackwardAttributeName, EquivariantDeclarationReader.ReadDoubleBackward,
            EquivariantTrackingNames.DoubleBackwardDeclarations);

        IncrementalValueProvider<GpuRuntime> gpuRuntime = GpuRuntimeReference.Detect(context);
        KernelPipeline.Register(context, forwards
            .Combine(gpuRuntime)
            .Select((pair, cancellationToken) => EquivariantKernelBuilder.Build(pair.Left, pair.Right, beforeEmit, cancellationToken))
            .WithTrackingName(EquivariantTrackingNames.TensorProductKernels));
        KernelPipeline.Register(context, backwards
            .Combine(forwards.Collect())
            .Combine(gpuRuntime)
            .Select((pair, cancellationToken) => EquivariantKernelBuilder.Build(pair.Left.Left, pair.Left.Right, pair.Right, beforeEmit, cancellationToken))
            .WithTrackingName(EquivariantTrackingNames.BackwardKernels));
        KernelPipeline.Register(context, doubleBackwards
            .Combine(forwards.Collect())
            .Select((pair, cancellationToken) => EquivariantKernelBuilder.Build(pair.Left, pair.Right, beforeEmit, cancellationToken))
            .WithTrackingName(EquivariantTrackingNames.DoubleBackwardKernels));
        KernelPipeline.Register(context, harmonics
            .Combine(gpuRuntime)
            .Select((pair, cancellationToken) => EquivariantKernelBuilder.Build(pair.Left, pair.Right, beforeEmit, cancellationToken))
            .WithTrackingName(EquivariantTrackingNames.SphericalHarmonicsKernels));
        KernelPipeline.Register(context, harmonicsBackwards
            .Combine(harmonics.Collect())
            .Combine(gpuRuntime)
            .Select((pair, cancellationToken) => EquivariantKernelBuilder.Build(pair.Left.Left, pair.Left.Right, pair.Right, beforeEmit, cancellationToken))
            .WithTrackingName(EquivariantTrackingNames.SphericalHarmonicsBackwardKernels));
        KernelPipeline.Register(context, harmonicsDoubleBackwards
            .Combine(harmonics.Collect())
            .Combine(gpuRuntime)
            .Select((pair, cancellationToken) => EquivariantKernelBuilder.Build(pair.Left.Left, pair.Left.Right, pair.Right, beforeEmit, cancellationToken))
            .WithTrackingName(EquivariantTrackingNames.SphericalHarmonicsDoubleBackwardKernels));
    }
}
