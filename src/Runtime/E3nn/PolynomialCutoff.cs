using System;

namespace TensorGen.Runtime.E3nn;

/// <summary>
/// The smooth cutoff envelope of DimeNet (Klicpera, Groß, Günnemann 2020, eq. 8) that NequIP and MACE use
/// (<c>PolynomialCutoff(r_max, p)</c>, p = 6 by default): u(d) = 1 − (p+1)(p+2)/2 dᵖ + p(p+2) dᵖ⁺¹ − p(p+1)/2 dᵖ⁺², d = r / r_c,
/// and 0 from the cutoff on. u, u′ and u″ vanish at d = 1, so energies and forces leave the cutoff smoothly.
/// </summary>
public static class PolynomialCutoff
{
    /// <summary>u(r) and du/dr.</summary>
    /// <param name="r">The distance.</param>
    /// <param name="cutoff">r_c (NequIP's and MACE's <c>r_max</c>).</param>
    /// <param name="p">The exponent (NequIP's and MACE's default 6).</param>
    public static (double Value, double Derivative) Evaluate(double r, double cutoff, double p = 6)
    {
        double d = r / cutoff;
        if (!(d < 1))
        {
            return (0, 0); // as the references' "* (x < r_max)"
        }

        double dp = Math.Pow(d, p);
        double value = 1 - ((p + 1) * (p + 2) / 2 * dp) + (p * (p + 2) * dp * d) - (p * (p + 1) / 2 * dp * d * d);
        // du/dd = −p(p+1)(p+2)/2 dᵖ⁻¹ (1 − d)², which vanishes to second order at d = 1.
        double derivative = p == 0 ? 0 : -(p * (p + 1) * (p + 2) / 2) * Math.Pow(d, p - 1) * (1 - d) * (1 - d) / cutoff;
        return (value, derivative);
    }
}
