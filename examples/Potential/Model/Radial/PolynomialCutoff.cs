namespace Potential.Radial;

/// <summary>
/// The smooth cutoff envelope of DimeNet (Klicpera, Groß, Günnemann 2020, eq. 8) that NequIP uses, with p = 6:
/// u(d) = 1 − (p+1)(p+2)/2 dᵖ + p(p+2) dᵖ⁺¹ − p(p+1)/2 dᵖ⁺², d = r / r_c, and 0 beyond the cutoff. u and its first two
/// derivatives vanish at d = 1, so energies and forces go to zero smoothly as a pair leaves the cutoff.
/// </summary>
public static class PolynomialCutoff
{
    /// <summary>The envelope at r and its derivative with respect to r.</summary>
    public static (double Value, double Derivative) Evaluate(double r, double cutoff)
    {
        double d = r / cutoff;
        if (d >= 1)
        {
            return (0, 0);
        }

        // p = 6: u = 1 − 28 d⁶ + 48 d⁷ − 21 d⁸, du/dd = −168 d⁵ (1 − d)².
        double d2 = d * d, d5 = d2 * d2 * d, d6 = d5 * d;
        double value = 1 - (28 * d6) + (48 * d6 * d) - (21 * d6 * d2);
        double derivative = -168 * d5 * (1 - d) * (1 - d) / cutoff;
        return (value, derivative);
    }
}
