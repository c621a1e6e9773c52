using System.Collections.Generic;
using TensorGen.Diagnostics;
using TensorGen.Equivariance;
using TensorGen.Model;

namespace TensorGen.Validation;

/// <summary>
/// Checks a <c>[SymmetricContractionBackward]</c> declaration: its shape (TG0108), its parameters (TG0107), and the forward it
/// names (TG0113). The forward's own problems are the forward's diagnostics; the backward pass then only gets a throwing body.
/// </summary>
internal static class SymmetricContractionBackwardValidator
{
    public const string Attribute = "SymmetricContractionBackward";

    private static readonly ConvolutionParameter[] s_parameters =
    {
        new("atomic basis A", ConvolutionParameterKind.Input), new("weights", ConvolutionParameterKind.Input),
        new("elements", ConvolutionParameterKind.EdgeIndex, "one chemical element index per atom"), new("output gradient", ConvolutionParameterKind.Input),
        new("gradient of A", ConvolutionParameterKind.Result), new("gradient of the weights", ConvolutionParameterKind.Result),
    };

    private const string Expected = "(ReadOnlyTensorSpan<T> a, ReadOnlyTensorSpan<T> weights, ReadOnlySpan<int> elements, ReadOnlyTensorSpan<T> gradOutput, "
        + "TensorSpan<T> gradA, TensorSpan<T> gradWeights)";

    /// <summary>The forward's spec, its name and the element type when the declaration is sound.</summary>
    public static (SymmetricContractionSpec? Spec, string? Forward, string? ElementType) Validate(SymmetricContractionBackwardModel model,
        IReadOnlyList<SymmetricContractionModel> forwards, List<DiagnosticInfo> diagnostics)
    {
        KernelMethodShape method = model.Method;
        EquivariantSignature.CheckMethodShape(method, Attribute, diagnostics);
        string? elementType = ConvolutionSignature.Check(method, Attribute, s_parameters, Expected, diagnostics);
        if (model.HasErrors)
        {
            return (null, null, null);
        }

        if (NamedKernel.Find(forwards, f => f.Method, method, model.Forward, EquivariantDiagnosticIds.UnknownForwardKernel, Attribute,
                SymmetricContractionValidator.Attribute, $"Name the forward method with nameof, e.g. [{Attribute}(nameof(Product))].", diagnostics) is not { } forward)
        {
            return (null, null, null);
        }

        SymmetricContractionSpec? spec = SymmetricContractionValidator.TryBuildQuietly(forward.Attribute);
        return diagnostics.Count == 0 && spec is not null ? (spec, forward.Method.DisplayName, elementType) : (null, null, null);
    }
}
