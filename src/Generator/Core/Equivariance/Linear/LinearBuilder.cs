using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Model;

namespace TensorGen.Equivariance;

/// <summary>The linear layer, or what is wrong with its declaration (every independent problem).</summary>
internal sealed class LinearBuildResult
{
    public LinearBuildResult(LinearSpec? spec, IReadOnlyList<EquivarianceError> errors)
    {
        Spec = spec;
        Errors = errors;
    }

    public LinearSpec? Spec { get; }

    public IReadOnlyList<EquivarianceError> Errors { get; }
}

/// <summary>
/// Builds e3nn's <c>o3.Linear</c> (e3nn 0.5, <c>o3/_linear.py</c>) from its irreps: the default instructions — every (input block,
/// output block) pair of the same irrep, input block outer — with e3nn's path weights, and the biases on 0e outputs.
/// </summary>
internal static class LinearBuilder
{
    /// <param name="irrepsIn">The input's irreps text.</param>
    /// <param name="irrepsOut">The output's irreps text.</param>
    /// <param name="biases">e3nn's <c>biases=True</c>: a bias per channel of every 0e output block.</param>
    /// <param name="normalization">e3nn's <c>path_normalization</c> (None: every path weight 1).</param>
    public static LinearBuildResult Build(string? irrepsIn, string? irrepsOut, bool biases, PathNormalizationRule normalization)
    {
        var errors = new List<EquivarianceError>();
        IrrepsParseResult input = IrrepsParser.Parse(irrepsIn, EquivarianceText.Irreps1);
        IrrepsParseResult output = IrrepsParser.Parse(irrepsOut, EquivarianceText.IrrepsOut);
        if (input.Error is not null)
        {
            errors.Add(input.Error);
        }

        if (output.Error is not null)
        {
            errors.Add(output.Error);
        }

        if (input.Irreps is null || output.Irreps is null)
        {
            return new LinearBuildResult(null, errors);
        }

        return new LinearBuildResult(Build(input.Irreps, output.Irreps, biases, normalization), errors);
    }

    /// <summary>The layer over parsed irreps (never fails).</summary>
    public static LinearSpec Build(Irreps irrepsIn, Irreps irrepsOut, bool biases, PathNormalizationRule normalization)
    {
        // e3nn's default instructions, in its order: input block outer, output block inner.
        var pairs = new List<(int In, int Out)>();
        for (int i = 0; i < irrepsIn.Count; i++)
        {
            for (int o = 0; o < irrepsOut.Count; o++)
            {
                if (irrepsIn[i].Irrep == irrepsOut[o].Irrep)
                {
                    pairs.Add((i, o));
                }
            }
        }

        var paths = new List<LinearPath>();
        int weightOffset = 0;
        foreach (var (i, o) in pairs)
        {
            MulIrrep blockIn = irrepsIn[i], blockOut = irrepsOut[o];
            double pathWeight = PathWeight(irrepsIn, pairs, i, o, normalization);

            // e3nn counts an empty block's instruction in the fan-in, but generates no code for it (its path shape has a 0).
            if (blockIn.Mul == 0 || blockOut.Mul == 0)
            {
                continue;
            }

            paths.Add(new LinearPath(i, o, blockIn.Mul, blockOut.Mul, blockIn.Irrep.Dim, irrepsIn.Offsets[i], irrepsOut.Offsets[o], weightOffset, pathWeight));
            weightOffset = checked(weightOffset + (blockIn.Mul * blockOut.Mul));
        }

        var biasList = new List<LinearBias>();
        int biasOffset = 0;
        if (biases)
        {
            for (int o = 0; o < irrepsOut.Count; o++)
            {
                MulIrrep block = irrepsOut[o];
                if (block.Irrep == new Irrep(0, 1) && block.Mul > 0)
                {
                    biasList.Add(new LinearBias(o, block.Mul, irrepsOut.Offsets[o], biasOffset));
                    biasOffset += block.Mul;
                }
            }
        }

        return new LinearSpec(irrepsIn, irrepsOut, paths.ToEquatableArray(), biasList.ToEquatableArray());
    }

    /// <summary>
    /// e3nn's <c>alpha(ins) ** -0.5</c>: element normalization divides by the input channels of every instruction into the output
    /// block, path normalization by this instruction's input channels times the number of instructions into the block; a
    /// fan-in of 0 counts as 1.
    /// </summary>
    private static double PathWeight(Irreps irrepsIn, List<(int In, int Out)> pairs, int input, int output, PathNormalizationRule normalization)
    {
        if (normalization == PathNormalizationRule.None)
        {
            return 1.0;
        }

        long fanIn = pairs.Where(p => p.Out == output).Sum(p => (long)irrepsIn[normalization == PathNormalizationRule.Element ? p.In : input].Mul);
        return fanIn == 0 ? 1.0 : 1.0 / Math.Sqrt(fanIn);
    }

    /// <summary>The path table for headers and messages, one line per path.</summary>
    public static IEnumerable<string> Describe(LinearSpec spec) =>
        spec.Paths.Select(p => string.Format(CultureInfo.InvariantCulture,
            "{0,3} → {1,-3} {2}x{3} → {4}x{3}   weights [{5}, {6}] at {7,6}   path weight {8:R}",
            p.InputBlock, p.OutputBlock, p.MulIn, spec.IrrepsIn[p.InputBlock].Irrep, p.MulOut, p.MulIn, p.MulOut, p.WeightOffset, p.PathWeight));
}
