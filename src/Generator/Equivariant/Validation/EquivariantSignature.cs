using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Diagnostics;
using TensorGen.Model;

namespace TensorGen.Validation;

/// <summary>One parameter an equivariant kernel expects: its role (for messages) and whether it is written.</summary>
internal readonly record struct ParameterRole(string Role, bool IsResult);

/// <summary>
/// Checks the signature of an equivariant kernel method: <c>static partial void</c> in partial types (TG0108), and
/// parameters of the expected roles, kinds and one element type (TG0107).
/// </summary>
internal static class EquivariantSignature
{
    /// <summary>TG0108, in the equivariant kernels' words.</summary>
    private static readonly MethodShapeRules s_methodShape = new(
        EquivariantDiagnosticIds.NotStaticPartialVoid,
        NotStatic: "Declare it 'static partial void'.",
        ReturnsValue: "It writes its results into its TensorSpan parameters; declare it 'static partial void'.",
        Generic: "Kernels are generated for float or double; remove the type parameters.",
        NotPartial: method => $"Declare it 'static partial void {method.Name}(...);' without a body so that TensorGen can implement it.",
        HasBody: method => $"TensorGen writes the body; keep only the declaration 'static partial void {method.Name}(...);'.",
        FileLocalType: ". Remove 'file'.");

    /// <summary>TG0108: <c>static partial void</c>, not generic, no body, in partial (and not file-local) types.</summary>
    public static void CheckMethodShape(KernelMethodShape method, string attribute, List<DiagnosticInfo> diagnostics) =>
        MethodShapeCheck.Check(method, "[" + attribute + "]", s_methodShape, diagnostics);

    /// <summary>
    /// TG0107 (or the family's <paramref name="id"/>, e.g. TG0140): the parameters against <paramref name="roles"/>; returns
    /// <c>float</c> or <c>double</c> when they agree on one.
    /// </summary>
    public static string? CheckParameters(KernelMethodShape method, string attribute, IReadOnlyList<ParameterRole> roles, string expected, List<DiagnosticInfo> diagnostics,
        string id = EquivariantDiagnosticIds.WrongParameters)
    {
        int before = diagnostics.Count;
        if (method.Parameters.Count != roles.Count)
        {
            diagnostics.Add(new DiagnosticInfo(id,
                $"[{attribute}] method '{method.DisplayName}' has {Count(method.Parameters.Count, "parameter")}; expected {expected}.",
                method.Location));
            return null;
        }

        for (int i = 0; i < roles.Count; i++)
        {
            ParameterModel p = method.Parameters[i];
            ParameterRole role = roles[i];
            SpanKind kind = role.IsResult ? SpanKind.TensorSpan : SpanKind.ReadOnlyTensorSpan;
            string element = p.Element == ElementKind.Double ? "double" : "float";
            if (p.Modifier.Length > 0)
            {
                diagnostics.Add(new DiagnosticInfo(id,
                    $"Parameter '{p.DisplayName}' ({role.Role}) is declared '{p.Modifier}'. Tensor spans are passed by value; remove '{p.Modifier}'.", p.Location));
            }
            else if (p.Kind != kind || p.Element is not (ElementKind.Single or ElementKind.Double))
            {
                diagnostics.Add(new DiagnosticInfo(id,
                    $"Parameter '{p.DisplayName}' is the {role.Role} and is {p.TypeDisplay}; declare it {kind}<{element}> ({(role.IsResult ? "it is written" : "it is only read")}; float or double).",
                    p.TypeLocation ?? p.Location));
            }
        }

        var typed = method.Parameters.Where(p => p.Element is ElementKind.Single or ElementKind.Double).ToList();
        if (typed.Count > 0)
        {
            foreach (ParameterModel p in typed.Where(p => p.Element != typed[0].Element))
            {
                diagnostics.Add(new DiagnosticInfo(id,
                    $"Parameter '{p.DisplayName}' has element type {p.ElementTypeDisplay}, but '{typed[0].DisplayName}' has {typed[0].ElementTypeDisplay}; use float everywhere or double everywhere.",
                    p.TypeLocation ?? p.Location));
            }
        }

        if (diagnostics.Count > before || typed.Count != roles.Count)
        {
            return null;
        }

        return typed[0].Element == ElementKind.Double ? "double" : "float";
    }

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
}
