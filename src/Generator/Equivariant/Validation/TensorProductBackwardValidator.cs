using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Diagnostics;
using TensorGen.Equivariance;
using TensorGen.Model;

namespace TensorGen.Validation;

/// <summary>
/// Checks a <c>[TensorProductBackward]</c> declaration: the forward method it names (TG0110), its signature (TG0106–TG0108).
/// The forward's own problems are the forward's diagnostics; the backward then only gets a throwing body.
/// </summary>
internal static class TensorProductBackwardValidator
{
    public const string Attribute = "TensorProductBackward";

    private static readonly ParameterRole[] s_withWeights =
    {
        new("first input x1", false), new("second input x2", false), new("weights", false), new("output gradient", false),
        new("gradient of x1", true), new("gradient of x2", true), new("gradient of the weights", true),
    };

    private static readonly ParameterRole[] s_withoutWeights = { s_withWeights[0], s_withWeights[1], s_withWeights[3], s_withWeights[4], s_withWeights[5] };

    private const string Expected = "(x1, x2, weights, gradOutput, gradX1, gradX2, gradWeights) with ReadOnlyTensorSpan<T> inputs and TensorSpan<T> gradients, "
        + "or (x1, x2, gradOutput, gradX1, gradX2) when no path is weighted";

    /// <summary>The forward's product, its name and the element type when the declaration is sound; null spec otherwise.</summary>
    public static (TensorProductSpec? Spec, string? Forward, string? ElementType) Validate(TensorProductBackwardModel model, IReadOnlyList<TensorProductModel> forwards,
        List<DiagnosticInfo> diagnostics)
    {
        KernelMethodShape method = model.Method;
        EquivariantSignature.CheckMethodShape(method, Attribute, diagnostics);
        bool hasWeights = method.Parameters.Count == s_withWeights.Length;
        string? elementType = EquivariantSignature.CheckParameters(method, Attribute, hasWeights ? s_withWeights : s_withoutWeights, Expected, diagnostics);
        if (model.HasErrors)
        {
            return (null, null, null);
        }

        if (NamedKernel.Find(forwards, f => f.Method, method, model.Forward, EquivariantDiagnosticIds.UnknownForward, Attribute, "TensorProduct",
                "Name the forward method with nameof, e.g. [TensorProductBackward(nameof(Tp))].", diagnostics) is not { } forward)
        {
            return (null, null, null);
        }

        TensorProductSpec? spec = TensorProductValidator.TryBuildQuietly(forward.Attribute);
        if (spec is not null && !hasWeights && spec.WeightCount > 0 && method.Parameters.Count == s_withoutWeights.Length)
        {
            diagnostics.Add(new DiagnosticInfo(EquivariantDiagnosticIds.WeightsMismatch,
                $"'{method.DisplayName}' has no weights and gradWeights parameters, but {forward.Method.DisplayName} has {spec.WeightCount.ToString(CultureInfo.InvariantCulture)} weights. "
                + "Declare 'ReadOnlyTensorSpan<T> weights' after x2 and 'TensorSpan<T> gradWeights' last.",
                method.Location));
        }

        return diagnostics.Count == 0 ? (spec, forward.Method.DisplayName, elementType) : (null, null, null);
    }
}
