using System;
using System.Globalization;

namespace TensorGen.Runtime.E3nn;

/// <summary>The prefactor of <see cref="BesselBasis"/>: NequIP's and MACE's differ.</summary>
public enum BesselPrefactor
{
    /// <summary>2 / r_c (NequIP's <c>BesselBasis</c>).</summary>
    NequIP = 0,

    /// <summary>√(2 / r_c) (MACE's <c>BesselBasis</c>).</summary>
    Mace = 1,
}

/// <summary>
/// The radial basis of NequIP and MACE (<c>BesselBasis(r_max, num_basis, trainable=False)</c>): the zeroth spherical Bessel
/// functions that vanish at the cutoff, B_n(r) = c · sin(nπr / r_c) / r, n = 1..count (DimeNet), optionally times the
/// <see cref="PolynomialCutoff"/> envelope — with their derivatives with respect to r, for forces.
/// </summary>
public sealed class BesselBasis
{
    /// <param name="count">The number of functions (e3nn/NequIP's <c>num_basis</c>, 8 by default in both).</param>
    /// <param name="cutoff">r_c (<c>r_max</c>).</param>
    /// <param name="prefactor">NequIP's 2 / r_c or MACE's √(2 / r_c).</param>
    /// <param name="envelopeExponent">The envelope's p (6 as NequIP and MACE), or null for the bare basis.</param>
    public BesselBasis(int count, double cutoff, BesselPrefactor prefactor = BesselPrefactor.NequIP, double? envelopeExponent = 6)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A Bessel basis has at least one function.");
        }

        if (!(cutoff > 0) || double.IsInfinity(cutoff))
        {
            throw new ArgumentOutOfRangeException(nameof(cutoff), cutoff, "The cutoff is a positive, finite distance.");
        }

        Count = count;
        Cutoff = cutoff;
        EnvelopeExponent = envelopeExponent;
        Prefactor = prefactor == BesselPrefactor.Mace ? Math.Sqrt(2 / cutoff) : 2 / cutoff;
    }

    /// <summary>The number of functions.</summary>
    public int Count { get; }

    /// <summary>r_c.</summary>
    public double Cutoff { get; }

    /// <summary>c in c · sin(nπr / r_c) / r.</summary>
    public double Prefactor { get; }

    /// <summary>The envelope's p, or null when the basis is not multiplied by the envelope.</summary>
    public double? EnvelopeExponent { get; }

    /// <summary>
    /// Writes B_n(r) for every distance into <paramref name="values"/> [lengths, Count] and dB_n/dr into
    /// <paramref name="derivatives"/> (which may be empty to skip them). Distances are positive (the basis has sin(x)/x's
    /// removable singularity at 0, which the references do not remove either).
    /// </summary>
    /// <exception cref="ArgumentException">A span's length does not fit, or a distance is not positive.</exception>
    public void Evaluate(ReadOnlySpan<double> lengths, Span<double> values, Span<double> derivatives)
    {
        int needed = checked(lengths.Length * Count);
        if (values.Length != needed)
        {
            throw new ArgumentException($"'values' holds {values.Length} numbers; expected [{lengths.Length}, {Count}] = {needed}.", nameof(values));
        }

        if (derivatives.Length != 0 && derivatives.Length != needed)
        {
            throw new ArgumentException($"'derivatives' holds {derivatives.Length} numbers; expected [{lengths.Length}, {Count}] = {needed}, or none.", nameof(derivatives));
        }

        for (int e = 0; e < lengths.Length; e++)
        {
            if (!(lengths[e] > 0))
            {
                throw new ArgumentException(
                    $"lengths[{e.ToString(CultureInfo.InvariantCulture)}] = {lengths[e].ToString("R", CultureInfo.InvariantCulture)}; distances are positive.", nameof(lengths));
            }
        }

        for (int e = 0; e < lengths.Length; e++)
        {
            double r = lengths[e];
            (double u, double du) = EnvelopeExponent is { } p ? PolynomialCutoff.Evaluate(r, Cutoff, p) : (1.0, 0.0);
            for (int n = 1; n <= Count; n++)
            {
                double k = n * Math.PI / Cutoff;
                (double sin, double cos) = Math.SinCos(k * r);
                double bessel = Prefactor * sin / r;
                double besselDerivative = Prefactor * ((k * cos / r) - (sin / (r * r)));
                values[(e * Count) + n - 1] = bessel * u;
                if (derivatives.Length != 0)
                {
                    derivatives[(e * Count) + n - 1] = (besselDerivative * u) + (bessel * du);
                }
            }
        }
    }
}
