using System;
using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;
using Xunit;

namespace TensorGen.Decompositions.Tests.Reference;

/// <summary>Comparisons with a tolerance relative to the reference's largest magnitude.</summary>
public static class Assertions
{
    public static void Close<T>(ComplexArray expected, Tensor<T> actual, double tolerance)
        where T : INumberBase<T> => Close(expected, ComplexArray.Of(actual), tolerance);

    public static void Close(ComplexArray expected, ComplexArray actual, double tolerance)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        double scale = Math.Max(1, expected.MaxAbs);
        for (int i = 0; i < expected.Real.Length; i++)
        {
            double difference = Complex.Abs(expected[i] - actual[i]);
            Assert.True(difference <= tolerance * scale,
                string.Create(CultureInfo.InvariantCulture, $"element {i}: {actual[i]} where {expected[i]} was expected (difference {difference:G3}, scale {scale:G3})"));
        }
    }

    public static void Close(Complex expected, Complex actual, double tolerance, double scale)
    {
        double difference = Complex.Abs(expected - actual);
        Assert.True(difference <= tolerance * Math.Max(1, scale),
            string.Create(CultureInfo.InvariantCulture, $"{actual} where {expected} was expected (difference {difference:G3})"));
    }

    public static Complex ToComplex<T>(T value)
        where T : INumberBase<T> => value switch
        {
            Complex c => c,
            double d => d,
            float f => f,
            _ => throw new NotSupportedException(typeof(T).Name),
        };
}
