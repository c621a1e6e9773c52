using System.Linq;
using TensorGen.Equivariance;
using TensorGen.Model;
using static TensorGen.Emit.CSharpLiteral;

namespace TensorGen.Emit.Equivariant;

/// <summary>
/// Writes the file of a <c>[TensorProductDoubleBackward]</c> method: the method calls the runtime's
/// <c>TensorProductDriver.DoubleBackward</c> with the product's double backward tile kernel (<see cref="DoubleBackwardKernelWriter"/>),
/// and the header carries the product's path table and the derivation the driver follows.
/// </summary>
internal static class TensorProductDoubleBackwardEmitter
{
    private const string Runtime = "global::TensorGen.Runtime.Equivariance.";

    public static string Emit(KernelMethodShape method, string forwardName, TensorProductSpec spec, string element)
    {
        string arguments = string.Join(", ", DoubleBackwardKernelWriter.InDriverOrder(method.Parameters.Select(p => p.Name).ToList()).Select(n => n ?? "default"));
        string body = $"{Runtime}TensorProductDriver.DoubleBackward<{element}, {EquivariantFileEmitter.KernelReference(method)}>({arguments});";
        return EquivariantFileEmitter.Emit(method,
            writer =>
            {
                TensorProductHeaderWriter.Write(writer, $"TensorGen: double backward pass {method.DisplayName} of tensor product {forwardName} ({element})", spec);
                WriteDerivation(writer, spec, "a1 = gradGradX1, a2 = gradGradX2, aw = gradGradWeights, g = gradOutput",
                    "gradGradOutput = TP(a1, x2; w) + TP(x1, a2; w) + TP°(x1, x2; aw)",
                    "gradX1 = B1(x1, a2, w; g) + B1°(x1, x2, aw; g);  gradX2 = B2(a1, x2, w; g) + B2°(x1, x2, aw; g)",
                    "gradWeights = Bw(a1, x2, w; g) + Bw(x1, a2, w; g)" + (spec.SharedWeights ? ", summed over the batch (shared weights)" : string.Empty));
            },
            body,
            writer => DoubleBackwardKernelWriter.Write(writer, method, spec, TensorProductEmitter.PathPlans(spec), element),
            element,
            gpuMembers: null);
    }

    /// <summary>The derivation in the header (docs/double-backward.md) and the work per row it costs.</summary>
    internal static void WriteDerivation(SourceWriter writer, TensorProductSpec spec, string symbols, params string[] sums)
    {
        writer.WriteComment(string.Empty);
        writer.WriteComment("Double backward: the product is linear in each of x1, x2 and the weights, so with " + symbols + ",");
        writer.WriteComment("L = <a1, B1> + <a2, B2> + <aw, Bw> = <g, TP(a1, x2; w) + TP(x1, a2; w) + TP°(x1, x2; aw)>, and");
        foreach (string sum in sums)
        {
            writer.WriteComment("  " + sum);
        }

        writer.WriteComment("(TP, B1, B2, Bw: the product's forward and backward tiles; °: its weighted paths only, the derivative in the weights' direction).");
        writer.WriteComment($"FLOPs per row: {Int(TensorProductCost.DoubleBackwardFlops(spec))} (three forward and three backward products; "
            + $"{Int(TensorProductCost.ForwardFlops(spec))} forward)");
    }
}
