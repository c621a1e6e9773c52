using System.Collections.Generic;
using System.Globalization;

namespace TensorGen.Equivariance;

/// <summary>
/// Checks instructions against the irreps as e3nn's TensorProduct asserts them: indices in range, the selection
/// rule (p_out = p₁·p₂ and |l₁ − l₂| ≤ l_out ≤ l₁ + l₂), multiplicities that fit the connection mode, and weights
/// where the mode needs them (uvw), and weight counts within <see cref="MaxWeights"/> per path and in all. Every problem is reported,
/// each at its instruction's text when known.
/// </summary>
internal static class InstructionValidator
{
    /// <summary>The most weights a product (and each of its paths) may have: e3nn's flat weight vector, 16 times over, fits in a span.</summary>
    public const int MaxWeights = int.MaxValue / 16;

    public static List<EquivarianceError> Validate(IReadOnlyList<TensorProductInstruction> instructions, Irreps irreps1, Irreps irreps2, Irreps irrepsOut,
        IReadOnlyList<(int Start, int Length)>? spans)
    {
        var errors = new List<EquivarianceError>();
        long totalWeights = 0;
        for (int n = 0; n < instructions.Count; n++)
        {
            TensorProductInstruction ins = instructions[n];
            (int position, int length) = spans is not null && n < spans.Count ? spans[n] : (-1, 0);
            EquivarianceText where = spans is not null ? EquivarianceText.Instructions : EquivarianceText.None;
            void Report(EquivarianceErrorKind kind, string message) => errors.Add(new EquivarianceError(kind, message, where, position, length));

            string name = $"Instruction {Number(n)} ({ins})";
            if (ins.In1 >= irreps1.Count || ins.In2 >= irreps2.Count || ins.Out >= irrepsOut.Count)
            {
                var parts = new List<string>();
                if (ins.In1 >= irreps1.Count)
                {
                    parts.Add($"i1 = {Number(ins.In1)} but x1 has {Blocks(irreps1)}");
                }

                if (ins.In2 >= irreps2.Count)
                {
                    parts.Add($"i2 = {Number(ins.In2)} but x2 has {Blocks(irreps2)}");
                }

                if (ins.Out >= irrepsOut.Count)
                {
                    parts.Add($"iout = {Number(ins.Out)} but the output has {Blocks(irrepsOut)}");
                }

                Report(EquivarianceErrorKind.IndexOutOfRange, $"{name}: {string.Join("; ", parts)}. Indices count blocks from 0.");
                continue;
            }

            MulIrrep a = irreps1[ins.In1];
            MulIrrep b = irreps2[ins.In2];
            MulIrrep c = irrepsOut[ins.Out];
            if (!a.Irrep.CouplesTo(b.Irrep, c.Irrep))
            {
                string why = c.Irrep.Parity != a.Irrep.Parity * b.Irrep.Parity
                    ? $"parity {ParityName(c.Irrep.Parity)} is not {ParityName(a.Irrep.Parity)} x {ParityName(b.Irrep.Parity)} = {ParityName(a.Irrep.Parity * b.Irrep.Parity)}"
                    : $"l = {Number(c.Irrep.L)} is outside |{Number(a.Irrep.L)} - {Number(b.Irrep.L)}| .. {Number(a.Irrep.L)} + {Number(b.Irrep.L)}";
                Report(EquivarianceErrorKind.SelectionRule,
                    $"{name}: {a.Irrep} x {b.Irrep} cannot give {c.Irrep}: {why}. {a.Irrep} x {b.Irrep} gives {ProductText(a.Irrep, b.Irrep)}.");
                continue;
            }

            string? modeProblem = ins.Mode switch
            {
                ConnectionMode.Uvw when !ins.HasWeight => "uvw sums over both multiplicities and needs weights (e3nn requires has_weight = true); use uvu, uvv or uvuv without weights",
                ConnectionMode.Uvu when a.Mul != c.Mul => $"uvu needs mul_out = mul1, but they are {Number(c.Mul)} and {Number(a.Mul)}",
                ConnectionMode.Uvv when b.Mul != c.Mul => $"uvv needs mul_out = mul2, but they are {Number(c.Mul)} and {Number(b.Mul)}",
                ConnectionMode.Uuw when a.Mul != b.Mul => $"uuw needs mul1 = mul2, but they are {Number(a.Mul)} and {Number(b.Mul)}",
                ConnectionMode.Uuw when !ins.HasWeight && c.Mul != 1 => $"uuw without weights sums over u into one irrep, so it needs mul_out = 1, not {Number(c.Mul)}",
                ConnectionMode.Uuu when a.Mul != b.Mul || a.Mul != c.Mul => $"uuu needs mul1 = mul2 = mul_out, but they are {Number(a.Mul)}, {Number(b.Mul)} and {Number(c.Mul)}",
                ConnectionMode.Uvuv when (long)a.Mul * b.Mul != c.Mul => $"uvuv needs mul_out = mul1 x mul2 = {((long)a.Mul * b.Mul).ToString(CultureInfo.InvariantCulture)}, not {Number(c.Mul)}",
                _ => null,
            };

            if (modeProblem is not null)
            {
                Report(EquivarianceErrorKind.ModeMismatch, $"{name} couples {a} x {b} -> {c}: {modeProblem}.");
                continue;
            }

            // In double: three multiplicities of up to 2^24 overflow 64 bits (and wrap to a small count).
            double weights = 1;
            foreach (int n1 in ins.Mode.PathShape(a.Mul, b.Mul, c.Mul))
            {
                weights *= n1;
            }

            if (ins.HasWeight && weights > MaxWeights)
            {
                Report(EquivarianceErrorKind.ModeMismatch, $"{name} has {weights.ToString("R", CultureInfo.InvariantCulture)} weights, more than the "
                    + $"{MaxWeights.ToString(CultureInfo.InvariantCulture)} TensorGen supports; use smaller multiplicities.");
            }
            else if (ins.HasWeight)
            {
                totalWeights += (long)weights;
            }
        }

        if (totalWeights > MaxWeights)
        {
            errors.Add(new EquivarianceError(EquivarianceErrorKind.ModeMismatch,
                $"The weighted paths have {totalWeights.ToString(CultureInfo.InvariantCulture)} weights in all, more than the {MaxWeights.ToString(CultureInfo.InvariantCulture)} "
                + "TensorGen supports; use smaller multiplicities or fewer weighted paths.",
                spans is not null ? EquivarianceText.Instructions : EquivarianceText.None));
        }

        return errors;
    }

    private static string ProductText(Irrep a, Irrep b)
    {
        var parts = new List<string>();
        for (int l = System.Math.Abs(a.L - b.L); l <= a.L + b.L; l++)
        {
            parts.Add(new Irrep(l, a.Parity * b.Parity).ToString());
        }

        return string.Join(", ", parts);
    }

    private static string ParityName(int parity) => parity > 0 ? "e" : "o";

    private static string Blocks(Irreps irreps) => irreps.Count == 1 ? "1 block" : Number(irreps.Count) + " blocks";

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
