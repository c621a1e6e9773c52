using System.Collections.Generic;
using TensorGen.Diagnostics;
using TensorGen.Equivariance;
using TensorGen.Model;

namespace TensorGen.Validation;

/// <summary>Checks a <c>[SphericalHarmonics]</c> declaration: the irreps (TG0101, TG0111), the normalization (TG0109), the signature (TG0107, TG0108).</summary>
internal static class SphericalHarmonicsValidator
{
    public const string Attribute = "SphericalHarmonics";

    private static readonly ParameterRole[] s_roles = { new("vectors", false), new("output", true) };

    public static (SphericalHarmonicsSpec? Spec, string? ElementType) Validate(SphericalHarmonicsModel model, List<DiagnosticInfo> diagnostics)
    {
        KernelMethodShape method = model.Method;
        EquivariantSignature.CheckMethodShape(method, Attribute, diagnostics);
        string? elementType = EquivariantSignature.CheckParameters(method, Attribute, s_roles,
            "(ReadOnlyTensorSpan<T> vectors, TensorSpan<T> output) with T float or double", diagnostics);
        if (model.HasErrors)
        {
            return (null, null);
        }

        TensorProductValidator.CheckOption(model.Normalization, "Normalization", "ShNormalization", 2, method.Location, diagnostics);
        IrrepsParseResult parsed = IrrepsParser.Parse(model.Irreps.Value, EquivarianceText.Irreps1);
        if (parsed.Error is { } error)
        {
            diagnostics.Add(new DiagnosticInfo(EquivariantDiagnosticIds.MalformedIrreps, error.Message,
                (error.Position >= 0 ? model.Irreps.LocationOf(error.Position, error.Length) : model.Irreps.Location) ?? method.Location));
        }
        else
        {
            Irreps irreps = parsed.Irreps!;
            int wrong = SphericalHarmonicsSpec.FirstWrongParity(irreps);
            if (wrong >= 0)
            {
                (int start, int length) = parsed.Spans[wrong];
                Irrep irrep = irreps[wrong].Irrep;
                diagnostics.Add(new DiagnosticInfo(EquivariantDiagnosticIds.ShParity,
                    $"Block {irreps[wrong]} of \"{model.Irreps.Value}\" has parity {(irrep.Parity > 0 ? "e" : "o")}, but the other blocks make the input a "
                    + $"{(SphericalHarmonicsSpec.IsPseudovector(irreps) ? "pseudovector (every block even)" : "vector (parity (-1)^l)")}. Fix the parity, or write 'y' for (-1)^l.",
                    model.Irreps.LocationOf(start, length) ?? method.Location));
            }
        }

        return diagnostics.Count == 0
            ? (new SphericalHarmonicsSpec(parsed.Irreps!, model.Normalize, (ShNormalizationRule)model.Normalization.Value), elementType)
            : (null, null);
    }
}
