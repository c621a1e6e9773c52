using System;
using System.Threading;
using TensorGen.Decompositions.Emit;
using TensorGen.Decompositions.Model;
using TensorGen.Decompositions.Validation;
using TensorGen.Model;

namespace TensorGen.Decompositions;

/// <summary>
/// The decomposition family's second step, plain C#: validate, lower, plan and emit one declaration (guarded by
/// <see cref="KernelBuild"/>).
/// </summary>
internal static class DecompositionKernelBuilder
{
    /// <param name="declaration">The first step's output.</param>
    /// <param name="beforeEmit">Test hook: called with the method's name just before its file is emitted.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    public static KernelResult Build(KernelDeclaration<DecompositionMethodModel> declaration, Action<string>? beforeEmit, CancellationToken cancellationToken) =>
        KernelBuild.Guarded(declaration, declaration.Model?.AttributeName ?? string.Empty, model => model.Method, (model, diagnostics, _) =>
        {
            DecompositionValidation validation = DecompositionValidator.Validate(model);
            cancellationToken.ThrowIfCancellationRequested();
            diagnostics.AddRange(validation.Diagnostics);
            if (validation.Kernel is not { } kernel)
            {
                return null;
            }

            beforeEmit?.Invoke(model.Method.DisplayName);
            return DecompositionEmitter.Emit(kernel);
        });
}
