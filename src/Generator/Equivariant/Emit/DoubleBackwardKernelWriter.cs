using System.Collections.Generic;
using System.Linq;
using TensorGen.Equivariance;
using TensorGen.Model;
using static TensorGen.Emit.CSharpLiteral;

namespace TensorGen.Emit.Equivariant;

/// <summary>
/// The file-local tile kernel of a double backward pass (the tensor product's and the fused convolution's): the product's
/// own per-path forward and backward code (<see cref="TensorProductEmitter.WritePathMethods"/>), behind the two tile methods
/// the runtime's double backward drivers call — <c>AddForward</c>, which adds every path's output (no path stores, no block
/// is cleared, so three products sum in one tile), and <c>Backward</c>; each over every path or, for the products in the
/// weights' direction (TP(x1, x2; aw)), over the weighted paths only: an unweighted path does not depend on the weights.
/// </summary>
internal static class DoubleBackwardKernelWriter
{
    private const string Runtime = "global::TensorGen.Runtime.Equivariance.";

    /// <summary>The declared parameters in the double backward drivers' order, null for the weights' three when the declaration has none.</summary>
    /// <param name="names">x1, x2, [weights], gradOutput, gradGradX1, gradGradX2, [gradGradWeights], gradX1, gradX2, [gradWeights], gradGradOutput.</param>
    public static IReadOnlyList<string?> InDriverOrder(IReadOnlyList<string> names) =>
        names.Count == 11 ? names.ToList()
        : new[] { names[0], names[1], null, names[2], names[3], names[4], null, names[5], names[6], null, names[7] };

    /// <param name="writer">Where to write.</param>
    /// <param name="method">The declaration as the kernel sees it: the eleven (or, without weights, eight) tensor parameters.</param>
    /// <param name="spec">The product.</param>
    /// <param name="pathPlans">Its non-empty paths.</param>
    /// <param name="element">float or double.</param>
    public static void Write(SourceWriter writer, KernelMethodShape method, TensorProductSpec spec, IReadOnlyList<TensorProductPathPlan> pathPlans, string element)
    {
        string names = string.Join(", ", InDriverOrder(method.Parameters.Select(p => p.DisplayName).ToList()).Select(n => n is null ? "null" : String(n)));
        writer.WriteLine($"/// <summary>The tiles of {method.DisplayName}: the product's {Int(pathPlans.Count)} non-empty paths, forward (adding) and backward, one method each.</summary>");
        writer.OpenBlock($"file readonly struct {method.LocalTypeName} : {Runtime}ITensorProductDoubleBackward<{element}>");
        TensorProductEmitter.WriteLayout(writer, method, spec, names);

        WriteTile(writer, pathPlans, "AddForward", TensorProductEmitter.TileParameters(element, backward: false), TensorProductEmitter.TileArguments(backward: false), "ForwardPath");
        writer.WriteLine();
        WriteTile(writer, pathPlans, "Backward", TensorProductEmitter.TileParameters(element, backward: true), TensorProductEmitter.TileArguments(backward: true), "BackwardPath");

        TensorProductEmitter.WritePathMethods(writer, spec, pathPlans, element, backward: false, "ForwardPath", new HashSet<int>());
        TensorProductEmitter.WritePathMethods(writer, spec, pathPlans, element, backward: true, "BackwardPath", new HashSet<int>());
        writer.CloseBlock();
    }

    private static void WriteTile(SourceWriter writer, IReadOnlyList<TensorProductPathPlan> pathPlans, string name, string parameters, string arguments, string prefix)
    {
        writer.OpenBlock($"public static void {name}({parameters}, bool weightedPathsOnly)");
        foreach (TensorProductPathPlan plan in pathPlans.Where(p => p.HasWeight))
        {
            writer.WriteLine($"{prefix}{Int(plan.Path.Index)}({arguments});");
        }

        var unweighted = pathPlans.Where(p => !p.HasWeight).ToList();
        if (unweighted.Count > 0)
        {
            writer.WriteComment("Unweighted paths do not depend on the weights: not part of the products in the weights' direction.");
            writer.OpenBlock("if (!weightedPathsOnly)");
            foreach (TensorProductPathPlan plan in unweighted)
            {
                writer.WriteLine($"{prefix}{Int(plan.Path.Index)}({arguments});");
            }

            writer.CloseBlock();
        }

        writer.CloseBlock();
    }
}
