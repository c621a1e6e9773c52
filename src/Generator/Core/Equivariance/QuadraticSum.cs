using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace TensorGen.Equivariance;

/// <summary>
/// An exact sum Σ qₖ·√k of rationals qₖ times square roots of distinct square-free integers k. The change of
/// basis from complex to real spherical harmonics mixes Clebsch–Gordan coefficients with factors 1/√2; such
/// sums represent every intermediate exactly, and a real Wigner 3j entry comes out as a single term.
/// </summary>
internal sealed class QuadraticSum
{
    // square-free kernel k → coefficient q (never zero)
    private readonly SortedDictionary<BigInteger, Rational> _terms;

    private QuadraticSum(SortedDictionary<BigInteger, Rational> terms) => _terms = terms;

    public static QuadraticSum Zero => new(new SortedDictionary<BigInteger, Rational>());

    public bool IsZero => _terms.Count == 0;

    /// <summary>The value <paramref name="value"/> = sign·√radicand as q·√k.</summary>
    public static QuadraticSum From(SqrtRational value)
    {
        var terms = new SortedDictionary<BigInteger, Rational>();
        if (!value.IsZero)
        {
            // √(n/d) = √(n·d)/d, and n·d = s²·k with k square-free.
            Rational radicand = value.Radicand;
            (BigInteger square, BigInteger kernel) = SquareFree(radicand.Numerator * radicand.Denominator);
            terms[kernel] = new Rational(value.Sign * square, radicand.Denominator);
        }

        return new QuadraticSum(terms);
    }

    public static QuadraticSum From(Rational value) => From(SqrtRational.FromRational(value));

    public QuadraticSum Add(QuadraticSum other)
    {
        var terms = new SortedDictionary<BigInteger, Rational>(_terms);
        foreach (KeyValuePair<BigInteger, Rational> term in other._terms)
        {
            Rational sum = terms.TryGetValue(term.Key, out Rational existing) ? existing + term.Value : term.Value;
            if (sum.IsZero)
            {
                terms.Remove(term.Key);
            }
            else
            {
                terms[term.Key] = sum;
            }
        }

        return new QuadraticSum(terms);
    }

    public QuadraticSum Negate() => Scale(-Rational.One);

    public QuadraticSum Scale(Rational factor)
    {
        var terms = new SortedDictionary<BigInteger, Rational>();
        if (!factor.IsZero)
        {
            foreach (KeyValuePair<BigInteger, Rational> term in _terms)
            {
                terms[term.Key] = term.Value * factor;
            }
        }

        return new QuadraticSum(terms);
    }

    /// <summary>The product; √a·√b = g·√(ab/g²) with g = gcd(a, b) keeps the kernels square-free.</summary>
    public QuadraticSum Multiply(QuadraticSum other)
    {
        QuadraticSum result = Zero;
        foreach (KeyValuePair<BigInteger, Rational> a in _terms)
        {
            foreach (KeyValuePair<BigInteger, Rational> b in other._terms)
            {
                BigInteger g = BigInteger.GreatestCommonDivisor(a.Key, b.Key);
                BigInteger kernel = a.Key / g * (b.Key / g);
                var single = new SortedDictionary<BigInteger, Rational> { [kernel] = a.Value * b.Value * new Rational(g, BigInteger.One) };
                result = result.Add(new QuadraticSum(single));
            }
        }

        return result;
    }

    /// <summary>The value as one signed square root; it must be a single term (a real Wigner 3j entry always is).</summary>
    /// <exception cref="InvalidOperationException">The sum has two or more terms with different kernels.</exception>
    public SqrtRational ToSqrtRational()
    {
        if (_terms.Count == 0)
        {
            return SqrtRational.Zero;
        }

        if (_terms.Count > 1)
        {
            throw new InvalidOperationException("The value " + this + " is not a single square root of a rational.");
        }

        KeyValuePair<BigInteger, Rational> term = _terms.First();
        return new SqrtRational(term.Value.Sign, term.Value * term.Value * new Rational(term.Key, BigInteger.One));
    }

    /// <summary>
    /// The nearest double to the sum: each term q·√k in fixed point with 256 fractional bits (truncated, so the sum is within a
    /// few units of 2⁻²⁵⁶ of the exact value), then the sum rounded once — correctly rounded unless the exact value lies within
    /// that distance of a halfway point between doubles.
    /// </summary>
    public double ToDouble()
    {
        const int FractionBits = 256;
        BigInteger sum = BigInteger.Zero;
        foreach (KeyValuePair<BigInteger, Rational> term in _terms)
        {
            BigInteger numerator = BigInteger.Abs(term.Value.Numerator);
            BigInteger root = ExactRounding.IntegerSquareRoot(numerator * numerator * term.Key << (2 * FractionBits));
            sum += term.Value.Sign * (root / term.Value.Denominator);
        }

        return ExactRounding.Quotient(sum, BigInteger.One << FractionBits);
    }

    public override string ToString() =>
        _terms.Count == 0 ? "0" : string.Join(" + ", _terms.Select(t => t.Value + "·√" + t.Key));

    /// <summary>n = square² · kernel with kernel square-free (n &gt; 0); trial division, fast for the factorial-built numbers here.</summary>
    private static (BigInteger Square, BigInteger Kernel) SquareFree(BigInteger n)
    {
        BigInteger square = BigInteger.One;
        BigInteger kernel = BigInteger.One;
        BigInteger rest = n;
        for (BigInteger p = 2; p * p <= rest; p += p == 2 ? 1 : 2)
        {
            int exponent = 0;
            while ((rest % p).IsZero)
            {
                rest /= p;
                exponent++;
            }

            square *= BigInteger.Pow(p, exponent / 2);
            if (exponent % 2 == 1)
            {
                kernel *= p;
            }
        }

        return (square, kernel * rest);
    }
}

/// <summary>A complex number whose real and imaginary parts are <see cref="QuadraticSum"/>s.</summary>
internal readonly struct ComplexQuadratic
{
    public ComplexQuadratic(QuadraticSum real, QuadraticSum imaginary)
    {
        Real = real;
        Imaginary = imaginary;
    }

    public static ComplexQuadratic Zero => new(QuadraticSum.Zero, QuadraticSum.Zero);

    public QuadraticSum Real { get; }

    public QuadraticSum Imaginary { get; }

    public bool IsZero => Real.IsZero && Imaginary.IsZero;

    public static ComplexQuadratic operator +(ComplexQuadratic a, ComplexQuadratic b) =>
        new(a.Real.Add(b.Real), a.Imaginary.Add(b.Imaginary));

    public static ComplexQuadratic operator *(ComplexQuadratic a, ComplexQuadratic b) =>
        new(a.Real.Multiply(b.Real).Add(a.Imaginary.Multiply(b.Imaginary).Negate()),
            a.Real.Multiply(b.Imaginary).Add(a.Imaginary.Multiply(b.Real)));

    public ComplexQuadratic Conjugate() => new(Real, Imaginary.Negate());

    /// <summary><paramref name="magnitude"/> times iᵏ.</summary>
    public static ComplexQuadratic Phase(int k, QuadraticSum magnitude) => (((k % 4) + 4) % 4) switch
    {
        0 => new(magnitude, QuadraticSum.Zero),
        1 => new(QuadraticSum.Zero, magnitude),
        2 => new(magnitude.Negate(), QuadraticSum.Zero),
        _ => new(QuadraticSum.Zero, magnitude.Negate()),
    };
}
