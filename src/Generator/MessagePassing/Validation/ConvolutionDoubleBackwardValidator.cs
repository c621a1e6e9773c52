using System.Collections.Generic;
using TensorGen.Diagnostics;
using TensorGen.Equivariance;
using TensorGen.Model;

namespace TensorGen.Validation;

/// <summary>
/// Checks a <c>[TensorProductConvolutionDoubleBackward]</c> declaration: the convolution it names (TG0113), that
/// convolution's product, and its signature (TG0106–TG0108). Problems of the convolution or the product are theirs to report.
/// </summary>
internal static class ConvolutionDoubleBackwardValidator
{
    public const string Attribute = "TensorProductConvolutionDoubleBackward";

    private static readonly ConvolutionParameter[] s_withWeights =
    {
        new("node features", ConvolutionParameterKind.Input), new("edge features", ConvolutionParameterKind.Input),
        new("weights", ConvolutionParameterKind.Input), new("senders", ConvolutionParameterKind.EdgeIndex),
        new("receivers", ConvolutionParameterKind.EdgeIndex), new("output gradient", ConvolutionParameterKind.Input),
        new("upstream gradient of gradNodeFeatures", ConvolutionParameterKind.Input), new("upstream gradient of gradEdgeFeatures", ConvolutionParameterKind.Input),
        new("upstream gradient of gradWeights", ConvolutionParameterKind.Input),
        new("gradient of the node features", ConvolutionParameterKind.Result), new("gradient of the edge features", ConvolutionParameterKind.Result),
        new("gradient of the weights", ConvolutionParameterKind.Result), new("gradient of gradOutput", ConvolutionParameterKind.Result),
    };

    private static readonly ConvolutionParameter[] s_withoutWeights =
    {
        s_withWeights[0], s_withWeights[1], s_withWeights[3], s_withWeights[4], s_withWeights[5], s_withWeights[6], s_withWeights[7],
        s_withWeights[9], s_withWeights[10], s_withWeights[12],
    };

    private const string Expected = "(nodeFeatures, edgeFeatures, weights, senders, receivers, gradOutput, gradGradNodeFeatures, gradGradEdgeFeatures, gradGradWeights, "
        + "gradNodeFeatures, gradEdgeFeatures, gradWeights, gradGradOutput) with ReadOnlyTensorSpan<T> inputs, ReadOnlySpan<int> senders and receivers and "
        + "TensorSpan<T> results, without weights, gradGradWeights and gradWeights when no path is weighted";

    /// <summary>The product's spec, the convolution's name and the element type when the declaration is sound; null spec otherwise.</summary>
    public static (TensorProductSpec? Spec, string? Forward, string? ElementType) Validate(ConvolutionDoubleBackwardModel model,
        IReadOnlyList<ConvolutionModel> convolutions, IReadOnlyList<TensorProductModel> products, List<DiagnosticInfo> diagnostics)
    {
        KernelMethodShape method = model.Method;
        EquivariantSignature.CheckMethodShape(method, Attribute, diagnostics);
        bool hasWeights = method.Parameters.Count == s_withWeights.Length;
        string? elementType = ConvolutionSignature.Check(method, Attribute, hasWeights ? s_withWeights : s_withoutWeights, Expected, diagnostics);
        if (model.HasErrors)
        {
            return (null, null, null);
        }

        if (NamedKernel.Find(convolutions, c => c.Method, method, model.Forward, EquivariantDiagnosticIds.UnknownForwardKernel, Attribute,
                ConvolutionValidator.Attribute, $"Name the convolution with nameof, e.g. [{Attribute}(nameof(Interaction))].", diagnostics) is not { } convolution)
        {
            return (null, null, null);
        }

        var (spec, _, _) = ConvolutionValidator.Validate(convolution, products, new List<DiagnosticInfo>());
        ConvolutionValidator.CheckWeights(method, hasWeights, s_withoutWeights.Length, spec, convolution.Method.DisplayName,
            "'ReadOnlyTensorSpan<T> weights' after edgeFeatures, 'ReadOnlyTensorSpan<T> gradGradWeights' after gradGradEdgeFeatures and "
            + "'TensorSpan<T> gradWeights' after gradEdgeFeatures", diagnostics);
        return diagnostics.Count == 0 && spec is not null ? (spec, convolution.Method.DisplayName, elementType) : (null, null, null);
    }
}
