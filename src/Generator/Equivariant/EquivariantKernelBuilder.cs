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
/// The second step of <see cref="TensorProductGenerator"/>, plain C#: validate, build and emit one equivariant declaration.
/// It never throws: an unexpected exception becomes TG9999 naming the method and the exception.
/// </summary>
internal static class EquivariantKernelBuilder
{
    /// <param name="read">The first step's output.</param>
    /// <param name="gpuRuntime">Whether the compilation references TensorGen.Runtime.Gpu (GPU code compiles only then).</param>
    /// <param name="beforeEmit">Test hook: called with the method's name just before its file is emitted.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    public static KernelResult Build(EquivariantRead<TensorProductModel> read, bool gpuRuntime, Action<string>? beforeEmit, CancellationToken cancellationToken) =>
        Guarded(read, TensorProductValidator.Attribute, model => model.Method, (model, diagnostics, notes) =>
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

    public static KernelResult Build(EquivariantRead<TensorProductBackwardModel> read, ImmutableArray<EquivariantRead<TensorProductModel>> forwards,
        bool gpuRuntime, Action<string>? beforeEmit, CancellationToken cancellationToken) =>
        Guarded(read, TensorProductBackwardValidator.Attribute, model => model.Method, (model, diagnostics, notes) =>
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

    public static KernelResult Build(EquivariantRead<SphericalHarmonicsModel> read, bool gpuRuntime, Action<string>? beforeEmit, CancellationToken cancellationToken) =>
        Guarded(read, SphericalHarmonicsValidator.Attribute, model => model.Method, (model, diagnostics, notes) =>
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

    /// <param name="read">The first step's output.</param>
    /// <param name="attribute">The attribute's name, for messages.</param>
    /// <param name="shape">The method of a model.</param>
    /// <param name="emit">
    /// Validates into the diagnostics and returns the file's text, or null when there are errors; the second list takes
    /// diagnostics that do not stop the file (TG0020: the CPU kernel is written without its GPU members).
    /// </param>
    private static KernelResult Guarded<TModel>(EquivariantRead<TModel> read, string attribute, Func<TModel, KernelMethodShape> shape,
        Func<TModel, List<DiagnosticInfo>, List<DiagnosticInfo>, string?> emit)
        where TModel : class
    {
        if (read.Model is not { } model)
        {
            return new KernelResult(null, read.Diagnostics);
        }

        KernelMethodShape method = shape(model);
        if (method.Conflict is { } conflict)
        {
            // Another kind of kernel attribute on the same method: no kernel; TG0022 and the throwing body come from one pipeline only.
            return conflict.Reports
                ? new KernelResult(Failure(method, attribute, conflict.Diagnostic.Id, conflict.Diagnostic.Message), new[] { conflict.Diagnostic }.ToEquatableArray())
                : new KernelResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var diagnostics = new List<DiagnosticInfo>();
        var notes = new List<DiagnosticInfo>();
        try
        {
            string? text = emit(model, diagnostics, notes);
            if (text is not null && diagnostics.Count == 0)
            {
                return new KernelResult(new GeneratedKernel(method.HintName, text), notes.ToEquatableArray());
            }

            DiagnosticInfo? first = diagnostics.FirstOrDefault();
            return new KernelResult(
                Failure(method, attribute, first?.Id, first?.Message ?? $"The [{attribute}] attribute on '{method.DisplayName}' does not compile; fix it first."),
                diagnostics.Concat(notes).ToEquatableArray());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            DiagnosticInfo error = InternalErrors.Create(method.DisplayName, e, method.Location);
            return new KernelResult(Failure(method, attribute, error.Id, error.Message), new[] { error }.ToEquatableArray());
        }
    }

    private static GeneratedKernel? Failure(KernelMethodShape method, string attribute, string? id, string message)
    {
        if (!method.CanBeImplemented)
        {
            return null;
        }

        try
        {
            return new GeneratedKernel(method.HintName, EquivariantFileEmitter.EmitFailure(method, attribute, id, message));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }
}
