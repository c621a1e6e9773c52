using System;

namespace Potential.Radial;

/// <summary>
/// NequIP's radial basis: B_n(r) = (2 / r_c) sin(nπr / r_c) / r · u(r), n = 1..<see cref="Count"/>, the zeroth spherical
/// Bessel functions that vanish at the cutoff (DimeNet), times the polynomial envelope u (<see cref="PolynomialCutoff"/>).
/// </summary>
public static class BesselBasis
{
    /// <summary>The number of basis functions.</summary>
    public const int Count = 8;

    /// <summary>Writes B_n(r) and dB_n/dr for every edge length: values and derivatives [E, Count].</summary>
    public static void Evaluate(ReadOnlySpan<double> lengths, double cutoff, Span<double> values, Span<double> derivatives)
    {
        for (int e = 0; e < lengths.Length; e++)
        {
            double r = lengths[e];
            (double u, double du) = PolynomialCutoff.Evaluate(r, cutoff);
            for (int n = 1; n <= Count; n++)
            {
                double k = n * Math.PI / cutoff;
                (double sin, double cos) = Math.SinCos(k * r);
                double bessel = 2 / cutoff * sin / r;
                double besselDerivative = 2 / cutoff * ((k * cos / r) - (sin / (r * r)));
                values[(e * Count) + n - 1] = bessel * u;
                derivatives[(e * Count) + n - 1] = (besselDerivative * u) + (bessel * du);
            }
        }
    }
}
