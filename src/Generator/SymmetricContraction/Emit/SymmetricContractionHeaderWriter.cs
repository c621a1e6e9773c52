using System.Linq;
using TensorGen.Equivariance;
using static TensorGen.Emit.CSharpLiteral;

namespace TensorGen.Emit.SymmetricContraction;

/// <summary>
/// The comment block at the top of a generated symmetric contraction: the irreps, the weight tensors in MACE's order (output
/// irrep, order, K, offset and MACE's parameter name), the terms and monomials per channel, and the evaluation scheme with its
/// costs.
/// </summary>
internal static class SymmetricContractionHeaderWriter
{
    public static void Write(SourceWriter writer, string title, SymmetricContractionSpec spec)
    {
        writer.WriteComment(title);
        writer.WriteComment(string.Empty);
        writer.WriteComment($"A:        {spec.IrrepsIn}  (dim {Int(spec.IrrepsIn.Dim)}, e3nn mul_ir layout; {Int(spec.Channels)} channels x {Int(spec.CouplingDim)} components)");
        writer.WriteComment($"output:   {spec.IrrepsOut}  (dim {Int(spec.IrrepsOut.Dim)})");
        writer.WriteComment($"correlation {Int(spec.Correlation)} (body order {Int(spec.Correlation + 1)}), {Int(spec.Elements)} elements, "
            + $"Wigner 3j {(spec.Phase == Wigner3jPhase.E3nn ? "e3nn >= 0.5" : "e3nn 0.4.4 (legacy)")}, component normalization (MACE's U_matrix_real)");
        writer.WriteComment($"weights:  [{Int(spec.WeightCount)}] = MACE's parameters() flattened, each tensor [elements, K, channels] row-major:");
        writer.WriteComment("  output  order  K    offset     MACE parameter                     terms");
        foreach (var (block, index) in spec.Blocks.Select((b, i) => (b, i)))
        {
            string irrep = spec.IrrepsOut[block.Output].Irrep.ToString();
            string name = block.Correlation == spec.Correlation
                ? $"contractions.{Int(block.Output)}.weights_max"
                : $"contractions.{Int(block.Output)}.weights.{Int(spec.Correlation - 1 - block.Correlation)}";
            int terms = spec.Terms.Count(t => t.Block == index);
            writer.WriteComment($"  {irrep,-6}  {Int(block.Correlation),5}  {Int(block.Parameters),-3}  {Int(block.Offset),-9}  {name,-33}  {Int(terms)}"
                + (terms == 0 ? " (no symmetric path: its weights have no effect)" : string.Empty));
        }

        writer.WriteComment(string.Empty);
        writer.WriteComment($"per channel: {Int(spec.Monomials.Count)} monomials of A (products A_i1 ... A_inu, i1 <= ... <= inu; U summed over the orderings "
            + $"of its indices, exactly), {Int(spec.Terms.Count)} terms, {Int(spec.Coefficients)} coupling coefficients");
        writer.WriteComment("scheme: per call, each element's weights folded into the coefficients (G[t] = sum_k U[t, k] W[element, k, channel]); per atom, "
            + "SIMD lanes across channels: monomials, then output[o] = sum_t G[t] p[t]");
        writer.WriteComment($"multiplies per atom and channel: forward {Int(spec.ForwardMultipliesPerChannel)}; "
            + $"backward {Int(spec.ForwardMultipliesPerChannel + (3 * spec.Terms.Count) + (2 * spec.Monomials.Count))} (recomputed monomials, weight sums, adjoints); "
            + $"per element and channel, fold {Int(spec.Coefficients)}");
    }
}
