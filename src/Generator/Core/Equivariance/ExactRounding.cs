using System;
using System.Numerics;

namespace TensorGen.Equivariance;

/// <summary>
/// Rounds exact quantities (a quotient, the square root of a quotient) of big integers to the nearest
/// <see cref="double"/>, ties to even — one correct rounding, so that the constants TensorGen writes into
/// generated code are the same on every machine and as close to the exact value as a double can be.
/// </summary>
internal static class ExactRounding
{
    private const int MantissaBits = 53;

    /// <summary>The double nearest to <paramref name="numerator"/> / <paramref name="denominator"/> (denominator &gt; 0).</summary>
    public static double Quotient(BigInteger numerator, BigInteger denominator)
    {
        if (numerator.IsZero)
        {
            return 0.0;
        }

        int sign = numerator.Sign;
        numerator = BigInteger.Abs(numerator);

        // Scale so that the integer quotient has at least MantissaBits + 2 bits, then round it with the remainder as sticky bit.
        int shift = (MantissaBits + 2) - (BitLength(numerator) - BitLength(denominator));
        BigInteger scaledNumerator = shift >= 0 ? numerator << shift : numerator;
        BigInteger scaledDenominator = shift >= 0 ? denominator : denominator << -shift;
        BigInteger quotient = BigInteger.DivRem(scaledNumerator, scaledDenominator, out BigInteger remainder);
        return sign * Round(quotient, !remainder.IsZero, -shift);
    }

    /// <summary>The double nearest to √(<paramref name="numerator"/> / <paramref name="denominator"/>) (both ≥ 0, denominator &gt; 0).</summary>
    public static double SquareRoot(BigInteger numerator, BigInteger denominator)
    {
        if (numerator.IsZero)
        {
            return 0.0;
        }

        // √(n/d) = √(n·d)/d; write n·d·4^k with enough bits that its integer square root has MantissaBits + 2 bits.
        BigInteger product = numerator * denominator;
        int wantBits = 2 * (MantissaBits + 2) + 2;
        int k = Math.Max(0, (wantBits - BitLength(product) + 1) / 2);
        BigInteger scaled = product << (2 * k);
        BigInteger root = IntegerSquareRoot(scaled);
        bool inexact = root * root != scaled;

        // value = root · 2^-k / d: divide exactly as a quotient, carrying the square root's inexactness.
        int shift = (MantissaBits + 2) - (BitLength(root) - BitLength(denominator));
        BigInteger scaledRoot = shift >= 0 ? root << shift : root;
        BigInteger scaledDenominator = shift >= 0 ? denominator : denominator << -shift;
        BigInteger quotient = BigInteger.DivRem(scaledRoot, scaledDenominator, out BigInteger remainder);
        return Round(quotient, inexact || !remainder.IsZero, -shift - k);
    }

    /// <summary>⌊√n⌋ by Newton's method.</summary>
    public static BigInteger IntegerSquareRoot(BigInteger n)
    {
        if (n.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n));
        }

        if (n < 2)
        {
            return n;
        }

        BigInteger x = BigInteger.One << ((BitLength(n) / 2) + 1);
        while (true)
        {
            BigInteger y = (x + (n / x)) >> 1;
            if (y >= x)
            {
                return x;
            }

            x = y;
        }
    }

    public static int BitLength(BigInteger value)
    {
        value = BigInteger.Abs(value);
        byte[] bytes = value.ToByteArray();
        int top = bytes.Length - 1;
        while (top > 0 && bytes[top] == 0)
        {
            top--;
        }

        int bits = top * 8;
        for (int b = bytes[top]; b != 0; b >>= 1)
        {
            bits++;
        }

        return bits;
    }

    /// <summary>
    /// (<paramref name="value"/> + sticky) · 2^<paramref name="exponent"/> rounded to 53 bits, ties to even.
    /// <paramref name="value"/> has at least 55 bits; <paramref name="sticky"/> says whether anything non-zero lies below it.
    /// </summary>
    private static double Round(BigInteger value, bool sticky, int exponent)
    {
        int extra = BitLength(value) - MantissaBits;
        BigInteger mantissa = value >> extra;
        BigInteger rest = value - (mantissa << extra);
        BigInteger half = BigInteger.One << (extra - 1);
        int comparison = rest.CompareTo(half);
        bool roundUp = comparison > 0 || (comparison == 0 && (sticky || !mantissa.IsEven));
        if (roundUp)
        {
            mantissa += 1;
        }

        // mantissa < 2^54 here, exactly representable; scaling by a power of two is exact in range.
        return ScaleByPowerOfTwo((double)(ulong)mantissa, exponent + extra);
    }

    private static double ScaleByPowerOfTwo(double value, int exponent)
    {
        while (exponent > 1000)
        {
            value *= Math.Pow(2, 1000);
            exponent -= 1000;
        }

        while (exponent < -1000)
        {
            value *= Math.Pow(2, -1000);
            exponent += 1000;
        }

        return value * Math.Pow(2, exponent);
    }
}
