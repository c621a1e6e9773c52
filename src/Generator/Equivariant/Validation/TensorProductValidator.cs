using System.Collections.Generic;
using System.Globalization;
using TensorGen.Diagnostics;
using TensorGen.Equivariance;
using TensorGen.Model;

namespace TensorGen.Validation;

/// <summary>
/// Checks a <c>[TensorProduct]</c> declaration and builds its <see cref="TensorProductSpec"/>: the options (TG0109), the
/// irreps and instructions through <see cref="TensorProductBuilder"/> (TG0101–TG0105, each at the offending text), and the
/// signature (TG0106–TG0108). Every independent problem is reported.
/// </summary>
internal static class TensorProductValidator
{
    public const string Attribute = "TensorProduct";

    public static readonly ParameterRole[] WithWeights =
    {
        new("first input x1", false), new("second input x2", false), new("weights", false), new("output", true),
    };

    public static readonly ParameterRole[] WithoutWeights = { WithWeights[0], WithWeights[1], WithWeights[3] };

    public const string Expected = "(ReadOnlyTensorSpan<T> x1, ReadOnlyTensorSpan<T> x2, ReadOnlyTensorSpan<T> weights, TensorSpan<T> output), "
        + "without weights when no path is weighted";

    /// <summary>The product and the element type when the declaration is sound.</summary>
    public static (TensorProductSpec? Spec, string? ElementType) Validate(TensorProductModel model, List<DiagnosticInfo> diagnostics)
    {
        KernelMethodShape method = model.Method;
        EquivariantSignature.CheckMethodShape(method, Attribute, diagnostics);
        bool hasWeights = method.Parameters.Count == WithWeights.Length;
        string? elementType = EquivariantSignature.CheckParameters(method, Attribute, hasWeights ? WithWeights : WithoutWeights, Expected, diagnostics);
        if (model.Attribute.HasErrors)
        {
            return (null, null); // the compiler reports the attribute's own errors
        }

        TensorProductSpec? spec = BuildSpec(model.Attribute, method.Location, diagnostics);
        if (spec is not null && !hasWeights && spec.WeightCount > 0 && method.Parameters.Count == WithoutWeights.Length)
        {
            diagnostics.Add(new DiagnosticInfo(EquivariantDiagnosticIds.WeightsMismatch,
                $"'{method.DisplayName}' has no weights parameter, but the product has {spec.WeightCount.ToString(CultureInfo.InvariantCulture)} weights "
                + $"({(spec.SharedWeights ? "shared, shape [W]" : "per row, shape [Z, W]")}). Declare 'ReadOnlyTensorSpan<T> weights' before the output.",
                method.Location));
        }

        return diagnostics.Count == 0 ? (spec, elementType) : (null, null);
    }

    /// <summary>The options and the product, reporting their problems at the attribute's arguments.</summary>
    public static TensorProductSpec? BuildSpec(TensorProductAttributeModel attribute, LocationInfo? fallback, List<DiagnosticInfo> diagnostics)
    {
        int before = diagnostics.Count;
        CheckOption(attribute.Kind, "Kind", "TensorProductKind", 3, fallback, diagnostics);
        CheckOption(attribute.IrrepNormalization, "IrrepNormalization", "IrrepNormalization", 2, fallback, diagnostics);
        CheckOption(attribute.PathNormalization, "PathNormalization", "PathNormalization", 2, fallback, diagnostics);
        CheckOption(attribute.Wigner3j, "Wigner3j", "Wigner3jConvention", 1, fallback, diagnostics);
        if (attribute.Kind.IsSet && attribute.Instructions.Value is not null)
        {
            diagnostics.Add(new DiagnosticInfo(EquivariantDiagnosticIds.InvalidOption,
                "Both Instructions and Kind are given. Instructions list the paths; Kind derives them when there are none. Remove one.",
                attribute.Kind.Location ?? fallback));
        }

        if (diagnostics.Count > before)
        {
            return null;
        }

        var options = new TensorProductOptions(
            attribute.Irreps1.Value, attribute.Irreps2.Value, attribute.IrrepsOut.Value, attribute.Instructions.Value,
            (ProductTemplate)attribute.Kind.Value, (IrrepNormalizationRule)attribute.IrrepNormalization.Value,
            (PathNormalizationRule)attribute.PathNormalization.Value, attribute.SharedWeights, (Wigner3jPhase)attribute.Wigner3j.Value);
        TensorProductBuildResult result = TensorProductBuilder.Build(options);
        foreach (EquivarianceError error in result.Errors)
        {
            diagnostics.Add(ToDiagnostic(error, attribute, fallback));
        }

        return result.Spec;
    }

    /// <summary>TG0109 unless the option is one of the enum's values 0..<paramref name="max"/>.</summary>
    public static void CheckOption(OptionModel option, string name, string enumName, int max, LocationInfo? fallback, List<DiagnosticInfo> diagnostics)
    {
        if (option.Value < 0 || option.Value > max)
        {
            diagnostics.Add(new DiagnosticInfo(EquivariantDiagnosticIds.InvalidOption,
                $"{name} = {option.Value.ToString(CultureInfo.InvariantCulture)} is not a value of {enumName}. Use one of its named values.",
                option.Location ?? fallback));
        }
    }

    private static DiagnosticInfo ToDiagnostic(EquivarianceError error, TensorProductAttributeModel attribute, LocationInfo? fallback)
    {
        string id = error.Kind switch
        {
            EquivarianceErrorKind.MalformedIrreps => EquivariantDiagnosticIds.MalformedIrreps,
            EquivarianceErrorKind.MalformedInstructions => EquivariantDiagnosticIds.MalformedInstructions,
            EquivarianceErrorKind.IndexOutOfRange => EquivariantDiagnosticIds.InstructionIndexOutOfRange,
            EquivarianceErrorKind.SelectionRule => EquivariantDiagnosticIds.SelectionRule,
            EquivarianceErrorKind.ModeMismatch => EquivariantDiagnosticIds.ModeMismatch,
            EquivarianceErrorKind.InvalidOption => EquivariantDiagnosticIds.InvalidOption,
            _ => EquivariantDiagnosticIds.MalformedIrreps,
        };
        AttributeArgumentModel? argument = error.Text switch
        {
            EquivarianceText.Irreps1 => attribute.Irreps1,
            EquivarianceText.Irreps2 => attribute.Irreps2,
            EquivarianceText.IrrepsOut => attribute.IrrepsOut,
            EquivarianceText.Instructions => attribute.Instructions,
            _ => null,
        };
        LocationInfo? location = argument is null ? fallback : (error.Position >= 0 ? argument.LocationOf(error.Position, error.Length) : argument.Location);
        return new DiagnosticInfo(id, error.Message, location ?? fallback);
    }

    /// <summary>For <see cref="TensorProductBackwardValidator"/>: throws nothing, reports nothing, and gives the product when the attribute is sound.</summary>
    public static TensorProductSpec? TryBuildQuietly(TensorProductAttributeModel attribute)
    {
        if (attribute.HasErrors)
        {
            return null;
        }

        var ignored = new List<DiagnosticInfo>();
        TensorProductSpec? spec = BuildSpec(attribute, null, ignored);
        return ignored.Count == 0 ? spec : null;
    }
}
