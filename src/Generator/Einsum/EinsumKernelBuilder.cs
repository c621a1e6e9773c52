using System;
using System.Threading;
using TensorGen.Diagnostics;
using TensorGen.Emit;
using TensorGen.Model;
using TensorGen.Validation;

namespace TensorGen;

/// <summary>The einsum family's second step, plain C#: validate, parse, plan and emit one declaration (guarded by <see cref="KernelBuild"/>).</summary>
internal static class EinsumKernelBuilder
{
    /// <param name="declaration">The first step's output.</param>
    /// <param name="gpuRuntimeReferenced">Whether the compilation references TensorGen.Runtime.Gpu (GPU code compiles only then).</param>
    /// <param name="beforeEmit">Test hook: called with the method's name just before its file is emitted.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    public static KernelResult Build(KernelDeclaration<EinsumMethodModel> declaration, bool gpuRuntimeReferenced, Action<string>? beforeEmit,
        CancellationToken cancellationToken) =>
        KernelBuild.Guarded(declaration, "Einsum", model => model.Method, (model, diagnostics, notes) =>
        {
            ValidationResult validation = DeclarationValidator.Validate(model);
            cancellationToken.ThrowIfCancellationRequested();
            diagnostics.AddRange(validation.Diagnostics);
            if (validation.Kernel is not { } kernel)
            {
                return null;
            }

            // Without TensorGen.Runtime.Gpu the GPU code would not compile: the CPU kernel is still written, and TG0020 says why
            // the GPU one is not.
            if (model.WantsGpu && gpuRuntimeReferenced)
            {
                kernel = kernel.WithGpu();
            }
            else if (model.WantsGpu)
            {
                notes.Add(new DiagnosticInfo(DiagnosticIds.GpuRuntimeNotReferenced,
                    $"'{model.Method.DisplayName}' asks for Backend.Gpu, but the project does not reference TensorGen.Runtime.Gpu: add a reference to "
                    + "src/Runtime/Gpu/TensorGen.Runtime.Gpu.csproj (it brings ILGPU), or remove Backend.Gpu. Only the CPU kernel was generated.",
                    model.BackendsLocation ?? model.Method.Location));
            }

            beforeEmit?.Invoke(model.Method.DisplayName);
            return KernelFileEmitter.Emit(kernel);
        });
}
