using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TensorGen.Equivariance;

/// <summary>The built product, or every error found.</summary>
internal sealed class TensorProductBuildResult
{
    public TensorProductBuildResult(TensorProductSpec? spec, IReadOnlyList<EquivarianceError> errors)
    {
        Spec = spec;
        Errors = errors;
    }

    public TensorProductSpec? Spec { get; }

    public IReadOnlyList<EquivarianceError> Errors { get; }
}

/// <summary>
/// Turns a declaration's options into a <see cref="TensorProductSpec"/>: parses the irreps and the instructions (or
/// derives them from the template), validates them as e3nn does, and computes e3nn's path weights. Products beyond
/// <see cref="MaxPaths"/>, <see cref="MaxCoefficients"/>, <see cref="InstructionValidator.MaxWeights"/> or
/// <see cref="IrrepsParser.MaxDim"/> are refused, so that the generator's time and the generated code stay bounded. One place for the
/// generator, the runtime's description API and the tests.
/// </summary>
internal static class TensorProductBuilder
{
    /// <summary>The most paths (instructions) a product may have: each becomes a method of the generated kernel.</summary>
    public const int MaxPaths = 1024;

    /// <summary>
    /// The most non-zero Clebsch–Gordan coefficients, summed over the paths, a product may have: the generated code is straight-line
    /// over them (a few lines each), so this bounds the size of the generated file and the time to write and compile it. One path of
    /// the largest degrees, C(20, 20, 20), has a few thousand.
    /// </summary>
    public const int MaxCoefficients = 1 << 16;

    public static TensorProductBuildResult Build(TensorProductOptions options)
    {
        var errors = new List<EquivarianceError>();
        Irreps? irreps1 = ParseIrreps(options.Irreps1, EquivarianceText.Irreps1, errors);
        Irreps? irreps2 = ParseIrreps(options.Irreps2, EquivarianceText.Irreps2, errors);
        Irreps? irrepsOut = ParseIrreps(options.IrrepsOut, EquivarianceText.IrrepsOut, errors);

        InstructionParseResult? parsed = null;
        if (options.Instructions is not null)
        {
            parsed = InstructionParser.Parse(options.Instructions);
            if (parsed.Error is not null)
            {
                errors.Add(parsed.Error);
            }
        }

        if (irreps1 is null || irreps2 is null || irrepsOut is null || errors.Count > 0)
        {
            return new TensorProductBuildResult(null, errors);
        }

        IReadOnlyList<TensorProductInstruction> instructions;
        IReadOnlyList<(int, int)>? spans = null;
        if (parsed is not null)
        {
            instructions = parsed.Instructions!;
            spans = parsed.Spans;
        }
        else
        {
            Irreps? filter = irrepsOut.Count == 0 ? null : irrepsOut;
            InstructionTemplates.Derived? derived = options.Template switch
            {
                ProductTemplate.Elementwise => InstructionTemplates.Elementwise(irreps1, irreps2, filter),
                ProductTemplate.Full => InstructionTemplates.Full(irreps1, irreps2, filter, MaxPaths),
                ProductTemplate.Channelwise => InstructionTemplates.Channelwise(irreps1, irreps2, filter, MaxPaths),
                _ => InstructionTemplates.FullyConnected(irreps1, irreps2, irrepsOut, MaxPaths),
            };

            if (derived is null && options.Template is ProductTemplate.Full or ProductTemplate.Channelwise)
            {
                errors.Add(new EquivarianceError(EquivarianceErrorKind.MalformedIrreps,
                    $"The {(options.Template == ProductTemplate.Full ? "full" : "channelwise")} tensor product of \"{irreps1}\" and \"{irreps2}\" would have more than {IrrepsParser.MaxDim} features per row, more than TensorGen supports.",
                    EquivarianceText.IrrepsOut));
                return new TensorProductBuildResult(null, errors);
            }

            if (derived is null)
            {
                errors.Add(new EquivarianceError(EquivarianceErrorKind.ModeMismatch,
                    $"The elementwise product pairs x1's irreps with x2's one by one, but \"{irreps1}\" holds {irreps1.Blocks.Sum(b => (long)b.Mul)} irreps "
                    + $"and \"{irreps2}\" holds {irreps2.Blocks.Sum(b => (long)b.Mul)}. Give both inputs the same total multiplicity.",
                    EquivarianceText.Irreps2));
                return new TensorProductBuildResult(null, errors);
            }

            irreps1 = derived.Irreps1;
            irreps2 = derived.Irreps2;
            irrepsOut = derived.IrrepsOut;
            instructions = derived.Instructions;
            if (irrepsOut.Dim > IrrepsParser.MaxDim)
            {
                errors.Add(TooLarge(parsed, $"The derived output irreps have {irrepsOut.Dim} features per row, more than the {IrrepsParser.MaxDim} TensorGen supports."));
                return new TensorProductBuildResult(null, errors);
            }

            // Written irreps stop at l = MaxL; derived ones reach l1 + l2, whose exact Clebsch-Gordan coefficients (rational
            // arithmetic) would take the generator minutes beyond it.
            if (irrepsOut.LMax > IrrepsParser.MaxL)
            {
                errors.Add(TooLarge(parsed, $"The derived output irreps reach degree l = {irrepsOut.LMax}, above {IrrepsParser.MaxL}, the largest TensorGen generates kernels for. "
                    + "Give the output irreps, which filter the paths, or use lower degrees."));
                return new TensorProductBuildResult(null, errors);
            }
        }

        if (instructions.Count > MaxPaths)
        {
            errors.Add(TooLarge(parsed, $"The product has {(parsed is null ? "more than " + MaxPaths : instructions.Count.ToString(CultureInfo.InvariantCulture))} paths, "
                + $"more than the {MaxPaths} TensorGen generates kernels for. Use fewer blocks or instructions (merge blocks of the same irrep)."));
            return new TensorProductBuildResult(null, errors);
        }

        errors.AddRange(InstructionValidator.Validate(instructions, irreps1, irreps2, irrepsOut, spans));
        if (errors.Count > 0)
        {
            return new TensorProductBuildResult(null, errors);
        }

        double[] weights = PathWeights.Compute(instructions, irreps1, irreps2, irrepsOut, options.IrrepNormalization, options.PathNormalization);
        var paths = new List<TensorProductPath>();
        int weightOffset = 0;
        for (int n = 0; n < instructions.Count; n++)
        {
            var path = new TensorProductPath(n, instructions[n], irreps1, irreps2, irrepsOut, weights[n], weightOffset, options.Phase);
            weightOffset = checked(weightOffset + path.WeightCount);
            paths.Add(path);
        }

        long coefficients = paths.Where(p => !p.IsEmpty).Sum(p => (long)p.Symbol.Entries.Count);
        if (coefficients > MaxCoefficients)
        {
            errors.Add(TooLarge(parsed, $"The product's paths have {coefficients.ToString(CultureInfo.InvariantCulture)} non-zero Clebsch-Gordan coefficients in all, "
                + $"more than the {MaxCoefficients.ToString(CultureInfo.InvariantCulture)} TensorGen writes straight-line code for. Use lower degrees or fewer paths."));
            return new TensorProductBuildResult(null, errors);
        }

        return new TensorProductBuildResult(new TensorProductSpec(irreps1, irreps2, irrepsOut, paths, options), errors);
    }

    /// <summary>A product beyond a size limit: the instructions' fault when they are written, otherwise the output irreps' (they derive the paths).</summary>
    private static EquivarianceError TooLarge(InstructionParseResult? parsed, string message) =>
        parsed is not null
            ? new EquivarianceError(EquivarianceErrorKind.MalformedInstructions, message, EquivarianceText.Instructions)
            : new EquivarianceError(EquivarianceErrorKind.MalformedIrreps, message, EquivarianceText.IrrepsOut);

    private static Irreps? ParseIrreps(string? text, EquivarianceText where, List<EquivarianceError> errors)
    {
        IrrepsParseResult result = IrrepsParser.Parse(text, where);
        if (result.Error is not null)
        {
            errors.Add(result.Error);
            return null;
        }

        return result.Irreps;
    }
}
