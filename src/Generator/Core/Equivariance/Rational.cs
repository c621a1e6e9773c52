using System;
using System.Numerics;

namespace TensorGen.Equivariance;

/// <summary>
/// An exact fraction of big integers, always in lowest terms with a positive denominator. Clebsch–Gordan
/// coefficients are square roots of such fractions, so they are computed here without rounding and rounded
/// to <see cref="double"/> once, at the end.
/// </summary>
internal readonly struct Rational : IEquatable<Rational>, IComparable<Rational>
{
    private readonly BigInteger _denominator;

    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException("A rational number with denominator 0.");
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        BigInteger gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!gcd.IsOne && !gcd.IsZero)
        {
            numerator /= gcd;
            denominator /= gcd;
        }

        Numerator = numerator;
        _denominator = numerator.IsZero ? BigInteger.One : denominator;
    }

    public static Rational Zero => new(BigInteger.Zero, BigInteger.One);

    public static Rational One => new(BigInteger.One, BigInteger.One);

    public BigInteger Numerator { get; }

    /// <summary>The denominator, positive (1 for the default value, which is zero).</summary>
    public BigInteger Denominator => _denominator.IsZero ? BigInteger.One : _denominator;

    public int Sign => Numerator.Sign;

    public bool IsZero => Numerator.IsZero;

    public static implicit operator Rational(long value) => new(value, BigInteger.One);

    public static Rational operator +(Rational a, Rational b) =>
        new((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Rational operator -(Rational a, Rational b) =>
        new((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Rational operator -(Rational a) => new(-a.Numerator, a.Denominator);

    public static Rational operator *(Rational a, Rational b) =>
        new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Rational operator /(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static bool operator ==(Rational a, Rational b) => a.Equals(b);

    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);

    public bool Equals(Rational other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is Rational other && Equals(other);

    public override int GetHashCode() => unchecked((Numerator.GetHashCode() * 397) ^ Denominator.GetHashCode());

    public int CompareTo(Rational other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    /// <summary>The nearest <see cref="double"/> (round to nearest, ties to even).</summary>
    public double ToDouble() => ExactRounding.Quotient(Numerator, Denominator);

    public override string ToString() => Denominator.IsOne ? Numerator.ToString() : Numerator + "/" + Denominator;
}
