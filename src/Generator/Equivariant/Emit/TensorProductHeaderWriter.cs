using System.Linq;
using TensorGen.Equivariance;
using static TensorGen.Emit.CSharpLiteral;

namespace TensorGen.Emit.Equivariant;

/// <summary>
/// The comment block at the top of a generated tensor product: the irreps and their dimensions, the options, and the
/// path table (instruction, coupling, mode, weights, normalized path weight, non-zero Clebsch–Gordan coefficients, FLOPs).
/// </summary>
internal static class TensorProductHeaderWriter
{
    public static void Write(SourceWriter writer, string title, TensorProductSpec spec)
    {
        TensorProductOptions options = spec.Options;
        writer.WriteComment(title);
        writer.WriteComment(string.Empty);
        writer.WriteComment($"x1:      {Text(spec.Irreps1)}  (dim {Int(spec.Irreps1.Dim)})");
        writer.WriteComment($"x2:      {Text(spec.Irreps2)}  (dim {Int(spec.Irreps2.Dim)})");
        writer.WriteComment($"output:  {Text(spec.IrrepsOut)}  (dim {Int(spec.IrrepsOut.Dim)})");
        writer.WriteComment($"weights: {Int(spec.WeightCount)}, {(spec.SharedWeights ? "shared: [W]" : "one row per batch element: [Z, W]")}");
        writer.WriteComment($"irrep normalization {Name(options.IrrepNormalization)}, path normalization {Name(options.PathNormalization)}, "
            + $"Wigner 3j {(options.Phase == Wigner3jPhase.E3nn ? "e3nn >= 0.5" : "e3nn 0.4.4 (legacy)")}, "
            + (options.Instructions is null ? "instructions derived: " + options.Template : "instructions as written"));
        writer.WriteComment(string.Empty);
        foreach (string line in PathTable.Lines(spec))
        {
            writer.WriteComment(line);
        }

        writer.WriteComment(string.Empty);
        writer.WriteComment($"FLOPs per batch row (2 per CG non-zero per multiplicity pair + 2 per weight multiply-add): "
            + $"forward {Int(TensorProductCost.ForwardFlops(spec))}, backward {Int(TensorProductCost.BackwardFlops(spec))}");
    }

    private static string Text(Irreps irreps) => irreps.Count == 0 ? "(none)" : irreps.ToString();

    private static string Name(IrrepNormalizationRule rule) => rule.ToString().ToLowerInvariant();

    private static string Name(PathNormalizationRule rule) => rule.ToString().ToLowerInvariant();
}
