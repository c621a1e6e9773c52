using System;
using System.Collections.Generic;
using System.Linq;
using TensorGen.Diagnostics;
using TensorGen.Emit;
using TensorGen.Model;

namespace TensorGen;

/// <summary>
/// The second step every kernel family shares, around the family's own validation and emission: a method with attributes
/// of two kernel kinds gets TG0022 from one family only; a declaration with errors gets its diagnostics and, when it can
/// be implemented, a body that throws; an unexpected exception becomes TG9999. It never throws.
/// </summary>
internal static class KernelBuild
{
    /// <param name="declaration">The first step's output.</param>
    /// <param name="attribute">The attribute's name as messages write it, e.g. <c>Einsum</c>.</param>
    /// <param name="method">The method of a model.</param>
    /// <param name="emit">
    /// Validates into the first list and returns the file's text, or null when there are errors; the second list takes
    /// diagnostics that do not stop the file (TG0020: the CPU kernel is written without its GPU members).
    /// </param>
    public static KernelResult Guarded<TModel>(KernelDeclaration<TModel> declaration, string attribute, Func<TModel, KernelMethodShape> method,
        Func<TModel, List<DiagnosticInfo>, List<DiagnosticInfo>, string?> emit)
        where TModel : class
    {
        if (declaration.Model is not { } model)
        {
            return new KernelResult(null, declaration.Diagnostics);
        }

        KernelMethodShape shape = method(model);
        if (shape.Conflict is { } conflict)
        {
            // Another kind of kernel attribute on the same method: no kernel; TG0022 and the throwing body come from one family only.
            return conflict.Reports
                ? new KernelResult(Failure(shape, attribute, conflict.Diagnostic.Id, conflict.Diagnostic.Message), new[] { conflict.Diagnostic }.ToEquatableArray())
                : new KernelResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var diagnostics = new List<DiagnosticInfo>();
        var notes = new List<DiagnosticInfo>();
        try
        {
            string? text = emit(model, diagnostics, notes);
            if (text is not null && diagnostics.Count == 0)
            {
                return new KernelResult(new GeneratedKernel(shape.HintName, text), notes.ToEquatableArray());
            }

            // Without a TG diagnostic the attribute itself did not compile; the compiler reports why.
            DiagnosticInfo? first = diagnostics.FirstOrDefault();
            return new KernelResult(
                Failure(shape, attribute, first?.Id, first?.Message ?? $"The [{attribute}] attribute on '{shape.DisplayName}' does not compile; fix it first."),
                diagnostics.Concat(notes).ToEquatableArray());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            DiagnosticInfo error = InternalErrors.Create(shape.DisplayName, e, shape.Location);
            return new KernelResult(Failure(shape, attribute, error.Id, error.Message), new[] { error }.ToEquatableArray());
        }
    }

    /// <summary>
    /// The throwing implementation of a declaration with errors, when one can be written at all (a wrong parameter's type may
    /// be a nested type that generated code cannot name when type parameters are shadowed).
    /// </summary>
    private static GeneratedKernel? Failure(KernelMethodShape method, string attribute, string? id, string message)
    {
        if (!method.CanBeImplemented || method.ShadowsTypeParameters)
        {
            return null;
        }

        try
        {
            return new GeneratedKernel(method.HintName, KernelFile.WriteFailure(method, attribute, id, message));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Writing even the throwing body failed; the diagnostic already explains the declaration.
            return null;
        }
    }
}
