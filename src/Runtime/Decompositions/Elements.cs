using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace TensorGen.Decompositions;

/// <summary>
/// Element arithmetic the generic math interfaces do not give uniformly for the three element types the formats
/// support — <see cref="float"/>, <see cref="double"/> and <see cref="Complex"/>: conjugation, |x|², real parts.
/// The type tests are constant per instantiation, so the JIT keeps one branch.
/// </summary>
internal static class Elements
{
    public static bool IsComplex<T>() => typeof(T) == typeof(Complex);

    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not float, double or Complex.</exception>
    public static void ThrowIfUnsupported<T>()
    {
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double) && typeof(T) != typeof(Complex))
        {
            throw new NotSupportedException(
                $"Decomposed tensors hold float, double or System.Numerics.Complex elements, not {typeof(T).Name}.");
        }
    }

    public static T Conjugate<T>(T value)
    {
        if (typeof(T) == typeof(Complex))
        {
            Complex conjugate = Complex.Conjugate(Unsafe.As<T, Complex>(ref value));
            return Unsafe.As<Complex, T>(ref conjugate);
        }

        return value;
    }

    public static double AbsSquared<T>(T value)
    {
        if (typeof(T) == typeof(Complex))
        {
            Complex c = Unsafe.As<T, Complex>(ref value);
            return (c.Real * c.Real) + (c.Imaginary * c.Imaginary);
        }

        double real = Real(value);
        return real * real;
    }

    public static double Real<T>(T value)
    {
        if (typeof(T) == typeof(Complex))
        {
            return Unsafe.As<T, Complex>(ref value).Real;
        }

        return typeof(T) == typeof(float) ? Unsafe.As<T, float>(ref value) : Unsafe.As<T, double>(ref value);
    }

    public static T FromReal<T>(double value)
        where T : INumberBase<T> => T.CreateTruncating(value);

    public static Complex ToComplex<T>(T value) =>
        typeof(T) == typeof(Complex) ? Unsafe.As<T, Complex>(ref value) : new Complex(Real(value), 0);

    /// <summary>The element for <paramref name="value"/>: itself for Complex, its real part otherwise.</summary>
    public static T FromComplex<T>(Complex value)
        where T : INumberBase<T>
    {
        if (typeof(T) == typeof(Complex))
        {
            return Unsafe.As<Complex, T>(ref value);
        }

        return T.CreateTruncating(value.Real);
    }

    /// <summary>Conjugates every element in place (nothing to do for real types).</summary>
    public static void ConjugateAll<T>(Span<T> values)
    {
        if (typeof(T) != typeof(Complex))
        {
            return;
        }

        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Conjugate(values[i]);
        }
    }

    /// <summary>Σ |x_i|², accumulated in double.</summary>
    public static double SumOfSquares<T>(ReadOnlySpan<T> values)
    {
        double sum = 0;
        foreach (T value in values)
        {
            sum += AbsSquared(value);
        }

        return sum;
    }
}
