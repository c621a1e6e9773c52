using System;
using System.Collections.Generic;
using System.Linq;
using TensorGen.Equivariance;

namespace TensorGen.Tests.Reference;

/// <summary>
/// e3nn's normalized path weights (<c>TensorProduct.__init__</c>, e3nn 0.5), written from its formula and sharing nothing with src:
/// α = dim(out) (component), dim(in1)·dim(in2) (norm) or 1 (none); divided, when positive, by x = Σ over the instructions into the
/// same output block of num_elements (element), or num_elements of this instruction times the number of instructions into its
/// output block (path), or 1 (none); times the instruction's own path weight; the coefficient is √α. The input and output variances
/// are 1 (TensorGen has no option for them). num_elements is the number of (u, v) pairs summed into one output channel:
/// uvw mul1·mul2, uvu mul2, uvv mul1, uuw mul1, uuu and uvuv 1.
/// </summary>
public static class ReferencePathWeights
{
    /// <param name="irreps1">x1's blocks as (mul, l).</param>
    /// <param name="irreps2">x2's blocks.</param>
    /// <param name="irrepsOut">The output's blocks.</param>
    /// <param name="instructions">(in1, in2, out, mode, user path weight) per instruction.</param>
    /// <param name="irrepNormalization">e3nn's irrep_normalization.</param>
    /// <param name="pathNormalization">e3nn's path_normalization.</param>
    public static double[] Of(IReadOnlyList<(int Mul, int L)> irreps1, IReadOnlyList<(int Mul, int L)> irreps2, IReadOnlyList<(int Mul, int L)> irrepsOut,
        IReadOnlyList<(int In1, int In2, int Out, string Mode, double PathWeight)> instructions, IrrepNormalization irrepNormalization,
        PathNormalization pathNormalization)
    {
        double Elements((int In1, int In2, int Out, string Mode, double PathWeight) i) => i.Mode switch
        {
            "uvw" => irreps1[i.In1].Mul * irreps2[i.In2].Mul,
            "uvu" => irreps2[i.In2].Mul,
            "uvv" => irreps1[i.In1].Mul,
            "uuw" => irreps1[i.In1].Mul,
            "uuu" or "uvuv" => 1,
            _ => throw new ArgumentException("Unknown mode " + i.Mode),
        };

        return instructions.Select(ins =>
        {
            double alpha = irrepNormalization switch
            {
                IrrepNormalization.Component => (2 * irrepsOut[ins.Out].L) + 1,
                IrrepNormalization.Norm => ((2 * irreps1[ins.In1].L) + 1) * ((2 * irreps2[ins.In2].L) + 1),
                _ => 1,
            };
            var sameOutput = instructions.Where(i => i.Out == ins.Out).ToList();
            double x = pathNormalization switch
            {
                PathNormalization.Element => sameOutput.Sum(Elements),
                PathNormalization.Path => Elements(ins) * sameOutput.Count,
                _ => 1,
            };
            if (x > 0)
            {
                alpha /= x;
            }

            return Math.Sqrt(alpha * ins.PathWeight);
        }).ToArray();
    }
}
