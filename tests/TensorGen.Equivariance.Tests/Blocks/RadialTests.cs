using System;
using System.Linq;
using TensorGen.Runtime.E3nn;
using Xunit;

namespace TensorGen.Equivariance.Tests.Blocks;

/// <summary>BesselBasis and PolynomialCutoff against their formulas written out, finite differences and the cutoff's smoothness.</summary>
public sealed class RadialTests
{
    [Theory]
    [InlineData(BesselPrefactor.NequIP)]
    [InlineData(BesselPrefactor.Mace)]
    public void Bessel_values_are_the_formula_and_derivatives_match_finite_differences(BesselPrefactor prefactor)
    {
        const double Cutoff = 5.0;
        var basis = new BesselBasis(8, Cutoff, prefactor);
        double[] lengths = { 0.3, 1.1, 2.5, 4.2, 4.999, 6.0 };
        var values = new double[lengths.Length * 8];
        var derivatives = new double[values.Length];
        basis.Evaluate(lengths, values, derivatives);
        double c = prefactor == BesselPrefactor.Mace ? Math.Sqrt(2 / Cutoff) : 2 / Cutoff;
        for (int e = 0; e < lengths.Length; e++)
        {
            double r = lengths[e], d = r / Cutoff;
            double envelope = d < 1 ? 1 - (28 * Math.Pow(d, 6)) + (48 * Math.Pow(d, 7)) - (21 * Math.Pow(d, 8)) : 0;
            for (int n = 1; n <= 8; n++)
            {
                double expected = c * Math.Sin(n * Math.PI * r / Cutoff) / r * envelope;
                Assert.Equal(expected, values[(e * 8) + n - 1], 1e-13);

                const double H = 1e-6;
                var plus = new double[8];
                var minus = new double[8];
                basis.Evaluate(new[] { r + H }, plus, Span<double>.Empty);
                basis.Evaluate(new[] { r - H }, minus, Span<double>.Empty);
                Assert.Equal((plus[n - 1] - minus[n - 1]) / (2 * H), derivatives[(e * 8) + n - 1], 1e-7);
            }
        }

        Assert.All(values.Skip(5 * 8), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void The_bare_basis_has_no_envelope()
    {
        var basis = new BesselBasis(3, 4.0, envelopeExponent: null);
        var values = new double[3];
        basis.Evaluate(new[] { 3.5 }, values, Span<double>.Empty);
        Assert.Equal(2 / 4.0 * Math.Sin(2 * Math.PI * 3.5 / 4.0) / 3.5, values[1], 1e-15);
    }

    [Theory]
    [InlineData(6.0)]
    [InlineData(5.0)]
    public void The_cutoff_is_one_at_zero_and_vanishes_smoothly_at_the_cutoff(double p)
    {
        const double Cutoff = 3.0;
        Assert.Equal(1.0, PolynomialCutoff.Evaluate(0, Cutoff, p).Value);
        Assert.Equal((0.0, 0.0), PolynomialCutoff.Evaluate(Cutoff, Cutoff, p));
        Assert.Equal((0.0, 0.0), PolynomialCutoff.Evaluate(Cutoff * 1.5, Cutoff, p));
        const double H = 1e-4;
        Assert.True(Math.Abs(PolynomialCutoff.Evaluate(Cutoff - H, Cutoff, p).Value) < 1e-9);
        Assert.True(Math.Abs(PolynomialCutoff.Evaluate(Cutoff - H, Cutoff, p).Derivative) < 1e-6);
        for (double r = 0.1; r < Cutoff; r += 0.37)
        {
            double numeric = (PolynomialCutoff.Evaluate(r + 1e-6, Cutoff, p).Value - PolynomialCutoff.Evaluate(r - 1e-6, Cutoff, p).Value) / 2e-6;
            Assert.Equal(numeric, PolynomialCutoff.Evaluate(r, Cutoff, p).Derivative, 1e-8);
        }
    }

    [Fact]
    public void Bad_arguments_throw_before_writing()
    {
        var basis = new BesselBasis(2, 3.0);
        var values = new double[4] { 7, 7, 7, 7 };
        Assert.Equal("lengths", Assert.Throws<ArgumentException>(() => basis.Evaluate(new[] { 1.0, 0.0 }, values, Span<double>.Empty)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => basis.Evaluate(new[] { 1.0 }, values, Span<double>.Empty)).ParamName);
        Assert.All(values, v => Assert.Equal(7.0, v));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BesselBasis(0, 3.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BesselBasis(4, -1.0));
    }
}
