using System.Collections.Generic;
using System.Globalization;
using TensorGen.Diagnostics;
using TensorGen.Equivariance;
using TensorGen.Model;

namespace TensorGen.Validation;

/// <summary>
/// Checks an <c>[EquivariantLinear]</c> declaration and builds its <see cref="LinearSpec"/>: the method's shape (TG0108), the
/// parameters (TG0140), <c>PathNormalization</c> (TG0109), the irreps (TG0101, at the offending text), a layer that connects
/// nothing (TG0143), and whether a biases parameter matches <c>Biases</c> (TG0141). Every independent problem is reported.
/// </summary>
internal static class EquivariantLinearValidator
{
    public const string Attribute = "EquivariantLinear";

    private static readonly ParameterRole[] s_withBiases =
    {
        new("input", false), new("weights", false), new("biases", false), new("output", true),
    };

    private static readonly ParameterRole[] s_withoutBiases = { s_withBiases[0], s_withBiases[1], s_withBiases[3] };

    private const string Expected = "(ReadOnlyTensorSpan<T> input, ReadOnlyTensorSpan<T> weights, TensorSpan<T> output), "
        + "with 'ReadOnlyTensorSpan<T> biases' before the output when Biases = true";

    /// <summary>The layer and the element type when the declaration is sound.</summary>
    public static (LinearSpec? Spec, string? ElementType) Validate(EquivariantLinearModel model, List<DiagnosticInfo> diagnostics)
    {
        KernelMethodShape method = model.Method;
        EquivariantSignature.CheckMethodShape(method, Attribute, diagnostics);
        bool biasesParameter = method.Parameters.Count == s_withBiases.Length;
        string? element = EquivariantSignature.CheckParameters(method, Attribute, biasesParameter ? s_withBiases : s_withoutBiases, Expected, diagnostics,
            EquivariantLinearDiagnosticIds.WrongParameters);
        if (model.HasErrors)
        {
            return (null, null); // the compiler reports the attribute's own errors
        }

        LinearSpec? spec = BuildSpec(model, diagnostics);
        if (spec is not null && (method.Parameters.Count == s_withBiases.Length || method.Parameters.Count == s_withoutBiases.Length))
        {
            CheckBiases(method, model.Biases, spec, biasesParameter, "'ReadOnlyTensorSpan<T> biases' before the output", diagnostics);
        }

        return diagnostics.Count == 0 ? (spec, element) : (null, null);
    }

    /// <summary>The layer, reporting problems of the options and the irreps at the attribute's arguments (TG0109, TG0101, TG0143).</summary>
    public static LinearSpec? BuildSpec(EquivariantLinearModel model, List<DiagnosticInfo> diagnostics)
    {
        int before = diagnostics.Count;
        LocationInfo? fallback = model.Method.Location;
        TensorProductValidator.CheckOption(model.PathNormalization, "PathNormalization", "PathNormalization", 2, fallback, diagnostics);
        if (diagnostics.Count > before)
        {
            return null;
        }

        LinearBuildResult result = LinearBuilder.Build(model.IrrepsIn.Value, model.IrrepsOut.Value, model.Biases, (PathNormalizationRule)model.PathNormalization.Value);
        foreach (EquivarianceError error in result.Errors)
        {
            AttributeArgumentModel argument = error.Text == EquivarianceText.Irreps1 ? model.IrrepsIn : model.IrrepsOut;
            LocationInfo? location = error.Position >= 0 ? argument.LocationOf(error.Position, error.Length) : argument.Location;
            diagnostics.Add(new DiagnosticInfo(EquivariantDiagnosticIds.MalformedIrreps, error.Message, location ?? fallback));
        }

        if (result.Spec is { Paths.Count: 0, Biases.Count: 0 } empty && empty.IrrepsOut.Dim > 0)
        {
            diagnostics.Add(new DiagnosticInfo(EquivariantLinearDiagnosticIds.NothingConnects,
                $"No block of \"{empty.IrrepsIn}\" has the irrep of a block of \"{empty.IrrepsOut}\", so '{model.Method.DisplayName}' would write zeros. "
                + "o3.Linear mixes channels of one irrep only: give the output an irrep of the input"
                + (empty.IrrepsOut.Contains(new Irrep(0, 1)) ? ", or set Biases = true." : "."),
                model.IrrepsOut.Location ?? fallback));
        }

        return diagnostics.Count == before ? result.Spec : null;
    }

    /// <summary>TG0141 when the method has a biases parameter (<paramref name="hasParameter"/>) but the layer has no biases, or the other way round.</summary>
    public static void CheckBiases(KernelMethodShape method, bool biasesOption, LinearSpec spec, bool hasParameter, string declare, List<DiagnosticInfo> diagnostics)
    {
        bool needed = spec.Biases.Count > 0;
        if (needed == hasParameter)
        {
            return;
        }

        string why = needed
            ? $"the layer has {spec.BiasCount.ToString(CultureInfo.InvariantCulture)} biases (Biases = true, one per channel of its 0e output blocks). Declare {declare}."
            : biasesOption
                ? $"its output \"{spec.IrrepsOut}\" has no 0e block, so Biases = true gives no biases. Remove the parameter."
                : "the layer has no biases. Set Biases = true (biases on the 0e outputs), or remove the parameter.";
        diagnostics.Add(new DiagnosticInfo(EquivariantLinearDiagnosticIds.BiasesMismatch,
            $"'{method.DisplayName}' {(hasParameter ? "has a biases parameter" : "has no biases parameter")}, but {why}", method.Location));
    }

    /// <summary>For <see cref="EquivariantLinearBackwardValidator"/>: reports nothing, and gives the layer when the attribute is sound.</summary>
    public static LinearSpec? TryBuildQuietly(EquivariantLinearModel model) =>
        model.HasErrors ? null : BuildSpec(model, new List<DiagnosticInfo>());
}
