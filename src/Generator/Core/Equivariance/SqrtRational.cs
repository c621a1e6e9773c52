using System;
using System.Numerics;

namespace TensorGen.Equivariance;

/// <summary>
/// A signed square root of a non-negative rational, <c>Sign · √Radicand</c>: the exact form of every
/// Clebsch–Gordan coefficient, real Wigner 3j entry, spherical-harmonics recursion coefficient and
/// normalization constant TensorGen uses (all are such numbers; see Varshalovich et al., Quantum Theory of
/// Angular Momentum, §8.2).
/// </summary>
internal readonly struct SqrtRational : IEquatable<SqrtRational>
{
    public SqrtRational(int sign, Rational radicand)
    {
        if (radicand.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(radicand), "The radicand of a square root is negative.");
        }

        Sign = radicand.IsZero ? 0 : Math.Sign(sign);
        Radicand = Sign == 0 ? Rational.Zero : radicand;
    }

    public static SqrtRational Zero => default;

    /// <summary>−1, 0 or +1.</summary>
    public int Sign { get; }

    /// <summary>The square of the value (non-negative).</summary>
    public Rational Radicand { get; }

    public bool IsZero => Sign == 0;

    /// <summary>The value squared with its sign kept: <c>Sign · Radicand</c>.</summary>
    public Rational SignedSquare => Sign < 0 ? -Radicand : Radicand;

    /// <summary>√<paramref name="radicand"/> with a positive sign.</summary>
    public static SqrtRational Sqrt(Rational radicand) => new(1, radicand);

    /// <summary>An exact rational as a signed square root.</summary>
    public static SqrtRational FromRational(Rational value) => new(value.Sign, value * value);

    public static SqrtRational operator *(SqrtRational a, SqrtRational b) => new(a.Sign * b.Sign, a.Radicand * b.Radicand);

    public static SqrtRational operator /(SqrtRational a, SqrtRational b) =>
        b.IsZero ? throw new DivideByZeroException() : new(a.Sign * b.Sign, a.Radicand / b.Radicand);

    public static SqrtRational operator -(SqrtRational a) => new(-a.Sign, a.Radicand);

    public static bool operator ==(SqrtRational a, SqrtRational b) => a.Equals(b);

    public static bool operator !=(SqrtRational a, SqrtRational b) => !a.Equals(b);

    public SqrtRational Abs() => new(Math.Abs(Sign), Radicand);

    /// <summary>The nearest <see cref="double"/> to the exact value (round to nearest, ties to even).</summary>
    public double ToDouble() => Sign == 0 ? 0.0 : Sign * ExactRounding.SquareRoot(Radicand.Numerator, Radicand.Denominator);

    public bool Equals(SqrtRational other) => Sign == other.Sign && Radicand == other.Radicand;

    public override bool Equals(object? obj) => obj is SqrtRational other && Equals(other);

    public override int GetHashCode() => unchecked((Sign * 397) ^ Radicand.GetHashCode());

    public override string ToString() => Sign == 0 ? "0" : (Sign < 0 ? "-" : string.Empty) + "sqrt(" + Radicand + ")";
}
