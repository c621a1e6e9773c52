using System;
using System.Collections.Generic;
using System.Numerics;

namespace TensorGen.Equivariance;

/// <summary>
/// SU(2) Clebsch–Gordan coefficients ⟨j₁ m₁ j₂ m₂ | j₃ m₃⟩ for integer angular momenta, exactly, by Racah's
/// formula (Racah 1942, Phys. Rev. 62, 438; Varshalovich et al. §8.2.1, eq. 3) with the Condon–Shortley phase —
/// the convention e3nn's <c>_su2_clebsch_gordan_coeff</c> uses.
/// </summary>
internal static class ClebschGordan
{
    /// <summary>⟨j₁ m₁ j₂ m₂ | j₃ m₃⟩; zero unless m₁ + m₂ = m₃, |mᵢ| ≤ jᵢ and the triangle rule holds.</summary>
    public static SqrtRational Coefficient(int j1, int m1, int j2, int m2, int j3, int m3)
    {
        if (m1 + m2 != m3 || Math.Abs(m1) > j1 || Math.Abs(m2) > j2 || Math.Abs(m3) > j3
            || j3 < Math.Abs(j1 - j2) || j3 > j1 + j2)
        {
            return SqrtRational.Zero;
        }

        // (2j₃+1)·(j₃+j₁−j₂)!(j₃−j₁+j₂)!(j₁+j₂−j₃)!(j₃+m₃)!(j₃−m₃)! / ((j₁+j₂+j₃+1)!(j₁−m₁)!(j₁+m₁)!(j₂−m₂)!(j₂+m₂)!)
        Rational prefactor = new Rational(
            (2 * j3 + 1) * Factorial(j3 + j1 - j2) * Factorial(j3 - j1 + j2) * Factorial(j1 + j2 - j3) * Factorial(j3 + m3) * Factorial(j3 - m3),
            Factorial(j1 + j2 + j3 + 1) * Factorial(j1 - m1) * Factorial(j1 + m1) * Factorial(j2 - m2) * Factorial(j2 + m2));

        int vmin = Math.Max(Math.Max(-j1 + j2 + m3, -j1 + m1), 0);
        int vmax = Math.Min(Math.Min(j2 + j3 + m1, j3 - j1 + j2), j3 + m3);
        Rational sum = Rational.Zero;
        for (int v = vmin; v <= vmax; v++)
        {
            var term = new Rational(
                Factorial(j2 + j3 + m1 - v) * Factorial(j1 - m1 + v),
                Factorial(v) * Factorial(j3 - j1 + j2 - v) * Factorial(j3 + m3 - v) * Factorial(v + j1 - j2 - m3));
            sum = ((v + j2 + m2) % 2 == 0) ? sum + term : sum - term;
        }

        return SqrtRational.Sqrt(prefactor) * SqrtRational.FromRational(sum);
    }

    private static readonly List<BigInteger> s_factorials = new() { BigInteger.One };

    private static BigInteger Factorial(int n)
    {
        if (n < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), "Factorial of a negative number.");
        }

        lock (s_factorials)
        {
            for (int k = s_factorials.Count; k <= n; k++)
            {
                s_factorials.Add(s_factorials[k - 1] * k);
            }

            return s_factorials[n];
        }
    }
}
