using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Numerics;

namespace TensorGen.Tests.Reference;

/// <summary>
/// The tests' own Wigner 3j symbols in e3nn's real basis, sharing nothing with src: Clebsch–Gordan coefficients by Racah's formula
/// in exact integers (Racah 1942; the form e3nn's <c>_su2_clebsch_gordan_coeff</c> evaluates), turned real by e3nn's change of
/// basis (<c>change_basis_real_to_complex</c>: the real form of Wikipedia's "Spherical harmonics", times (−i)ˡ so that the result is
/// real), C_real[j, l, m] = Σ Q₁[i, j] Q₂[k, l] conj(Q₃[n, m]) C[i, k, n], then divided by its Frobenius norm (e3nn ≥ 0.5). The legacy
/// convention (e3nn 0.4.4) stores the symbol of the sorted triple, signed so that its central entry (else its first non-zero) is
/// positive, and reorders it for the other five orderings, odd permutations times (−1)^(l₁+l₂+l₃), the last matching ordering
/// winning as in e3nn 0.4.4's <c>wigner_3j</c>.
/// </summary>
public static class ReferenceWigner3j
{
    private static readonly ConcurrentDictionary<(int, int, int, bool), double[,,]> s_cache = new();

    /// <summary>C[i, j, k] of (l₁, l₂, l₃), e3nn ≥ 0.5 (or, <paramref name="legacy"/>, e3nn 0.4.4); a fresh copy.</summary>
    public static double[,,] Get(int l1, int l2, int l3, bool legacy = false)
    {
        if (l3 < Math.Abs(l1 - l2) || l3 > l1 + l2)
        {
            throw new ArgumentException($"({l1}, {l2}, {l3}) is not a triangle.");
        }

        return (double[,,])s_cache.GetOrAdd((l1, l2, l3, legacy), key => key.Item4 ? Legacy(l1, l2, l3) : Real(l1, l2, l3)).Clone();
    }

    /// <summary>⟨j₁ m₁ j₂ m₂ | j₃ m₃⟩ by Racah's formula: √(rational) × (a sum of rationals), exact until the final square root.</summary>
    public static double ClebschGordan(int j1, int m1, int j2, int m2, int j3, int m3)
    {
        if (m3 != m1 + m2 || Math.Abs(m1) > j1 || Math.Abs(m2) > j2 || Math.Abs(m3) > j3)
        {
            return 0;
        }

        BigInteger radicandNumerator = (2 * j3 + 1) * F(j3 + j1 - j2) * F(j3 - j1 + j2) * F(j1 + j2 - j3) * F(j3 + m3) * F(j3 - m3);
        BigInteger radicandDenominator = F(j1 + j2 + j3 + 1) * F(j1 - m1) * F(j1 + m1) * F(j2 - m2) * F(j2 + m2);
        BigInteger sumNumerator = BigInteger.Zero, sumDenominator = BigInteger.One;
        int vMin = Math.Max(Math.Max(-j1 + j2 + m3, -j1 + m1), 0), vMax = Math.Min(Math.Min(j2 + j3 + m1, j3 - j1 + j2), j3 + m3);
        for (int v = vMin; v <= vMax; v++)
        {
            BigInteger numerator = F(j2 + j3 + m1 - v) * F(j1 - m1 + v) * (((v + j2 + m2) % 2 == 0) ? 1 : -1);
            BigInteger denominator = F(v) * F(j3 - j1 + j2 - v) * F(j3 + m3 - v) * F(v + j1 - j2 - m3);
            sumNumerator = (sumNumerator * denominator) + (numerator * sumDenominator);
            sumDenominator *= denominator;
        }

        if (sumNumerator.IsZero)
        {
            return 0;
        }

        // value² = radicand × sum², one exact rational; its square root carries the sum's sign.
        BigInteger squareNumerator = radicandNumerator * sumNumerator * sumNumerator, squareDenominator = radicandDenominator * sumDenominator * sumDenominator;
        BigInteger gcd = BigInteger.GreatestCommonDivisor(squareNumerator, squareDenominator);
        return sumNumerator.Sign * Math.Sqrt(Ratio(squareNumerator / gcd, squareDenominator / gcd));
    }

    /// <summary>e3nn's Q of degree l: Q[row, column], the complex spherical harmonic row from the real ones (column).</summary>
    public static Complex[,] RealToComplex(int l)
    {
        var q = new Complex[(2 * l) + 1, (2 * l) + 1];
        double h = 1 / Math.Sqrt(2);
        for (int m = -l; m < 0; m++)
        {
            q[l + m, l - m] = h;
            q[l + m, l + m] = new Complex(0, -h);
        }

        q[l, l] = 1;
        for (int m = 1; m <= l; m++)
        {
            double sign = m % 2 == 0 ? 1 : -1;
            q[l + m, l + m] = sign * h;
            q[l + m, l - m] = new Complex(0, sign * h);
        }

        Complex phase = Complex.Pow(new Complex(0, -1), l);
        for (int i = 0; i <= 2 * l; i++)
        {
            for (int j = 0; j <= 2 * l; j++)
            {
                q[i, j] *= phase;
            }
        }

        return q;
    }

    private static double[,,] Real(int l1, int l2, int l3)
    {
        int d1 = (2 * l1) + 1, d2 = (2 * l2) + 1, d3 = (2 * l3) + 1;
        Complex[,] q1 = RealToComplex(l1), q2 = RealToComplex(l2), q3 = RealToComplex(l3);
        var complex = new double[d1, d2, d3];
        for (int i = 0; i < d1; i++)
        {
            for (int k = 0; k < d2; k++)
            {
                int m3 = (i - l1) + (k - l2);
                if (Math.Abs(m3) <= l3)
                {
                    complex[i, k, l3 + m3] = ClebschGordan(l1, i - l1, l2, k - l2, l3, m3);
                }
            }
        }

        var real = new double[d1, d2, d3];
        double norm = 0, imaginary = 0;
        for (int j = 0; j < d1; j++)
        {
            for (int l = 0; l < d2; l++)
            {
                for (int m = 0; m < d3; m++)
                {
                    Complex sum = Complex.Zero;
                    for (int i = 0; i < d1; i++)
                    {
                        if (q1[i, j] == Complex.Zero)
                        {
                            continue;
                        }

                        for (int k = 0; k < d2; k++)
                        {
                            if (q2[k, l] == Complex.Zero)
                            {
                                continue;
                            }

                            for (int n = 0; n < d3; n++)
                            {
                                if (complex[i, k, n] != 0 && q3[n, m] != Complex.Zero)
                                {
                                    sum += q1[i, j] * q2[k, l] * Complex.Conjugate(q3[n, m]) * complex[i, k, n];
                                }
                            }
                        }
                    }

                    real[j, l, m] = sum.Real;
                    imaginary = Math.Max(imaginary, Math.Abs(sum.Imaginary));
                    norm += sum.Real * sum.Real;
                }
            }
        }

        if (imaginary > 1e-12)
        {
            throw new InvalidOperationException($"C({l1},{l2},{l3}) has an imaginary part {imaginary:R} in the real basis.");
        }

        Scale(real, 1 / Math.Sqrt(norm));
        return real;
    }

    private static double[,,] Legacy(int l1, int l2, int l3)
    {
        int[] sorted = [.. new[] { l1, l2, l3 }.Order()];
        double[,,] stored = Real(sorted[0], sorted[1], sorted[2]);
        double central = stored[sorted[0], sorted[1], sorted[2]];
        double sign = central != 0 ? Math.Sign(central) : Math.Sign(stored.Cast<double>().First(v => v != 0));
        Scale(stored, sign);

        // out[i, j, k] = stored[...] for each ordering e3nn 0.4.4 checks; the last that matches is the one it returns.
        double odd = (l1 + l2 + l3) % 2 == 0 ? 1 : -1;
        Func<int, int, int, double> entry = (i, j, k) => stored[i, j, k];
        if (l1 <= l2 && l2 <= l3)
        {
            entry = (i, j, k) => stored[i, j, k];
        }

        if (l1 <= l3 && l3 <= l2)
        {
            entry = (i, j, k) => odd * stored[i, k, j];
        }

        if (l2 <= l1 && l1 <= l3)
        {
            entry = (i, j, k) => odd * stored[j, i, k];
        }

        if (l3 <= l2 && l2 <= l1)
        {
            entry = (i, j, k) => odd * stored[k, j, i];
        }

        if (l2 <= l3 && l3 <= l1)
        {
            entry = (i, j, k) => stored[j, k, i];
        }

        if (l3 <= l1 && l1 <= l2)
        {
            entry = (i, j, k) => stored[k, i, j];
        }

        var result = new double[(2 * l1) + 1, (2 * l2) + 1, (2 * l3) + 1];
        for (int i = 0; i <= 2 * l1; i++)
        {
            for (int j = 0; j <= 2 * l2; j++)
            {
                for (int k = 0; k <= 2 * l3; k++)
                {
                    result[i, j, k] = entry(i, j, k);
                }
            }
        }

        return result;
    }

    private static void Scale(double[,,] c, double factor)
    {
        for (int i = 0; i < c.GetLength(0); i++)
        {
            for (int j = 0; j < c.GetLength(1); j++)
            {
                for (int k = 0; k < c.GetLength(2); k++)
                {
                    c[i, j, k] *= factor;
                }
            }
        }
    }

    private static BigInteger F(int n)
    {
        BigInteger product = BigInteger.One;
        for (int k = 2; k <= n; k++)
        {
            product *= k;
        }

        return product;
    }

    /// <summary>numerator / denominator in double, exact to rounding however large the integers are.</summary>
    private static double Ratio(BigInteger numerator, BigInteger denominator)
    {
        int shift = Math.Max(0, (int)Math.Max(numerator.GetBitLength(), denominator.GetBitLength()) - 1000);
        return (double)(numerator >> shift) / (double)(denominator >> shift);
    }
}
