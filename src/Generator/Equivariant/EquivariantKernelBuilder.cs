using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using TensorGen.Diagnostics;
using TensorGen.Emit.Equivariant;
using TensorGen.Equivariance;
using TensorGen.Model;
using TensorGen.Validation;

namespace TensorGen;

/// <summary>
/// The second step of <see cref="TensorProductGenerator"/>, plain C#: validate, build and emit one equivariant declaration
/// (guarded by <see cref="KernelBuild"/>).
/// </summary>
internal static class EquivariantKernelBuilder
{
    /// <param name="read">The first step's output.</param>
    /// <param name="gpuRuntime">Whether the compilation references TensorGen.Runtime.Gpu (GPU code compiles only then).</param>
    /// <param name="beforeEmit">Test hook: called with the method's name just before its file is emitted.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    public static KernelResult Build(KernelDeclaration<TensorProductModel> read, bool gpuRuntime, Action<string>? beforeEmit, CancellationToken cancellationToken) =>
        KernelBuild.Guarded(read, TensorProductValidator.Attribute, model => model.Method, (model, diagnostics, notes) =>
        {
            var (spec, element) = TensorProductValidator.Validate(model, diagnostics);
            bool gpu = EquivariantGpuValidator.Check(model.Method, model.Attribute.Backends, gpuRuntime, TensorProductValidator.Attribute, diagnostics, notes);
            cancellationToken.ThrowIfCancellationRequested();
            if (spec is null || element is null || diagnostics.Count > 0)
            {
                return null;
            }

            beforeEmit?.Invoke(model.Method.DisplayName);
            return TensorProductEmitter.EmitForward(model.Method, spec, element, gpu);
        });

    public static KernelResult Build(KernelDeclaration<TensorProductBackwardModel> read, ImmutableArray<KernelDeclaration<TensorProductModel>> forwards,
        bool gpuRuntime, Action<string>? beforeEmit, CancellationToken cancellationToken) =>
        KernelBuild.Guarded(read, TensorProductBackwardValidator.Attribute, model => model.Method, (model, diagnostics, notes) =>
        {
            var known = forwards.Where(f => f.Model is not null).Select(f => f.Model!).ToList();
            var (spec, forward, element) = TensorProductBackwardValidator.Validate(model, known, diagnostics);
            bool gpu = EquivariantGpuValidator.Check(model.Method, model.Backends, gpuRuntime, TensorProductBackwardValidator.Attribute, diagnostics, notes);
            if (gpu && spec is not null && element is not null)
            {
                EquivariantGpuValidator.CheckBackward(model.Method, model.Backends, spec, element, diagnostics);
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (spec is null || forward is null || element is null || diagnostics.Count > 0)
            {
                return null;
            }

            beforeEmit?.Invoke(model.Method.DisplayName);
            return TensorProductEmitter.EmitBackward(model.Method, forward, spec, element, gpu);
        });

    public static KernelResult Build(KernelDeclaration<TensorProductDoubleBackwardModel> read, ImmutableArray<KernelDeclaration<TensorProductModel>> forwards,
        Action<string>? beforeEmit, CancellationToken cancellationToken) =>
        KernelBuild.Guarded(read, TensorProductDoubleBackwardValidator.Attribute, model => model.Method, (model, diagnostics, _) =>
        {
            var known = forwards.Where(f => f.Model is not null).Select(f => f.Model!).ToList();
            var (spec, forward, element) = TensorProductDoubleBackwardValidator.Validate(model, known, diagnostics);
            cancellationToken.ThrowIfCancellationRequested();
            if (spec is null || forward is null || element is null || diagnostics.Count > 0)
            {
                return null;
            }

            beforeEmit?.Invoke(model.Method.DisplayName);
            return TensorProductDoubleBackwardEmitter.Emit(model.Method, forward, spec, element);
        });

    public static KernelResult Build(KernelDeclaration<SphericalHarmonicsModel> read, bool gpuRuntime, Action<string>? beforeEmit, CancellationToken cancellationToken) =>
        KernelBuild.Guarded(read, SphericalHarmonicsValidator.Attribute, model => model.Method, (model, diagnostics, notes) =>
        {
            var (spec, element) = SphericalHarmonicsValidator.Validate(model, diagnostics);
            bool gpu = EquivariantGpuValidator.Check(model.Method, model.Backends, gpuRuntime, SphericalHarmonicsValidator.Attribute, diagnostics, notes);
            cancellationToken.ThrowIfCancellationRequested();
            if (spec is null || element is null || diagnostics.Count > 0)
            {
                return null;
            }

            beforeEmit?.Invoke(model.Method.DisplayName);
            return SphericalHarmonicsEmitter.Emit(model.Method, spec, element, gpu);
        });

    public static KernelResult Build(KernelDeclaration<SphericalHarmonicsBackwardModel> read, ImmutableArray<KernelDeclaration<SphericalHarmonicsModel>> forwards,
        bool gpuRuntime, Action<string>? beforeEmit, CancellationToken cancellationToken) =>
        KernelBuild.Guarded(read, SphericalHarmonicsBackwardValidator.Attribute, model => model.Method, (model, diagnostics, notes) =>
            HarmonicsPass(model.Method, model.Backends, SphericalHarmonicsBackwardValidator.Attribute,
                known => SphericalHarmonicsBackwardValidator.Validate(model, known, diagnostics), SphericalHarmonicsBackwardEmitter.Emit,
                forwards, gpuRuntime, beforeEmit, diagnostics, notes, cancellationToken));

    public static KernelResult Build(KernelDeclaration<SphericalHarmonicsDoubleBackwardModel> read, ImmutableArray<KernelDeclaration<SphericalHarmonicsModel>> forwards,
        bool gpuRuntime, Action<string>? beforeEmit, CancellationToken cancellationToken) =>
        KernelBuild.Guarded(read, SphericalHarmonicsBackwardValidator.DoubleBackwardAttribute, model => model.Method, (model, diagnostics, notes) =>
            HarmonicsPass(model.Method, model.Backends, SphericalHarmonicsBackwardValidator.DoubleBackwardAttribute,
                known => SphericalHarmonicsBackwardValidator.Validate(model, known, diagnostics), SphericalHarmonicsDoubleBackwardEmitter.Emit,
                forwards, gpuRuntime, beforeEmit, diagnostics, notes, cancellationToken));

    /// <summary>A pass over the harmonics a <c>[SphericalHarmonics]</c> method names (backward, double backward): validated, then emitted.</summary>
    private static string? HarmonicsPass(KernelMethodShape method, OptionModel backends, string attribute,
        Func<IReadOnlyList<SphericalHarmonicsModel>, (SphericalHarmonicsSpec? Spec, string? Forward, string? ElementType)> validate,
        Func<KernelMethodShape, string, SphericalHarmonicsSpec, string, bool, string> emit, ImmutableArray<KernelDeclaration<SphericalHarmonicsModel>> forwards,
        bool gpuRuntime, Action<string>? beforeEmit, List<DiagnosticInfo> diagnostics, List<DiagnosticInfo> notes, CancellationToken cancellationToken)
    {
        var (spec, forward, element) = validate(forwards.Where(f => f.Model is not null).Select(f => f.Model!).ToList());
        bool gpu = EquivariantGpuValidator.Check(method, backends, gpuRuntime, attribute, diagnostics, notes);
        cancellationToken.ThrowIfCancellationRequested();
        if (spec is null || forward is null || element is null || diagnostics.Count > 0)
        {
            return null;
        }

        beforeEmit?.Invoke(method.DisplayName);
        return emit(method, forward, spec, element, gpu);
    }
}
