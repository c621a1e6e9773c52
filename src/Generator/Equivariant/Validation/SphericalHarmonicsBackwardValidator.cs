using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Diagnostics;
using TensorGen.Equivariance;
using TensorGen.Model;

namespace TensorGen.Validation;

/// <summary>
/// Checks a <c>[SphericalHarmonicsBackward]</c> declaration: the forward method it names (TG0113) and its signature
/// (TG0107, TG0108). The forward's own problems are the forward's diagnostics; the backward then only gets a throwing body.
/// </summary>
internal static class SphericalHarmonicsBackwardValidator
{
    public const string Attribute = "SphericalHarmonicsBackward";

    private static readonly ParameterRole[] s_roles = { new("vectors", false), new("output gradient", false), new("gradient of the vectors", true) };

    /// <summary>The forward's harmonics, its name and the element type when the declaration is sound; null spec otherwise.</summary>
    public static (SphericalHarmonicsSpec? Spec, string? Forward, string? ElementType) Validate(SphericalHarmonicsBackwardModel model,
        IReadOnlyList<SphericalHarmonicsModel> forwards, List<DiagnosticInfo> diagnostics)
    {
        KernelMethodShape method = model.Method;
        EquivariantSignature.CheckMethodShape(method, Attribute, diagnostics);
        string? elementType = EquivariantSignature.CheckParameters(method, Attribute, s_roles,
            "(ReadOnlyTensorSpan<T> vectors, ReadOnlyTensorSpan<T> gradOutput, TensorSpan<T> gradVectors) with T float or double", diagnostics);
        if (model.HasErrors)
        {
            return (null, null, null);
        }

        if (NamedKernel.Find(forwards, f => f.Method, method, model.Forward, EquivariantDiagnosticIds.UnknownForwardKernel, Attribute, "SphericalHarmonics",
                "Name the forward method with nameof, e.g. [SphericalHarmonicsBackward(nameof(Sh))].", diagnostics) is not { } forward)
        {
            return (null, null, null);
        }

        // The forward's own diagnostics are reported on the forward; here only whether it describes harmonics at all.
        var (spec, _) = SphericalHarmonicsValidator.Validate(forward, new List<DiagnosticInfo>());
        return diagnostics.Count == 0 && spec is not null ? (spec, forward.Method.DisplayName, elementType) : (null, null, null);
    }
}
