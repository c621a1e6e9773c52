using System;
using System.Linq;
using System.Threading;
using TensorGen.Decompositions.Emit;
using TensorGen.Decompositions.Model;
using TensorGen.Decompositions.Validation;
using TensorGen.Diagnostics;
using TensorGen.Model;

namespace TensorGen.Decompositions;

/// <summary>
/// The decomposition pipeline's second step, plain C#: validate, lower, plan and emit one declaration. It never
/// throws: an unexpected exception becomes TG9999 naming the method.
/// </summary>
internal static class DecompositionKernelBuilder
{
    /// <param name="declaration">The first step's output.</param>
    /// <param name="beforeEmit">Test hook: called with the method's name just before its file is emitted.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    public static KernelResult Build(DecompositionDeclaration declaration, Action<string>? beforeEmit, CancellationToken cancellationToken)
    {
        if (declaration.Method is not { } method)
        {
            return new KernelResult(null, declaration.Diagnostics);
        }

        if (method.Conflict is { } conflict)
        {
            // Another kind of kernel attribute on the same method: no kernel; TG0022 and the throwing body come from one pipeline only.
            return conflict.Reports
                ? new KernelResult(Failure(method, conflict.Diagnostic.Id, conflict.Diagnostic.Message), new[] { conflict.Diagnostic }.ToEquatableArray())
                : new KernelResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        try
        {
            DecompositionValidation validation = DecompositionValidator.Validate(method);
            cancellationToken.ThrowIfCancellationRequested();
            if (validation.Kernel is { } kernel)
            {
                beforeEmit?.Invoke(method.DisplayName);
                return new KernelResult(new GeneratedKernel(method.HintName, DecompositionEmitter.Emit(kernel)), EquatableArray<DiagnosticInfo>.Empty);
            }

            DiagnosticInfo? first = validation.Diagnostics.FirstOrDefault();
            string message = first?.Message ?? $"The [{method.AttributeName}] attribute on '{method.DisplayName}' does not compile; fix it first.";
            return new KernelResult(Failure(method, first?.Id, message), validation.Diagnostics.ToEquatableArray());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            DiagnosticInfo error = InternalErrors.Create(method.DisplayName, e, method.Location);
            return new KernelResult(Failure(method, error.Id, error.Message), new[] { error }.ToEquatableArray());
        }
    }

    private static GeneratedKernel? Failure(DecompositionMethodModel method, string? id, string message)
    {
        if (!method.CanBeImplemented)
        {
            return null;
        }

        try
        {
            return new GeneratedKernel(method.HintName, DecompositionEmitter.EmitFailure(method, id, message));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Writing even the throwing body failed; the diagnostic already explains the declaration.
            return null;
        }
    }
}
