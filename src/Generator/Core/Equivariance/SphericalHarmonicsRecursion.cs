using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace TensorGen.Equivariance;

/// <summary>One term of the recursion: Yˡ⁺¹[I] += Coefficient · v[J] · Yˡ[K].</summary>
internal readonly struct ShRecursionTerm
{
    public ShRecursionTerm(int i, int j, int k, SqrtRational exact)
    {
        I = i;
        J = j;
        K = k;
        Exact = exact;
        Value = exact.ToDouble();
    }

    public int I { get; }

    public int J { get; }

    public int K { get; }

    public SqrtRational Exact { get; }

    public double Value { get; }
}

/// <summary>
/// e3nn's real spherical harmonics as polynomials of (x, y, z), y the polar axis: Y⁰ = 1, Y¹ = √3 (x, y, z), and
/// Yˡ⁺¹_i = N_l Σ_jk C(l+1, 1, l)_ijk v_j Yˡ_k with C the Wigner 3j symbol and N_l &gt; 0 chosen so that
/// ‖Yˡ⁺¹(ŷ)‖² = 2l + 3 — the construction e3nn's <c>_spherical_harmonics_generator</c> used to write its polynomials
/// ("component" normalization, ‖Yˡ‖² = 2l + 1 on the unit sphere). Coefficients are exact.
/// </summary>
internal static class SphericalHarmonicsRecursion
{
    private static readonly ConcurrentDictionary<int, IReadOnlyList<ShRecursionTerm>> s_steps = new();

    /// <summary>The terms that give Yˡ⁺¹ from Yˡ and the unit vector (for l ≥ 0; the step from l = 0 gives √3 (x, y, z)).</summary>
    public static IReadOnlyList<ShRecursionTerm> Step(int l) => s_steps.GetOrAdd(l, Compute);

    /// <summary>Y⁰..Y^lmax at (x, y, z) in component normalization, concatenated (a reference evaluation in double).</summary>
    public static double[] Evaluate(int lmax, double x, double y, double z)
    {
        var result = new double[(lmax + 1) * (lmax + 1)];
        result[0] = 1.0;
        double[] v = { x, y, z };
        for (int l = 0; l < lmax; l++)
        {
            int previous = l * l;
            int next = (l + 1) * (l + 1);
            foreach (ShRecursionTerm term in Step(l))
            {
                result[next + term.I] += term.Value * v[term.J] * result[previous + term.K];
            }
        }

        return result;
    }

    private static IReadOnlyList<ShRecursionTerm> Compute(int l)
    {
        Wigner3j symbol = Wigner3j.Get(l + 1, 1, l);

        // At ŷ only Yˡ's m = 0 component (index l) is non-zero, with |Yˡ_l(ŷ)| = √(2l+1); v = ŷ selects j = 1.
        Rational atPole = symbol.Entries.Where(e => e.J == 1 && e.K == l).Aggregate(Rational.Zero, (sum, e) => sum + e.Exact.Radicand);
        SqrtRational normalization = SqrtRational.Sqrt(new Rational(2 * l + 3, 2 * l + 1) / atPole);
        return symbol.Entries.Select(e => new ShRecursionTerm(e.I, e.J, e.K, e.Exact * normalization)).ToList();
    }
}
