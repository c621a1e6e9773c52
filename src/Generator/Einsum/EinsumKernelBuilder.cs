using System;
using System.Linq;
using System.Threading;
using TensorGen.Diagnostics;
using TensorGen.Emit;
using TensorGen.Model;
using TensorGen.Validation;

namespace TensorGen;

/// <summary>
/// The pipeline's second step, plain C#: validate, parse, plan and emit one declaration. It never throws:
/// an unexpected exception becomes TG9999 naming the method and the exception's message.
/// </summary>
internal static class KernelBuilder
{
    /// <param name="declaration">The first step's output.</param>
    /// <param name="gpuRuntimeReferenced">Whether the compilation references TensorGen.Runtime.Gpu (GPU code compiles only then).</param>
    /// <param name="beforeEmit">Test hook: called with the method's name just before its file is emitted.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    public static KernelResult Build(EinsumDeclaration declaration, bool gpuRuntimeReferenced, Action<string>? beforeEmit,
        CancellationToken cancellationToken)
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
            ValidationResult validation = DeclarationValidator.Validate(method);
            cancellationToken.ThrowIfCancellationRequested();
            if (validation.Kernel is { } kernel)
            {
                // Without TensorGen.Runtime.Gpu the GPU code would not compile: the CPU kernel is still written, and TG0020 says why
                // the GPU one is not.
                var diagnostics = EquatableArray<DiagnosticInfo>.Empty;
                if (method.WantsGpu && gpuRuntimeReferenced)
                {
                    kernel = kernel.WithGpu();
                }
                else if (method.WantsGpu)
                {
                    diagnostics = new[] { new DiagnosticInfo(DiagnosticIds.GpuRuntimeNotReferenced,
                        $"'{method.DisplayName}' asks for Backend.Gpu, but the project does not reference TensorGen.Runtime.Gpu: add a reference to "
                        + "src/Runtime/Gpu/TensorGen.Runtime.Gpu.csproj (it brings ILGPU), or remove Backend.Gpu. Only the CPU kernel was generated.",
                        method.BackendsLocation ?? method.Location) }.ToEquatableArray();
                }

                beforeEmit?.Invoke(method.DisplayName);
                return new KernelResult(new GeneratedKernel(method.HintName, KernelFileEmitter.Emit(kernel)), diagnostics);
            }

            // Without a TG diagnostic the attribute itself did not compile; the compiler reports why.
            DiagnosticInfo? first = validation.Diagnostics.FirstOrDefault();
            string message = first?.Message ?? $"The [Einsum] attribute on '{method.DisplayName}' does not compile; fix it first.";
            return new KernelResult(Failure(method, first?.Id, message), validation.Diagnostics.ToEquatableArray());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            DiagnosticInfo error = InternalErrors.Create(method.DisplayName, e, method.Location);
            return new KernelResult(Failure(method, error.Id, error.Message), new[] { error }.ToEquatableArray());
        }
    }

    /// <summary>
    /// The throwing implementation of a declaration with errors, when one can be written at all (a wrong parameter's type may
    /// be a nested type that generated code cannot name when type parameters are shadowed).
    /// </summary>
    private static GeneratedKernel? Failure(EinsumMethodModel method, string? id, string message)
    {
        if (!method.CanBeImplemented || method.ShadowsTypeParameters)
        {
            return null;
        }

        try
        {
            return new GeneratedKernel(method.HintName, KernelFileEmitter.EmitFailure(method, id, message));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Writing even the throwing body failed; the diagnostic already explains the declaration.
            return null;
        }
    }
}
