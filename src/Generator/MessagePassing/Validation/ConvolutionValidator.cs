using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Diagnostics;
using TensorGen.Equivariance;
using TensorGen.Model;

namespace TensorGen.Validation;

/// <summary>
/// Checks a <c>[TensorProductConvolution]</c> declaration: the product it names (TG0110), its signature (TG0106–TG0108).
/// The product's own problems are the product's diagnostics; the convolution then only gets a throwing body.
/// </summary>
internal static class ConvolutionValidator
{
    public const string Attribute = "TensorProductConvolution";

    private static readonly ConvolutionParameter[] s_withWeights =
    {
        new("node features", ConvolutionParameterKind.Input), new("edge features", ConvolutionParameterKind.Input),
        new("weights", ConvolutionParameterKind.Input), new("senders", ConvolutionParameterKind.EdgeIndex),
        new("receivers", ConvolutionParameterKind.EdgeIndex), new("output", ConvolutionParameterKind.Result),
    };

    private static readonly ConvolutionParameter[] s_withoutWeights = { s_withWeights[0], s_withWeights[1], s_withWeights[3], s_withWeights[4], s_withWeights[5] };

    private const string Expected = "(ReadOnlyTensorSpan<T> nodeFeatures, ReadOnlyTensorSpan<T> edgeFeatures, ReadOnlyTensorSpan<T> weights, "
        + "ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<T> output), without weights when no path is weighted";

    /// <summary>The product's spec, its name and the element type when the declaration is sound; null spec otherwise.</summary>
    public static (TensorProductSpec? Spec, string? Product, string? ElementType) Validate(ConvolutionModel model, IReadOnlyList<TensorProductModel> products,
        List<DiagnosticInfo> diagnostics)
    {
        KernelMethodShape method = model.Method;
        EquivariantSignature.CheckMethodShape(method, Attribute, diagnostics);
        bool hasWeights = method.Parameters.Count == s_withWeights.Length;
        string? elementType = ConvolutionSignature.Check(method, Attribute, hasWeights ? s_withWeights : s_withoutWeights, Expected, diagnostics);
        if (model.HasErrors)
        {
            return (null, null, null);
        }

        if (NamedKernel.Find(products, p => p.Method, method, model.Product, EquivariantDiagnosticIds.UnknownForward, Attribute, "TensorProduct",
                $"Name the product with nameof, e.g. [{Attribute}(nameof(Tp))].", diagnostics) is not { } product)
        {
            return (null, null, null);
        }

        TensorProductSpec? spec = TensorProductValidator.TryBuildQuietly(product.Attribute);
        CheckWeights(method, hasWeights, s_withoutWeights.Length, spec, product.Method.DisplayName, "'ReadOnlyTensorSpan<T> weights' after edgeFeatures", diagnostics);
        return diagnostics.Count == 0 ? (spec, product.Method.DisplayName, elementType) : (null, null, null);
    }

    /// <summary>TG0106: a product with weighted paths needs the weights parameter(s).</summary>
    internal static void CheckWeights(KernelMethodShape method, bool hasWeights, int countWithout, TensorProductSpec? spec, string product, string fix,
        List<DiagnosticInfo> diagnostics)
    {
        if (spec is not null && !hasWeights && spec.WeightCount > 0 && method.Parameters.Count == countWithout)
        {
            diagnostics.Add(new DiagnosticInfo(EquivariantDiagnosticIds.WeightsMismatch,
                $"'{method.DisplayName}' has no weights parameter, but {product} has {spec.WeightCount.ToString(CultureInfo.InvariantCulture)} weights. Declare {fix}.",
                method.Location));
        }
    }
}
