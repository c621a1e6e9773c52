using System.Collections.Generic;
using TensorGen.Diagnostics;
using TensorGen.Equivariance;
using TensorGen.Model;

namespace TensorGen.Validation;

/// <summary>
/// Checks a <c>[SphericalHarmonicsBackward]</c> or <c>[SphericalHarmonicsDoubleBackward]</c> declaration: the forward method it
/// names (TG0113) and its signature (TG0107, TG0108). The forward's own problems are the forward's diagnostics; the pass then
/// only gets a throwing body.
/// </summary>
internal static class SphericalHarmonicsBackwardValidator
{
    public const string Attribute = "SphericalHarmonicsBackward";

    public const string DoubleBackwardAttribute = "SphericalHarmonicsDoubleBackward";

    private static readonly ParameterRole[] s_roles = { new("vectors", false), new("output gradient", false), new("gradient of the vectors", true) };

    /// <summary>The backward's inputs, the gradient of its result, then the gradients with respect to its two inputs.</summary>
    private static readonly ParameterRole[] s_doubleBackwardRoles =
    {
        new("vectors", false), new("output gradient", false), new("gradient of the vectors' gradient", false),
        new("gradient of the vectors", true), new("gradient of the output gradient", true),
    };

    /// <summary>The forward's harmonics, its name and the element type when the declaration is sound; null spec otherwise.</summary>
    public static (SphericalHarmonicsSpec? Spec, string? Forward, string? ElementType) Validate(SphericalHarmonicsBackwardModel model,
        IReadOnlyList<SphericalHarmonicsModel> forwards, List<DiagnosticInfo> diagnostics) =>
        Validate(model.Method, model.Forward, model.HasErrors, Attribute, s_roles,
            "(ReadOnlyTensorSpan<T> vectors, ReadOnlyTensorSpan<T> gradOutput, TensorSpan<T> gradVectors) with T float or double", forwards, diagnostics);

    /// <summary>As <see cref="Validate(SphericalHarmonicsBackwardModel, IReadOnlyList{SphericalHarmonicsModel}, List{DiagnosticInfo})"/>, for the double backward pass.</summary>
    public static (SphericalHarmonicsSpec? Spec, string? Forward, string? ElementType) Validate(SphericalHarmonicsDoubleBackwardModel model,
        IReadOnlyList<SphericalHarmonicsModel> forwards, List<DiagnosticInfo> diagnostics) =>
        Validate(model.Method, model.Forward, model.HasErrors, DoubleBackwardAttribute, s_doubleBackwardRoles,
            "(ReadOnlyTensorSpan<T> vectors, ReadOnlyTensorSpan<T> gradOutput, ReadOnlyTensorSpan<T> gradGradVectors, TensorSpan<T> gradVectors, "
            + "TensorSpan<T> gradGradOutput) with T float or double", forwards, diagnostics);

    private static (SphericalHarmonicsSpec? Spec, string? Forward, string? ElementType) Validate(KernelMethodShape method, AttributeArgumentModel forwardName,
        bool hasErrors, string attribute, IReadOnlyList<ParameterRole> roles, string expected, IReadOnlyList<SphericalHarmonicsModel> forwards,
        List<DiagnosticInfo> diagnostics)
    {
        EquivariantSignature.CheckMethodShape(method, attribute, diagnostics);
        string? elementType = EquivariantSignature.CheckParameters(method, attribute, roles, expected, diagnostics);
        if (hasErrors)
        {
            return (null, null, null);
        }

        if (NamedKernel.Find(forwards, f => f.Method, method, forwardName, EquivariantDiagnosticIds.UnknownForwardKernel, attribute, "SphericalHarmonics",
                $"Name the forward method with nameof, e.g. [{attribute}(nameof(Sh))].", diagnostics) is not { } forward)
        {
            return (null, null, null);
        }

        // The forward's own diagnostics are reported on the forward; here only whether it describes harmonics at all.
        var (spec, _) = SphericalHarmonicsValidator.Validate(forward, new List<DiagnosticInfo>());
        return diagnostics.Count == 0 && spec is not null ? (spec, forward.Method.DisplayName, elementType) : (null, null, null);
    }
}
