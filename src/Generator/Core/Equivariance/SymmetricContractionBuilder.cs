using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TensorGen.Equivariance;

/// <summary>What a <c>[SymmetricContraction]</c> declares: the irreps as written, the correlation order, the elements and the 3j signs.</summary>
internal sealed record SymmetricContractionOptions(string? IrrepsIn, string? IrrepsOut, int Correlation, int Elements, Wigner3jPhase Phase);

/// <summary>The spec, or every problem found (each at the text it is about).</summary>
internal sealed record SymmetricContractionBuildResult(SymmetricContractionSpec? Spec, IReadOnlyList<EquivarianceError> Errors);

/// <summary>
/// Checks a symmetric contraction's declaration and builds its <see cref="SymmetricContractionSpec"/>: MACE's coupling
/// tensors U_ν for every output irrep and order (<see cref="CouplingBasis"/>, exact), symmetrized over the orderings of their
/// input indices into terms on sorted monomials, each coefficient rounded once.
/// </summary>
internal static class SymmetricContractionBuilder
{
    /// <summary>The highest correlation order: MACE uses 1–3 (4 with its natural-parity filter, which <see cref="CouplingBasis"/> applies).</summary>
    public const int MaxCorrelation = 4;

    /// <summary>Most chemical elements (the periodic table with room).</summary>
    public const int MaxElements = 1024;

    /// <summary>
    /// The dense coupling tensor's input indices D^ν beyond which the build-time algebra takes too long: MACE's configurations fit
    /// (0e+1o+2e+3o at ν = 3: 4,096; 0e+1o+2e at ν = 4: 6,561).
    /// </summary>
    public const int MaxCouplingEntries = 1 << 13;

    /// <summary>Terms beyond which the straight-line kernel would be too long to compile.</summary>
    public const int MaxTerms = 1 << 14;

    public static SymmetricContractionBuildResult Build(SymmetricContractionOptions options)
    {
        var errors = new List<EquivarianceError>();
        IrrepsParseResult input = IrrepsParser.Parse(options.IrrepsIn, EquivarianceText.Irreps1);
        IrrepsParseResult output = IrrepsParser.Parse(options.IrrepsOut, EquivarianceText.IrrepsOut);
        foreach (IrrepsParseResult parsed in new[] { input, output })
        {
            if (parsed.Error is not null)
            {
                errors.Add(parsed.Error);
            }
        }

        if (options.Correlation < 1 || options.Correlation > MaxCorrelation)
        {
            errors.Add(new EquivarianceError(EquivarianceErrorKind.Correlation,
                $"Correlation = {N(options.Correlation)} is not a correlation order TensorGen generates; use 1 to {N(MaxCorrelation)} "
                + "(the body order is correlation + 1; MACE uses 3).", EquivarianceText.Options));
        }

        if (options.Elements < 1 || options.Elements > MaxElements)
        {
            errors.Add(new EquivarianceError(EquivarianceErrorKind.Elements,
                $"Elements = {N(options.Elements)} is not a number of chemical elements; give 1 to {N(MaxElements)} (the first axis of every weight tensor).",
                EquivarianceText.Options));
        }

        if (input.Irreps is not { } irrepsIn || output.Irreps is not { } irrepsOut)
        {
            return new SymmetricContractionBuildResult(null, errors);
        }

        CheckMultiplicities(irrepsIn, input.Spans, irrepsOut, output.Spans, errors);
        if (errors.Count > 0)
        {
            return new SymmetricContractionBuildResult(null, errors);
        }

        var coupling = irrepsIn.Blocks.Select(b => b.Irrep).ToList();
        int dim = coupling.Sum(i => i.Dim);
        if (Math.Pow(dim, options.Correlation) > MaxCouplingEntries)
        {
            errors.Add(new EquivarianceError(EquivarianceErrorKind.TooLarge,
                $"The coupling tensor of \"{irrepsIn}\" at correlation {N(options.Correlation)} has {N(dim)}^{N(options.Correlation)} input indices, more than the "
                + $"{N(MaxCouplingEntries)} TensorGen computes exactly at build time. Use fewer or lower input irreps, or a lower correlation.",
                EquivarianceText.Irreps1, 0, options.IrrepsIn!.Length));
            return new SymmetricContractionBuildResult(null, errors);
        }

        var blocks = new List<SymmetricContractionBlock>();
        var exactTerms = new List<(int Component, int[] Factors, int Block, QuadraticSum[] Coefficients)>();
        int component = 0, offset = 0, row = 0;
        for (int b = 0; b < irrepsOut.Count; b++)
        {
            Irrep irrep = irrepsOut[b].Irrep;
            int termsBefore = exactTerms.Count;

            // MACE's parameter order: weights_max (the highest order), then weights[0], weights[1], … (descending order).
            for (int order = options.Correlation; order >= 1; order--)
            {
                IReadOnlyList<CouplingPath> columns = CouplingBasis.Columns(coupling, order, irrep, options.Phase);
                int parameters = Math.Max(1, columns.Count); // MACE keeps a zeroed [elements, 1, channels] tensor when no path exists
                blocks.Add(new SymmetricContractionBlock(b, order, parameters, offset, row,
                    columns.Select(c => string.Join("→", c.Chain)).ToList()));
                exactTerms.AddRange(Symmetrize(columns, component, blocks.Count - 1));
                offset = checked(offset + (options.Elements * parameters * irrepsIn[0].Mul));
                row += options.Elements * parameters;
            }

            if (exactTerms.Count == termsBefore)
            {
                errors.Add(new EquivarianceError(EquivarianceErrorKind.Unreachable,
                    $"Output irrep {irrep} is not reached: no product of up to {N(options.Correlation)} of \"{string.Join("+", coupling)}\" couples into it "
                    + "symmetrically. Remove it from the output irreps, raise Correlation, or add the input irreps it needs.",
                    EquivarianceText.IrrepsOut, output.Spans[b].Start, output.Spans[b].Length));
            }

            component += irrep.Dim;
        }

        if (exactTerms.Count > MaxTerms)
        {
            errors.Add(new EquivarianceError(EquivarianceErrorKind.TooLarge,
                $"The contraction has {N(exactTerms.Count)} non-zero coupling terms, more than the {N(MaxTerms)} TensorGen writes as straight-line code. "
                + "Use fewer or lower irreps, or a lower correlation.", EquivarianceText.IrrepsOut, 0, options.IrrepsOut!.Length));
        }

        if (errors.Count > 0)
        {
            return new SymmetricContractionBuildResult(null, errors);
        }

        var monomials = Monomials(exactTerms.Select(t => t.Factors));
        var index = monomials.Select((m, i) => (Key(m.Factors), i)).ToDictionary(p => p.Item1, p => p.i);
        var terms = exactTerms
            .Select(t => new SymmetricContractionTerm(t.Component, index[Key(t.Factors)], t.Block,
                t.Coefficients.Select((c, k) => (k, c)).Where(p => !p.c.IsZero).Select(p => (p.k, p.c.ToDouble())).ToList()))
            .OrderBy(t => t.Component).ThenBy(t => t.Monomial)
            .ToList();
        return new SymmetricContractionBuildResult(
            new SymmetricContractionSpec(irrepsIn, irrepsOut, options.Correlation, options.Elements, options.Phase, blocks, monomials, terms), errors);
    }

    /// <summary>Every block of both irreps has the input's first multiplicity, at least 1 (MACE's channels).</summary>
    private static void CheckMultiplicities(Irreps irrepsIn, IReadOnlyList<(int Start, int Length)> inputSpans, Irreps irrepsOut,
        IReadOnlyList<(int Start, int Length)> outputSpans, List<EquivarianceError> errors)
    {
        if (irrepsIn.Count == 0 || irrepsOut.Count == 0)
        {
            errors.Add(new EquivarianceError(EquivarianceErrorKind.MalformedIrreps,
                "A symmetric contraction needs input and output irreps, e.g. \"128x0e+128x1o+128x2e\" and \"128x0e+128x1o\".",
                irrepsIn.Count == 0 ? EquivarianceText.Irreps1 : EquivarianceText.IrrepsOut));
            return;
        }

        int channels = irrepsIn[0].Mul;
        void Check(Irreps irreps, IReadOnlyList<(int Start, int Length)> spans, EquivarianceText text, string which)
        {
            for (int b = 0; b < irreps.Count; b++)
            {
                if (irreps[b].Mul != channels || channels == 0)
                {
                    errors.Add(new EquivarianceError(EquivarianceErrorKind.Multiplicity,
                        $"{which} block \"{irreps[b]}\" has multiplicity {N(irreps[b].Mul)}, but the first input block has {N(channels)}: the contraction acts on "
                        + "each channel separately, so every input and output block has the same multiplicity (at least 1), e.g. \"128x0e+128x1o\".",
                        text, spans.Count > b ? spans[b].Start : -1, spans.Count > b ? spans[b].Length : 0));
                }
            }
        }

        Check(irrepsIn, inputSpans, EquivarianceText.Irreps1, "Input");
        Check(irrepsOut, outputSpans, EquivarianceText.IrrepsOut, "Output");
    }

    /// <summary>Sums U over the orderings of each index tuple: one term per (component, sorted indices) with a non-zero column.</summary>
    private static IEnumerable<(int Component, int[] Factors, int Block, QuadraticSum[] Coefficients)> Symmetrize(IReadOnlyList<CouplingPath> columns,
        int componentOffset, int block)
    {
        var sums = new Dictionary<string, (int Component, int[] Factors, QuadraticSum[] Coefficients)>();
        var order = new List<string>();
        for (int k = 0; k < columns.Count; k++)
        {
            foreach (KeyValuePair<CouplingIndex, QuadraticSum> entry in columns[k].Entries)
            {
                int[] factors = entry.Key.Inputs.OrderBy(i => i).ToArray();
                string key = entry.Key.Component.ToString(CultureInfo.InvariantCulture) + ":" + Key(factors);
                if (!sums.TryGetValue(key, out var sum))
                {
                    sum = (componentOffset + entry.Key.Component, factors, Enumerable.Repeat(QuadraticSum.Zero, columns.Count).ToArray());
                    sums[key] = sum;
                    order.Add(key);
                }

                sum.Coefficients[k] = sum.Coefficients[k].Add(entry.Value);
            }
        }

        return order.Select(key => sums[key]).Where(s => s.Coefficients.Any(c => !c.IsZero)).Select(s => (s.Component, s.Factors, block, s.Coefficients));
    }

    /// <summary>The monomials the terms need and every prefix of them, by degree then indices (so a prefix comes first).</summary>
    private static List<SymmetricMonomial> Monomials(IEnumerable<int[]> needed)
    {
        var all = new Dictionary<string, int[]>();
        foreach (int[] factors in needed)
        {
            for (int length = factors.Length; length >= 1; length--)
            {
                int[] prefix = factors.Take(length).ToArray();
                all[Key(prefix)] = prefix;
            }
        }

        var sorted = all.Values.OrderBy(f => f.Length).ThenBy(f => Key(f), StringComparer.Ordinal).ToList();
        var index = sorted.Select((f, i) => (Key(f), i)).ToDictionary(p => p.Item1, p => p.i);
        return sorted.Select(f => new SymmetricMonomial(f, f.Length == 1 ? -1 : index[Key(f.Take(f.Length - 1).ToArray())], f[f.Length - 1])).ToList();
    }

    private static string Key(IReadOnlyList<int> factors) => string.Join(",", factors.Select(f => f.ToString("D4", CultureInfo.InvariantCulture)));

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
