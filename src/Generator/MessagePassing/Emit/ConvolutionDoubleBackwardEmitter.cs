using System.Collections.Generic;
using System.Linq;
using TensorGen.Emit.Equivariant;
using TensorGen.Equivariance;
using TensorGen.Model;

namespace TensorGen.Emit.MessagePassing;

/// <summary>
/// Writes the file of a <c>[TensorProductConvolutionDoubleBackward]</c> method: the method calls the runtime's
/// <c>ConvolutionDriver.DoubleBackward</c> with the product's double backward tile kernel (<see cref="DoubleBackwardKernelWriter"/>:
/// the product's per-path forward and backward code, the same the product's own double backward runs) and the parameter names.
/// </summary>
internal static class ConvolutionDoubleBackwardEmitter
{
    private const string Runtime = "global::TensorGen.Runtime.MessagePassing.";

    /// <summary>With weights, the method's tensors as the product kernel sees them (senders and receivers are the driver's).</summary>
    private static readonly int[] s_kernelView = { 0, 1, 2, 5, 6, 7, 8, 9, 10, 11, 12 };

    /// <summary>Without weights (ten parameters): x, y, gradOutput, gradGradNodeFeatures, gradGradEdgeFeatures, gradNode, gradEdge, gradGradOutput.</summary>
    private static readonly int[] s_kernelViewWithoutWeights = { 0, 1, 4, 5, 6, 7, 8, 9 };

    public static string Emit(KernelMethodShape method, string convolutionName, TensorProductSpec spec, string element)
    {
        bool hasWeights = method.Parameters.Count == 13;
        var names = method.Parameters.Select(p => p.Name).ToList<string?>();
        var displayNames = method.Parameters.Select(p => p.DisplayName).ToList<string?>();
        if (!hasWeights)
        {
            // The driver's order: weights after edgeFeatures, gradGradWeights after gradGradEdgeFeatures, gradWeights after gradEdgeFeatures.
            foreach (var list in new[] { names, displayNames })
            {
                list.Insert(2, null);
                list.Insert(8, null);
                list.Insert(11, null);
            }
        }

        string arguments = string.Join(", ", names.Select(n => n ?? "default"));
        KernelMethodShape product = ConvolutionEmitter.Renamed(method, hasWeights ? s_kernelView : s_kernelViewWithoutWeights);
        string body = $"{Runtime}ConvolutionDriver.DoubleBackward<{element}, {EquivariantFileEmitter.KernelReference(method)}>({ConvolutionEmitter.NamesReference(method)}.Layout, {arguments});";
        return EquivariantFileEmitter.Emit(method,
            writer =>
            {
                ConvolutionEmitter.Header(writer, $"TensorGen: double backward pass {method.DisplayName} of convolution {convolutionName} ({element})", spec,
                    "pass 1, edges by receiver: gradGradOutput[r] = Σ over edges into r of the three forward products (each row summed by one thread in edge order); "
                    + "pass 2, edges by sender: the three backward products per edge, the node gradient summed into the sender's row by one thread in edge order, "
                    + "the edge features' and per-edge weights' gradients written once per edge");
                TensorProductDoubleBackwardEmitter.WriteDerivation(writer, spec,
                    "per edge e = (s -> r): x1 = nodeFeatures[s], x2 = edgeFeatures[e], a1 = gradGradNodeFeatures[s], a2 = gradGradEdgeFeatures[e], aw = gradGradWeights[e], g = gradOutput[r]",
                    "gradGradOutput[r] += TP(a1, x2; w) + TP(x1, a2; w) + TP°(x1, x2; aw)",
                    "gradNodeFeatures[s] += B1(x1, a2, w; g) + B1°(x1, x2, aw; g);  gradEdgeFeatures[e] = B2(a1, x2, w; g) + B2°(x1, x2, aw; g)",
                    "gradWeights[e] = Bw(a1, x2, w; g) + Bw(x1, a2, w; g)" + (spec.SharedWeights ? ", summed over the edges (shared weights)" : string.Empty));
            },
            body,
            writer =>
            {
                DoubleBackwardKernelWriter.Write(writer, product, spec, TensorProductEmitter.PathPlans(spec), element);
                writer.WriteLine();
                ConvolutionEmitter.WriteNames(writer, method, displayNames);
            },
            element,
            gpuMembers: null);
    }
}
