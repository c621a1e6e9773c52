using System.Collections.Generic;
using System.Linq;

namespace TensorGen.Equivariance;

/// <summary>Spherical harmonics to generate: the output irreps (mul copies of Yˡ per block), whether inputs are normalized, and the output normalization.</summary>
internal sealed class SphericalHarmonicsSpec
{
    public SphericalHarmonicsSpec(Irreps irreps, bool normalize, ShNormalizationRule normalization)
    {
        Irreps = irreps;
        Normalize = normalize;
        Normalization = normalization;
    }

    public Irreps Irreps { get; }

    public bool Normalize { get; }

    public ShNormalizationRule Normalization { get; }

    public int LMax => Irreps.Blocks.Where(b => b.Mul > 0).Select(b => b.Irrep.L).DefaultIfEmpty(-1).Max();

    /// <summary>
    /// The block whose parity contradicts the others, if any: spherical harmonics of a vector (1o) have parity (−1)ˡ, of a
    /// pseudovector (1e) parity +1; e3nn takes the input to be a pseudovector when some odd l has even parity.
    /// </summary>
    public static int FirstWrongParity(Irreps irreps)
    {
        bool pseudovector = IsPseudovector(irreps);
        for (int b = 0; b < irreps.Count; b++)
        {
            Irrep irrep = irreps[b].Irrep;
            int expected = pseudovector ? 1 : (irrep.L % 2 == 0 ? 1 : -1);
            if (irrep.Parity != expected)
            {
                return b;
            }
        }

        return -1;
    }

    /// <summary>Whether e3nn would take the input for a pseudovector (1e): some odd l has even parity.</summary>
    public static bool IsPseudovector(Irreps irreps) => irreps.Blocks.Any(b => b.Irrep.L % 2 == 1 && b.Irrep.Parity == 1);

    /// <summary>Operations per row: the recursion's terms (a multiply and a multiply-add each) and the output scaling.</summary>
    public long Flops()
    {
        long flops = 0;
        for (int l = 0; l < LMax; l++)
        {
            flops += 3L * SphericalHarmonicsRecursion.Step(l).Count;
        }

        return flops + Irreps.Dim + (Normalize ? 9 : 0);
    }

    public IEnumerable<int> Degrees => Enumerable.Range(0, LMax + 1);
}
