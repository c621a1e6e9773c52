using System.Collections.Generic;
using TensorGen.Diagnostics;
using TensorGen.Equivariance;
using TensorGen.Model;

namespace TensorGen.Validation;

/// <summary>
/// Checks an <c>[EquivariantLinearBackward]</c> declaration: its shape (TG0108), its parameters (TG0140), the forward method it
/// names (TG0142) and whether a gradBiases parameter matches the forward's biases (TG0141). The forward's own problems are the
/// forward's diagnostics; the backward then only gets a throwing body.
/// </summary>
internal static class EquivariantLinearBackwardValidator
{
    public const string Attribute = "EquivariantLinearBackward";

    private static readonly ParameterRole[] s_withBiases =
    {
        new("input", false), new("weights", false), new("output gradient", false), new("gradient of the input", true),
        new("gradient of the weights", true), new("gradient of the biases", true),
    };

    private static readonly ParameterRole[] s_withoutBiases = { s_withBiases[0], s_withBiases[1], s_withBiases[2], s_withBiases[3], s_withBiases[4] };

    private const string Expected = "(input, weights, gradOutput, gradInput, gradWeights) with ReadOnlyTensorSpan<T> inputs and TensorSpan<T> gradients, "
        + "and 'TensorSpan<T> gradBiases' last when the forward has biases";

    /// <summary>The forward's layer, its name and the element type when the declaration is sound.</summary>
    public static (LinearSpec? Spec, string? Forward, string? ElementType) Validate(EquivariantLinearBackwardModel model, IReadOnlyList<EquivariantLinearModel> forwards,
        List<DiagnosticInfo> diagnostics)
    {
        KernelMethodShape method = model.Method;
        EquivariantSignature.CheckMethodShape(method, Attribute, diagnostics);
        bool biasesParameter = method.Parameters.Count == s_withBiases.Length;
        string? element = EquivariantSignature.CheckParameters(method, Attribute, biasesParameter ? s_withBiases : s_withoutBiases, Expected, diagnostics,
            EquivariantLinearDiagnosticIds.WrongParameters);
        if (model.HasErrors)
        {
            return (null, null, null);
        }

        if (NamedKernel.Find(forwards, f => f.Method, method, model.Forward, EquivariantLinearDiagnosticIds.UnknownForward, Attribute, EquivariantLinearValidator.Attribute,
                "Name the forward method with nameof, e.g. [EquivariantLinearBackward(nameof(Linear))].", diagnostics) is not { } forward)
        {
            return (null, null, null);
        }

        LinearSpec? spec = EquivariantLinearValidator.TryBuildQuietly(forward);
        if (spec is not null && (method.Parameters.Count == s_withBiases.Length || method.Parameters.Count == s_withoutBiases.Length))
        {
            EquivariantLinearValidator.CheckBiases(method, forward.Biases, spec, biasesParameter, "'TensorSpan<T> gradBiases' last", diagnostics);
        }

        return diagnostics.Count == 0 && spec is not null ? (spec, forward.Method.DisplayName, element) : (null, null, null);
    }
}
