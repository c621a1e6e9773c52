using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TensorGen.Planning;

/// <summary>
/// A plan as a table a person reads, modelled on opt_einsum's PathInfo: naive and planned cost, scaling,
/// largest intermediate, then one line per step. Invariant culture, so output is the same on every machine.
/// </summary>
internal static class PathInfo
{
    public static IReadOnlyList<string> Format(ContractionPlan plan, string sizeNote)
    {
        var lines = new List<string>
        {
            "  Complete contraction:  " + plan.Expression.ExplicitText,
            "                 Sizes:  " + sizeNote,
            "         Naive scaling:  " + plan.NaiveScaling.ToString(CultureInfo.InvariantCulture),
            "     Optimized scaling:  " + plan.Scaling.ToString(CultureInfo.InvariantCulture),
            "      Naive FLOP count:  " + Number(plan.NaiveFlops),
            "  Optimized FLOP count:  " + plan.ExactFlops.ToString(CultureInfo.InvariantCulture),
            "   Theoretical speedup:  " + Ratio(plan.NaiveFlops, plan.Flops),
            "  Largest intermediate:  " + Number(plan.LargestIntermediate) + " elements" + (plan.Slicing is null ? string.Empty : " (per slice)"),
            "                  Path:  " + plan.Path,
        };
        if (plan.Slicing is { } slicing)
        {
            // Gray and Kourtis 2021: slicing trades FLOPs for memory; the overhead is what it costs.
            lines.Add("        Sliced indices:  " + string.Join(", ", plan.SlicedLabels) + " (" + Number(slicing.SliceCount) + " slices, "
                + "memory limit " + Number(slicing.MemoryLimit) + " elements)");
            lines.Add("    Slicing's overhead:  " + slicing.Overhead.ToString("0.###", CultureInfo.InvariantCulture) + "x the unsliced tree's "
                + Number(slicing.Tree.Flops) + " FLOPs");
        }

        var rows = plan.Steps.Select((s, k) => (
            Step: (k + 1).ToString(CultureInfo.InvariantCulture),
            Operands: Operand(plan, s.Left) + (s.IsUnary ? string.Empty : ", " + Operand(plan, s.Right)),
            Contraction: s.Contraction,
            Flops: Number(s.Flops),
            Size: Number(s.ResultSize) + (s.IsFinal ? " (output)" : string.Empty))).ToList();
        int w1 = Math.Max(4, rows.Max(r => r.Step.Length));
        int w2 = Math.Max(8, rows.Max(r => r.Operands.Length));
        int w3 = Math.Max(11, rows.Max(r => r.Contraction.Length));
        int w4 = Math.Max(5, rows.Max(r => r.Flops.Length));
        string header = "step".PadRight(w1) + "  " + "operands".PadRight(w2) + "  " + "contraction".PadRight(w3) + "  "
            + "FLOPs".PadLeft(w4) + (plan.Slicing is null ? "  result size" : "  result size (per slice)");
        lines.Add(new string('-', header.Length));
        lines.Add(header);
        lines.Add(new string('-', header.Length));
        lines.AddRange(rows.Select(r => r.Step.PadRight(w1) + "  " + r.Operands.PadRight(w2) + "  " + r.Contraction.PadRight(w3)
            + "  " + r.Flops.PadLeft(w4) + "  " + r.Size));
        return lines;
    }

    /// <summary>Operand ids as a reader sees them: inputs as #0, #1, …, intermediates as t1, t2, … (by step).</summary>
    public static string Operand(ContractionPlan plan, int id) =>
        id < plan.Expression.Inputs.Count ? "#" + id.ToString(CultureInfo.InvariantCulture)
        : "t" + (id - plan.Expression.Inputs.Count + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>Integers exactly below 10^15, scientific notation above (opt_einsum prints "1.204e+3").</summary>
    public static string Number(double value) =>
        value < 1e15 ? Math.Round(value).ToString("0", CultureInfo.InvariantCulture) : value.ToString("0.###e+0", CultureInfo.InvariantCulture);

    private static string Ratio(double naive, double planned) =>
        planned <= 0 ? "1" : (naive / planned).ToString("0.###", CultureInfo.InvariantCulture);
}
