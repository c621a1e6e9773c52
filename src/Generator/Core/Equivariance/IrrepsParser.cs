using System.Collections.Generic;
using System.Globalization;

namespace TensorGen.Equivariance;

/// <summary>The parsed irreps, or the first error.</summary>
internal sealed class IrrepsParseResult
{
    public IrrepsParseResult(Irreps? irreps, EquivarianceError? error, IReadOnlyList<(int Start, int Length)>? spans = null)
    {
        Irreps = irreps;
        Error = error;
        Spans = spans ?? System.Array.Empty<(int, int)>();
    }

    public Irreps? Irreps { get; }

    /// <summary>Where each block is written in the text.</summary>
    public IReadOnlyList<(int Start, int Length)> Spans { get; }

    public EquivarianceError? Error { get; }
}

/// <summary>
/// Parses e3nn's irreps grammar: blocks separated by <c>+</c>, each <c>[mul x] l parity</c> with a parity of
/// <c>e</c> (even), <c>o</c> (odd) or <c>y</c> (that of the spherical harmonics, (−1)ˡ); spaces around the parts are
/// ignored; the empty text is no irreps. <c>"16x0e + 8x1o + 2e"</c> is 16×0e, 8×1o and 1×2e, in that order.
/// </summary>
internal static class IrrepsParser
{
    /// <summary>Larger degrees make Wigner 3j symbols too big to be worth generating straight-line code for.</summary>
    public const int MaxL = 20;

    /// <summary>Features per row beyond which irreps are refused (a kernel's scratch for one tile would not fit in memory).</summary>
    public const int MaxDim = 1 << 24;

    /// <summary>
    /// Blocks beyond which irreps are refused: a fully connected product tries every (block, block, block) triple, so the blocks
    /// bound the generator's time (256³ triples take milliseconds; e3nn irreps are simplified to a few dozen blocks).
    /// </summary>
    public const int MaxBlocks = 256;

    public static IrrepsParseResult Parse(string? text, EquivarianceText where)
    {
        if (text is null)
        {
            return Fail("No irreps were given. Write them as e3nn does, e.g. \"16x0e + 8x1o\".", where, -1, 0);
        }

        var blocks = new List<MulIrrep>();
        var spans = new List<(int, int)>();
        if (text.Trim().Length == 0)
        {
            return new IrrepsParseResult(new Irreps(blocks), null);
        }

        int start = 0;
        while (start <= text.Length)
        {
            int plus = text.IndexOf('+', start);
            int end = plus < 0 ? text.Length : plus;
            EquivarianceError? error = ParseBlock(text, start, end, where, out MulIrrep block);
            if (error is not null)
            {
                return new IrrepsParseResult(null, error);
            }

            blocks.Add(block);
            if (blocks.Count > MaxBlocks)
            {
                return Fail($"\"{Abbreviate(text)}\" has more than {MaxBlocks.ToString(CultureInfo.InvariantCulture)} blocks, the most TensorGen supports. "
                    + "Merge neighbouring blocks of the same irrep (\"1x0e+1x0e\" is \"2x0e\").", where, -1, 0);
            }

            int first = start, last = end;
            while (char.IsWhiteSpace(text[first]))
            {
                first++;
            }

            while (char.IsWhiteSpace(text[last - 1]))
            {
                last--;
            }

            spans.Add((first, last - first));
            if (plus < 0)
            {
                break;
            }

            start = plus + 1;
        }

        long dim = 0;
        foreach (MulIrrep block in blocks)
        {
            dim += (long)block.Mul * block.Irrep.Dim;
        }

        if (dim > MaxDim)
        {
            return Fail($"\"{text}\" has {dim.ToString(CultureInfo.InvariantCulture)} features per row, more than the {MaxDim.ToString(CultureInfo.InvariantCulture)} TensorGen supports.",
                where, -1, 0);
        }

        return new IrrepsParseResult(new Irreps(blocks), null, spans);
    }

    private static EquivarianceError? ParseBlock(string text, int start, int end, EquivarianceText where, out MulIrrep block)
    {
        block = default;
        int first = start;
        while (first < end && char.IsWhiteSpace(text[first]))
        {
            first++;
        }

        int last = end;
        while (last > first && char.IsWhiteSpace(text[last - 1]))
        {
            last--;
        }

        if (first == last)
        {
            return Error($"Empty irrep at position {Position(start)} of \"{text}\". Write blocks like \"16x0e\" or \"1o\" separated by '+'.",
                where, start, end - start);
        }

        string part = text.Substring(first, last - first);
        int mul = 1;
        string irrepText = part;
        int irrepStart = first;
        int x = part.IndexOf('x');
        if (x >= 0)
        {
            string mulText = part.Substring(0, x).Trim();
            if (!TryNumber(mulText, out mul))
            {
                return Error($"Multiplicity \"{mulText}\" of \"{part}\" is not a whole number ≥ 0. Write e.g. \"16x1o\".",
                    where, first, last - first);
            }

            irrepText = part.Substring(x + 1);
            irrepStart = first + x + 1;
            while (irrepText.Length > 0 && char.IsWhiteSpace(irrepText[0]))
            {
                irrepText = irrepText.Substring(1);
                irrepStart++;
            }
        }

        if (irrepText.Length < 2)
        {
            return Error($"\"{part}\" is not an irrep: write the degree l and the parity e, o or y, e.g. \"1o\" or \"16x2e\".",
                where, first, last - first);
        }

        char parityChar = irrepText[irrepText.Length - 1];
        string lText = irrepText.Substring(0, irrepText.Length - 1);
        if (!TryNumber(lText, out int l))
        {
            return Error($"Degree \"{lText}\" of \"{part}\" is not a whole number ≥ 0. Write the degree then the parity, e.g. \"2e\".",
                where, irrepStart, irrepText.Length);
        }

        if (l > MaxL)
        {
            return Error($"Degree l = {l} of \"{part}\" is above {MaxL}, the largest TensorGen generates kernels for.",
                where, irrepStart, irrepText.Length);
        }

        int parity;
        switch (parityChar)
        {
            case 'e':
                parity = 1;
                break;
            case 'o':
                parity = -1;
                break;
            case 'y':
                parity = l % 2 == 0 ? 1 : -1;
                break;
            default:
                return Error($"Parity '{parityChar}' of \"{part}\" is not e (even), o (odd) or y (that of the spherical harmonics, (-1)^l).",
                    where, irrepStart + irrepText.Length - 1, 1);
        }

        block = new MulIrrep(mul, new Irrep(l, parity));
        return null;
    }

    private static bool TryNumber(string text, out int value)
    {
        value = 0;
        if (text.Length == 0)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The text, cut after 60 characters for messages.</summary>
    private static string Abbreviate(string text) => text.Length <= 60 ? text : text.Substring(0, 60) + "…";

    private static string Position(int index) => index.ToString(CultureInfo.InvariantCulture);

    private static EquivarianceError Error(string message, EquivarianceText where, int position, int length) =>
        new(EquivarianceErrorKind.MalformedIrreps, message, where, position, length);

    private static IrrepsParseResult Fail(string message, EquivarianceText where, int position, int length) =>
        new(null, Error(message, where, position, length));
}
