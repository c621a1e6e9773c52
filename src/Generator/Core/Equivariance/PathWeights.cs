using System;
using System.Collections.Generic;
using System.Linq;

namespace TensorGen.Equivariance;

/// <summary>
/// e3nn's path weights (<c>TensorProduct.__init__</c>, input and output variances 1): for each instruction
/// √(α · pathWeight) with α = (component: 2l_out+1 | norm: (2l₁+1)(2l₂+1) | none: 1) divided by x, where x is
/// (element: Σ num_elements over the instructions into the same output block | path: num_elements of this one ×
/// the number of instructions into the block | none: 1), and num_elements = uvw: mul₁·mul₂, uvu: mul₂, uvv: mul₁,
/// uuw: mul₁, uuu and uvuv: 1. Computed in double in e3nn's order of operations, so the values match it to the last bit.
/// </summary>
internal static class PathWeights
{
    public static double[] Compute(IReadOnlyList<TensorProductInstruction> instructions, Irreps irreps1, Irreps irreps2, Irreps irrepsOut,
        IrrepNormalizationRule irrepNormalization, PathNormalizationRule pathNormalization)
    {
        double NumElements(TensorProductInstruction ins) => ins.Mode.NumElements(irreps1[ins.In1].Mul, irreps2[ins.In2].Mul);

        var weights = new double[instructions.Count];
        for (int n = 0; n < instructions.Count; n++)
        {
            TensorProductInstruction ins = instructions[n];
            double alpha = irrepNormalization switch
            {
                IrrepNormalizationRule.Component => irrepsOut[ins.Out].Irrep.Dim,
                IrrepNormalizationRule.Norm => irreps1[ins.In1].Irrep.Dim * irreps2[ins.In2].Irrep.Dim,
                _ => 1,
            };

            IEnumerable<TensorProductInstruction> sameOutput = instructions.Where(i => i.Out == ins.Out);
            double x = pathNormalization switch
            {
                // e3nn sums 1.0 · 1.0 · num_elements in instruction order.
                PathNormalizationRule.Element => sameOutput.Aggregate(0.0, (sum, i) => sum + (1.0 * 1.0 * NumElements(i))),
                PathNormalizationRule.Path => 1.0 * 1.0 * NumElements(ins) * sameOutput.Count(),
                _ => 1,
            };

            if (x > 0.0)
            {
                alpha /= x;
            }

            alpha *= 1.0; // out_var
            alpha *= ins.PathWeight;
            weights[n] = Math.Sqrt(alpha);
        }

        return weights;
    }
}
