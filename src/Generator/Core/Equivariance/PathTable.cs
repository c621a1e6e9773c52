using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TensorGen.Equivariance;

/// <summary>
/// A tensor product's paths as a table a person reads: one line per instruction with its coupling, mode, weights,
/// normalized path weight, non-zero Clebsch–Gordan coefficients and FLOPs per row. Generated files print it in their
/// header; the runtime returns it from its description API.
/// </summary>
internal static class PathTable
{
    public static IReadOnlyList<string> Lines(TensorProductSpec spec)
    {
        var rows = new List<string[]>
        {
            new[] { "path", "instruction", "coupling", "mode", "weights", "shape", "path weight", "CG non-zeros", "FLOPs/row" },
        };
        foreach (TensorProductPath path in spec.Paths)
        {
            int dense = path.Block1.Irrep.Dim * path.Block2.Irrep.Dim * path.BlockOut.Irrep.Dim;
            rows.Add(new[]
            {
                N(path.Index),
                path.Instruction.ToString(),
                path.Describe(),
                path.Mode.Name(),
                path.HasWeight ? $"[{N(path.WeightOffset)}, {N(path.WeightOffset + path.WeightCount)})" : "-",
                path.Shape(),
                path.NormalizedWeight.ToString("R", CultureInfo.InvariantCulture),
                $"{N(path.Symbol.Entries.Count)} of {N(dense)}",
                N(TensorProductCost.ForwardFlops(path)),
            });
        }

        int[] widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        return rows.Select(r => string.Join("  ", r.Select((cell, c) => c == 0 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd()).ToList();
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
