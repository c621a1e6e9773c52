using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace TensorGen.Equivariance;

/// <summary>Which sign convention of the real Wigner 3j symbols (they are fixed only up to a sign per (l₁, l₂, l₃)).</summary>
internal enum Wigner3jPhase
{
    /// <summary>e3nn ≥ 0.5: Clebsch–Gordan coefficients changed to the real basis (<see cref="RealBasis"/>) and normalized.</summary>
    E3nn = 0,

    /// <summary>
    /// e3nn ≤ 0.4.4 (which MACE pins; mace issues #555, #1249): the symbol for l₁ ≤ l₂ ≤ l₃ signed so that its
    /// central entry — or, when that is zero, its first non-zero entry in row-major order — is positive, and the
    /// other orders obtained by permuting axes, times (−1)^(l₁+l₂+l₃) for odd permutations.
    /// </summary>
    E3nnLegacy = 1,
}

/// <summary>One non-zero entry C[i, j, k] of a real Wigner 3j symbol.</summary>
internal readonly struct Wigner3jEntry
{
    public Wigner3jEntry(int i, int j, int k, SqrtRational exact)
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

    /// <summary>The exact value, sign·√(rational).</summary>
    public SqrtRational Exact { get; }

    /// <summary>The exact value rounded once to the nearest double.</summary>
    public double Value { get; }
}

/// <summary>
/// The real Wigner 3j symbol C of e3nn, shape (2l₁+1, 2l₂+1, 2l₃+1): invariant, C_ijk = C_lmn D¹_li D²_mj D³_nk for
/// every rotation, with Frobenius norm 1. Computed exactly — SU(2) Clebsch–Gordan coefficients in rational
/// arithmetic (<see cref="ClebschGordan"/>), changed to the real basis with e3nn's (−i)ˡ phase, real part, scaled to
/// norm 1 — and rounded once. Only its non-zero entries are kept.
/// </summary>
internal sealed class Wigner3j
{
    private static readonly ConcurrentDictionary<(int, int, int, Wigner3jPhase), Wigner3j> s_cache = new();

    private Wigner3j(int l1, int l2, int l3, IReadOnlyList<Wigner3jEntry> entries)
    {
        L1 = l1;
        L2 = l2;
        L3 = l3;
        Entries = entries;
    }

    public int L1 { get; }

    public int L2 { get; }

    public int L3 { get; }

    /// <summary>The non-zero entries in row-major (i, j, k) order.</summary>
    public IReadOnlyList<Wigner3jEntry> Entries { get; }

    /// <summary>Whether (l₁, l₂, l₃) satisfies the triangle rule |l₁ − l₂| ≤ l₃ ≤ l₁ + l₂ (all non-negative).</summary>
    public static bool IsTriangle(int l1, int l2, int l3) =>
        l1 >= 0 && l2 >= 0 && l3 >= 0 && Math.Abs(l1 - l2) <= l3 && l3 <= l1 + l2;

    /// <exception cref="ArgumentException">The triangle rule does not hold.</exception>
    public static Wigner3j Get(int l1, int l2, int l3, Wigner3jPhase phase = Wigner3jPhase.E3nn)
    {
        if (!IsTriangle(l1, l2, l3))
        {
            throw new ArgumentException($"(l1, l2, l3) = ({l1}, {l2}, {l3}) violates the triangle rule |l1 - l2| <= l3 <= l1 + l2.");
        }

        return s_cache.GetOrAdd((l1, l2, l3, phase), key => key.Item4 == Wigner3jPhase.E3nn
            ? new Wigner3j(l1, l2, l3, ComputeE3nn(l1, l2, l3))
            : Legacy(l1, l2, l3));
    }

    /// <summary>The dense symbol, row-major.</summary>
    public double[] ToDense()
    {
        int d2 = 2 * L2 + 1;
        int d3 = 2 * L3 + 1;
        double[] dense = new double[(2 * L1 + 1) * d2 * d3];
        foreach (Wigner3jEntry entry in Entries)
        {
            dense[((entry.I * d2) + entry.J) * d3 + entry.K] = entry.Value;
        }

        return dense;
    }

    private static List<Wigner3jEntry> ComputeE3nn(int l1, int l2, int l3)
    {
        // C[a, b, c] = Σ Q1[i, a] Q2[k, b] conj(Q3[n, c]) CG[i, k, n]   (e3nn _so3_clebsch_gordan)
        var raw = new List<(int A, int B, int C, SqrtRational Value)>();

        // The third basis's columns once, not once per (a, b): the same exact values, far fewer allocations.
        var columns3 = new (int Row, ComplexQuadratic Value)[2 * l3 + 1][];
        for (int c = 0; c <= 2 * l3; c++)
        {
            columns3[c] = RealBasis.Column(l3, c);
        }

        for (int a = 0; a <= 2 * l1; a++)
        {
            var column1 = RealBasis.Column(l1, a);
            for (int b = 0; b <= 2 * l2; b++)
            {
                var column2 = RealBasis.Column(l2, b);
                for (int c = 0; c <= 2 * l3; c++)
                {
                    ComplexQuadratic sum = ComplexQuadratic.Zero;
                    foreach (var (i, q1) in column1)
                    {
                        foreach (var (k, q2) in column2)
                        {
                            foreach (var (n, q3) in columns3[c])
                            {
                                SqrtRational cg = ClebschGordan.Coefficient(l1, i - l1, l2, k - l2, l3, n - l3);
                                if (!cg.IsZero)
                                {
                                    sum += q1 * q2 * q3.Conjugate() * new ComplexQuadratic(QuadraticSum.From(cg), QuadraticSum.Zero);
                                }
                            }
                        }
                    }

                    if (!sum.Imaginary.IsZero)
                    {
                        throw new InvalidOperationException($"The real Wigner 3j symbol ({l1}, {l2}, {l3}) has an imaginary entry at ({a}, {b}, {c}).");
                    }

                    if (!sum.Real.IsZero)
                    {
                        raw.Add((a, b, c, sum.Real.ToSqrtRational()));
                    }
                }
            }
        }

        // Frobenius normalization: divide by √(Σ C²), exactly.
        Rational squaredNorm = raw.Aggregate(Rational.Zero, (total, entry) => total + entry.Value.Radicand);
        SqrtRational norm = SqrtRational.Sqrt(squaredNorm);
        return raw.Select(e => new Wigner3jEntry(e.A, e.B, e.C, e.Value / norm)).ToList();
    }

    private static Wigner3j Legacy(int l1, int l2, int l3)
    {
        // The stored symbol for the sorted triple, signed by e3nn 0.4's rule.
        int[] sorted = new[] { l1, l2, l3 }.OrderBy(l => l).ToArray();
        int a = sorted[0], b = sorted[1], c = sorted[2];
        IReadOnlyList<Wigner3jEntry> stored = Get(a, b, c, Wigner3jPhase.E3nn).Entries;
        Wigner3jEntry? central = stored.Cast<Wigner3jEntry?>().FirstOrDefault(e => e!.Value.I == a && e.Value.J == b && e.Value.K == c);
        int reference = (central ?? stored[0]).Exact.Sign;

        // e3nn 0.4.4's wigner_3j checks six orderings in sequence and the last one that matches wins; each maps
        // out[i, j, k] to an entry of the stored symbol, with (−1)^(l₁+l₂+l₃) for the odd permutations.
        int oddSign = (l1 + l2 + l3) % 2 == 0 ? 1 : -1;
        Func<Wigner3jEntry, (int, int, int)> map = e => (e.I, e.J, e.K);
        int sign = 1;
        if (l1 <= l2 && l2 <= l3)
        {
            map = e => (e.I, e.J, e.K);
            sign = 1;
        }

        if (l1 <= l3 && l3 <= l2)
        {
            map = e => (e.I, e.K, e.J); // stored (l1, l3, l2), out[i,j,k] = S[i,k,j]
            sign = oddSign;
        }

        if (l2 <= l1 && l1 <= l3)
        {
            map = e => (e.J, e.I, e.K); // stored (l2, l1, l3), out[i,j,k] = S[j,i,k]
            sign = oddSign;
        }

        if (l3 <= l2 && l2 <= l1)
        {
            map = e => (e.K, e.J, e.I); // stored (l3, l2, l1), out[i,j,k] = S[k,j,i]
            sign = oddSign;
        }

        if (l2 <= l3 && l3 <= l1)
        {
            map = e => (e.K, e.I, e.J); // stored (l2, l3, l1), out[i,j,k] = S[j,k,i]
            sign = 1;
        }

        if (l3 <= l1 && l1 <= l2)
        {
            map = e => (e.J, e.K, e.I); // stored (l3, l1, l2), out[i,j,k] = S[k,i,j]
            sign = 1;
        }

        int total = sign * reference;
        var entries = stored
            .Select(e =>
            {
                var (i, j, k) = map(e);
                return new Wigner3jEntry(i, j, k, total < 0 ? -e.Exact : e.Exact);
            })
            .OrderBy(e => e.I).ThenBy(e => e.J).ThenBy(e => e.K)
            .ToList();
        return new Wigner3j(l1, l2, l3, entries);
    }
}
