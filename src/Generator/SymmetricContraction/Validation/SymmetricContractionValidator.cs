using System.Collections.Generic;
using TensorGen.Diagnostics;
using TensorGen.Equivariance;
using TensorGen.Model;

namespace TensorGen.Validation;

/// <summary>
/// Checks a <c>[SymmetricContraction]</c> declaration and builds its <see cref="SymmetricContractionSpec"/>: the method shape
/// (TG0108), the parameters (TG0107), the Wigner3j option (TG0109), and through <see cref="SymmetricContractionBuilder"/> the
/// irreps (TG0101, TG0130), the correlation order (TG0131), reachable outputs (TG0132), elements (TG0133) and size (TG0134),
/// each at the text it is about. Every independent problem is reported.
/// </summary>
internal static class SymmetricContractionValidator
{
    public const string Attribute = "SymmetricContraction";

    private static readonly ConvolutionParameter[] s_parameters =
    {
        new("atomic basis A", ConvolutionParameterKind.Input), new("weights", ConvolutionParameterKind.Input),
        new("elements", ConvolutionParameterKind.EdgeIndex, "one chemical element index per atom"), new("output", ConvolutionParameterKind.Result),
    };

    private const string Expected = "(ReadOnlyTensorSpan<T> a, ReadOnlyTensorSpan<T> weights, ReadOnlySpan<int> elements, TensorSpan<T> output)";

    /// <summary>The spec and the element type when the declaration is sound.</summary>
    public static (SymmetricContractionSpec? Spec, string? ElementType) Validate(SymmetricContractionModel model, List<DiagnosticInfo> diagnostics)
    {
        KernelMethodShape method = model.Method;
        EquivariantSignature.CheckMethodShape(method, Attribute, diagnostics);
        string? elementType = ConvolutionSignature.Check(method, Attribute, s_parameters, Expected, diagnostics);
        if (model.Attribute.HasErrors)
        {
            return (null, null); // the compiler reports the attribute's own errors
        }

        SymmetricContractionSpec? spec = BuildSpec(model.Attribute, method.Location, diagnostics);
        return diagnostics.Count == 0 ? (spec, elementType) : (null, null);
    }

    /// <summary>The spec, reporting the declaration's problems at the attribute's arguments.</summary>
    public static SymmetricContractionSpec? BuildSpec(SymmetricContractionAttributeModel attribute, LocationInfo? fallback, List<DiagnosticInfo> diagnostics)
    {
        int before = diagnostics.Count;
        TensorProductValidator.CheckOption(attribute.Wigner3j, "Wigner3j", "Wigner3jConvention", 1, fallback, diagnostics);
        if (diagnostics.Count > before)
        {
            return null;
        }

        var options = new SymmetricContractionOptions(attribute.IrrepsIn.Value, attribute.IrrepsOut.Value, attribute.Correlation.Value,
            attribute.Elements.Value, (Wigner3jPhase)attribute.Wigner3j.Value);
        SymmetricContractionBuildResult result = SymmetricContractionBuilder.Build(options);
        foreach (EquivarianceError error in result.Errors)
        {
            diagnostics.Add(ToDiagnostic(error, attribute, fallback));
        }

        return result.Errors.Count == 0 ? result.Spec : null;
    }

    /// <summary>For the backward pass: reports nothing, and gives the spec when the forward's attribute is sound.</summary>
    public static SymmetricContractionSpec? TryBuildQuietly(SymmetricContractionAttributeModel attribute) =>
        attribute.HasErrors ? null : BuildSpec(attribute, null, new List<DiagnosticInfo>());

    private static DiagnosticInfo ToDiagnostic(EquivarianceError error, SymmetricContractionAttributeModel attribute, LocationInfo? fallback)
    {
        string id = error.Kind switch
        {
            EquivarianceErrorKind.Multiplicity => SymmetricContractionDiagnosticIds.Multiplicity,
            EquivarianceErrorKind.Correlation => SymmetricContractionDiagnosticIds.Correlation,
            EquivarianceErrorKind.Unreachable => SymmetricContractionDiagnosticIds.Unreachable,
            EquivarianceErrorKind.Elements => SymmetricContractionDiagnosticIds.Elements,
            EquivarianceErrorKind.TooLarge => SymmetricContractionDiagnosticIds.TooLarge,
            _ => EquivariantDiagnosticIds.MalformedIrreps,
        };
        LocationInfo? location = error.Kind switch
        {
            EquivarianceErrorKind.Correlation => attribute.Correlation.Location,
            EquivarianceErrorKind.Elements => attribute.Elements.Location,
            _ => (error.Text == EquivarianceText.Irreps1 ? attribute.IrrepsIn : error.Text == EquivarianceText.IrrepsOut ? attribute.IrrepsOut : null) is { } argument
                ? (error.Position >= 0 ? argument.LocationOf(error.Position, error.Length) : argument.Location)
                : null,
        };
        return new DiagnosticInfo(id, error.Message, location ?? fallback);
    }
}
