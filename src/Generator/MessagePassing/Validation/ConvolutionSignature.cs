using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Diagnostics;
using TensorGen.Model;

namespace TensorGen.Validation;

/// <summary>What a parameter of a convolution is: a tensor read, a tensor written, or an edge index array.</summary>
internal enum ConvolutionParameterKind
{
    Input,
    Result,
    EdgeIndex,
}

/// <summary>
/// One parameter a kernel with index arrays expects (a convolution, a symmetric contraction): its role (for messages), kind, and
/// for an index array what one entry is.
/// </summary>
internal readonly record struct ConvolutionParameter(string Role, ConvolutionParameterKind Kind, string IndexMeaning = "one node index per edge");

/// <summary>
/// Checks the parameters of a <c>[TensorProductConvolution]</c> or <c>[TensorProductConvolutionBackward]</c> method (TG0107):
/// tensors as <c>ReadOnlyTensorSpan&lt;T&gt;</c> (read) or <c>TensorSpan&lt;T&gt;</c> (written) of one element type, float or
/// double; the edge index arrays as <c>ReadOnlySpan&lt;int&gt;</c>; all passed by value.
/// </summary>
internal static class ConvolutionSignature
{
    /// <summary>Returns <c>float</c> or <c>double</c> when the parameters fit <paramref name="roles"/>, else null (with TG0107).</summary>
    public static string? Check(KernelMethodShape method, string attribute, IReadOnlyList<ConvolutionParameter> roles, string expected, List<DiagnosticInfo> diagnostics)
    {
        int before = diagnostics.Count;
        if (method.Parameters.Count != roles.Count)
        {
            diagnostics.Add(new DiagnosticInfo(EquivariantDiagnosticIds.WrongParameters,
                $"[{attribute}] method '{method.DisplayName}' has {method.Parameters.Count.ToString(CultureInfo.InvariantCulture)} parameters; expected {expected}.",
                method.Location));
            return null;
        }

        for (int i = 0; i < roles.Count; i++)
        {
            ParameterModel p = method.Parameters[i];
            ConvolutionParameter role = roles[i];
            if (p.Modifier.Length > 0)
            {
                diagnostics.Add(new DiagnosticInfo(EquivariantDiagnosticIds.WrongParameters,
                    $"Parameter '{p.DisplayName}' ({role.Role}) is declared '{p.Modifier}'. Spans are passed by value; remove '{p.Modifier}'.", p.Location));
                continue;
            }

            if (role.Kind == ConvolutionParameterKind.EdgeIndex)
            {
                if (p.Kind != SpanKind.ReadOnlySpan || p.ElementTypeDisplay != "int")
                {
                    diagnostics.Add(new DiagnosticInfo(EquivariantDiagnosticIds.WrongParameters,
                        $"Parameter '{p.DisplayName}' is the {role.Role} and is {p.TypeDisplay}; declare it ReadOnlySpan<int> ({role.IndexMeaning}).",
                        p.TypeLocation ?? p.Location));
                }

                continue;
            }

            SpanKind kind = role.Kind == ConvolutionParameterKind.Result ? SpanKind.TensorSpan : SpanKind.ReadOnlyTensorSpan;
            if (p.Kind != kind || p.Element is not (ElementKind.Single or ElementKind.Double))
            {
                string element = p.Element == ElementKind.Double ? "double" : "float";
                diagnostics.Add(new DiagnosticInfo(EquivariantDiagnosticIds.WrongParameters,
                    $"Parameter '{p.DisplayName}' is the {role.Role} and is {p.TypeDisplay}; declare it {kind}<{element}> "
                    + $"({(role.Kind == ConvolutionParameterKind.Result ? "it is written" : "it is only read")}; float or double).",
                    p.TypeLocation ?? p.Location));
            }
        }

        var tensors = method.Parameters.Where((p, i) => roles[i].Kind != ConvolutionParameterKind.EdgeIndex && p.Element is (ElementKind.Single or ElementKind.Double)).ToList();
        if (tensors.Count > 0)
        {
            foreach (ParameterModel p in tensors.Where(p => p.Element != tensors[0].Element))
            {
                diagnostics.Add(new DiagnosticInfo(EquivariantDiagnosticIds.WrongParameters,
                    $"Parameter '{p.DisplayName}' has element type {p.ElementTypeDisplay}, but '{tensors[0].DisplayName}' has {tensors[0].ElementTypeDisplay}; use float everywhere or double everywhere.",
                    p.TypeLocation ?? p.Location));
            }
        }

        if (diagnostics.Count > before || tensors.Count == 0)
        {
            return null;
        }

        return tensors[0].Element == ElementKind.Double ? "double" : "float";
    }
}
