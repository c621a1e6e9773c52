using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using TensorGen.Emit.MessagePassing;
using TensorGen.Model;
using TensorGen.Validation;

namespace TensorGen;

/// <summary>
/// Implements <c>[TensorProductConvolution]</c> (a fused gather → tensor product → scatter, e3nn's convolution) and
/// <c>[TensorProductConvolutionBackward]</c> and <c>[TensorProductConvolutionDoubleBackward]</c> methods on the shared pipeline (<see cref="KernelPipeline"/>). A convolution
/// names a <c>[TensorProduct]</c> method; the products are read here too (by the equivariant reader) and combined with each
/// convolution to find the one it names. The generated code is the product's tile kernel plus a call to the runtime's
/// convolution driver; with <c>Backend.Gpu</c> (whether the compilation references TensorGen.Runtime.Gpu is combined in)
/// also the ILGPU kernels and <c>NameGpu</c> entry points.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class MessagePassingGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<ImmutableArray<KernelDeclaration<TensorProductModel>>> products = KernelPipeline.Declarations(context,
            EquivariantDeclarationReader.TensorProductAttributeName, EquivariantDeclarationReader.ReadTensorProduct,
            MessagePassingTrackingNames.ProductDeclarations).Collect();
        IncrementalValuesProvider<KernelDeclaration<ConvolutionModel>> convolutions = KernelPipeline.Declarations(context,
            MessagePassingDeclarationReader.ConvolutionAttributeName, MessagePassingDeclarationReader.ReadConvolution,
            MessagePassingTrackingNames.ConvolutionDeclarations);
        IncrementalValuesProvider<KernelDeclaration<ConvolutionBackwardModel>> backwards = KernelPipeline.Declarations(context,
            MessagePassingDeclarationReader.ConvolutionBackwardAttributeName, MessagePassingDeclarationReader.ReadBackward,
            MessagePassingTrackingNames.BackwardDeclarations);
        IncrementalValuesProvider<KernelDeclaration<ConvolutionDoubleBackwardModel>> doubleBackwards = KernelPipeline.Declarations(context,
            MessagePassingDeclarationReader.ConvolutionDoubleBackwardAttributeName, MessagePassingDeclarationReader.ReadDoubleBackward,
            MessagePassingTrackingNames.DoubleBackwardDeclarations);

        IncrementalValueProvider<GpuRuntime> gpuRuntime = GpuRuntimeReference.Detect(context);
        KernelPipeline.Register(context, convolutions
            .Combine(products)
            .Combine(gpuRuntime)
            .Select((pair, cancellationToken) => BuildForward(pair.Left.Left, pair.Left.Right, pair.Right, cancellationToken))
            .WithTrackingName(MessagePassingTrackingNames.ConvolutionKernels));
        KernelPipeline.Register(context, backwards
            .Combine(convolutions.Collect())
            .Combine(products)
            .Combine(gpuRuntime)
            .Select((pair, cancellationToken) => BuildBackward(pair.Left.Left.Left, pair.Left.Left.Right, pair.Left.Right, pair.Right, cancellationToken))
            .WithTrackingName(MessagePassingTrackingNames.BackwardKernels));
        KernelPipeline.Register(context, doubleBackwards
            .Combine(convolutions.Collect())
            .Combine(products)
            .Select((pair, cancellationToken) => BuildDoubleBackward(pair.Left.Left, pair.Left.Right, pair.Right, cancellationToken))
            .WithTrackingName(MessagePassingTrackingNames.DoubleBackwardKernels));
    }

    private static KernelResult BuildForward(KernelDeclaration<ConvolutionModel> read, ImmutableArray<KernelDeclaration<TensorProductModel>> products,
        bool gpuRuntime, CancellationToken cancellationToken) =>
        KernelBuild.Guarded(read, ConvolutionValidator.Attribute, model => model.Method, (model, diagnostics, notes) =>
        {
            var (spec, product, element) = ConvolutionValidator.Validate(model, Models(products), diagnostics);
            var (gpu, deterministic) = ConvolutionGpuValidator.Check(model.Method, model.Backends, model.GpuScatter, gpuRuntime, ConvolutionValidator.Attribute,
                diagnostics, notes);
            cancellationToken.ThrowIfCancellationRequested();
            return spec is null || product is null || element is null || diagnostics.Count > 0
                ? null
                : ConvolutionEmitter.EmitForward(model.Method, product, spec, element, gpu ? new ConvolutionGpu(deterministic) : null);
        });

    private static KernelResult BuildBackward(KernelDeclaration<ConvolutionBackwardModel> read, ImmutableArray<KernelDeclaration<ConvolutionModel>> convolutions,
        ImmutableArray<KernelDeclaration<TensorProductModel>> products, bool gpuRuntime, CancellationToken cancellationToken) =>
        KernelBuild.Guarded(read, ConvolutionBackwardValidator.Attribute, model => model.Method, (model, diagnostics, notes) =>
        {
            var (spec, forward, element) = ConvolutionBackwardValidator.Validate(model, Models(convolutions), Models(products), diagnostics);
            var (gpu, deterministic) = ConvolutionGpuValidator.Check(model.Method, model.Backends, model.GpuScatter, gpuRuntime,
                ConvolutionBackwardValidator.Attribute, diagnostics, notes);
            if (gpu && spec is not null && element is not null)
            {
                ConvolutionGpuValidator.CheckBackward(model.Method, model.Backends, deterministic, spec, element, diagnostics);
            }

            cancellationToken.ThrowIfCancellationRequested();
            return spec is null || forward is null || element is null || diagnostics.Count > 0
                ? null
                : ConvolutionEmitter.EmitBackward(model.Method, forward, spec, element, gpu ? new ConvolutionGpu(deterministic) : null);
        });

    private static KernelResult BuildDoubleBackward(KernelDeclaration<ConvolutionDoubleBackwardModel> read,
        ImmutableArray<KernelDeclaration<ConvolutionModel>> convolutions, ImmutableArray<KernelDeclaration<TensorProductModel>> products,
        CancellationToken cancellationToken) =>
        KernelBuild.Guarded(read, ConvolutionDoubleBackwardValidator.Attribute, model => model.Method, (model, diagnostics, _) =>
        {
            var (spec, forward, element) = ConvolutionDoubleBackwardValidator.Validate(model, Models(convolutions), Models(products), diagnostics);
            cancellationToken.ThrowIfCancellationRequested();
            return spec is null || forward is null || element is null || diagnostics.Count > 0
                ? null
                : ConvolutionDoubleBackwardEmitter.Emit(model.Method, forward, spec, element);
        });

    private static System.Collections.Generic.List<T> Models<T>(ImmutableArray<KernelDeclaration<T>> declarations)
        where T : class =>
        declarations.Where(d => d.Model is not null).Select(d => d.Model!).ToList();
}
