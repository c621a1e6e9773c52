using System.Collections.Generic;
using TensorGen.Diagnostics;
using TensorGen.Equivariance;
using TensorGen.Model;

namespace TensorGen.Validation;

/// <summary>
/// Checks a <c>[TensorProductDoubleBackward]</c> declaration: the forward method it names (TG0110), its signature
/// (TG0106–TG0108). The forward's own problems are the forward's diagnostics; the double backward then only gets a throwing body.
/// </summary>
internal static class TensorProductDoubleBackwardValidator
{
    public const string Attribute = "TensorProductDoubleBackward";

    private static readonly ParameterRole[] s_withWeights =
    {
        new("first input x1", false), new("second input x2", false), new("weights", false), new("output gradient", false),
        new("upstream gradient of gradX1", false), new("upstream gradient of gradX2", false), new("upstream gradient of gradWeights", false),
        new("gradient of x1", true), new("gradient of x2", true), new("gradient of the weights", true), new("gradient of gradOutput", true),
    };

    private static readonly ParameterRole[] s_withoutWeights =
    {
        s_withWeights[0], s_withWeights[1], s_withWeights[3], s_withWeights[4], s_withWeights[5], s_withWeights[7], s_withWeights[8], s_withWeights[10],
    };

    private const string Expected = "(x1, x2, weights, gradOutput, gradGradX1, gradGradX2, gradGradWeights, gradX1, gradX2, gradWeights, gradGradOutput) "
        + "with ReadOnlyTensorSpan<T> inputs and TensorSpan<T> results, or (x1, x2, gradOutput, gradGradX1, gradGradX2, gradX1, gradX2, gradGradOutput) "
        + "when no path is weighted";

    /// <summary>The forward's product, its name and the element type when the declaration is sound; null spec otherwise.</summary>
    public static (TensorProductSpec? Spec, string? Forward, string? ElementType) Validate(TensorProductDoubleBackwardModel model, IReadOnlyList<TensorProductModel> forwards,
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
                $"Name the forward method with nameof, e.g. [{Attribute}(nameof(Tp))].", diagnostics) is not { } forward)
        {
            return (null, null, null);
        }

        TensorProductSpec? spec = TensorProductValidator.TryBuildQuietly(forward.Attribute);
        ConvolutionValidator.CheckWeights(method, hasWeights, s_withoutWeights.Length, spec, forward.Method.DisplayName,
            "'ReadOnlyTensorSpan<T> weights' after x2, 'ReadOnlyTensorSpan<T> gradGradWeights' after gradGradX2 and 'TensorSpan<T> gradWeights' after gradX2", diagnostics);
        return diagnostics.Count == 0 ? (spec, forward.Method.DisplayName, elementType) : (null, null, null);
    }
}
