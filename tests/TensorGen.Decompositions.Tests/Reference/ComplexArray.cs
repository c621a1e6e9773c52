using System;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Tests.Reference;

namespace TensorGen.Decompositions.Tests.Reference;

/// <summary>A dense row-major array of complex numbers as two double arrays, for the reference interpreter.</summary>
public sealed record ComplexArray(double[] Real, double[] Imaginary, int[] Shape)
{
    public bool IsReal => Imaginary.All(v => v == 0);

    public RefArray RealPart => new(Real, Shape);

    public RefArray ImaginaryPart => new(Imaginary, Shape);

    public static ComplexArray Of<T>(Tensor<T> tensor)
        where T : INumberBase<T>
    {
        var values = new T[tensor.FlattenedLength];
        tensor.FlattenTo(values);
        int[] shape = tensor.Lengths.ToArray().Select(l => (int)l).ToArray();
        return new ComplexArray(values.Select(v => Complex(v).Real).ToArray(), values.Select(v => Complex(v).Imaginary).ToArray(), shape);
    }

    public static ComplexArray Scalar(Complex value) => new([value.Real], [value.Imaginary], []);

    /// <summary>Σ conj(this) other over every element.</summary>
    public Complex Inner(ComplexArray other)
    {
        Complex sum = 0;
        for (int i = 0; i < Real.Length; i++)
        {
            sum += System.Numerics.Complex.Conjugate(new Complex(Real[i], Imaginary[i])) * new Complex(other.Real[i], other.Imaginary[i]);
        }

        return sum;
    }

    public ComplexArray Conjugate() => this with { Imaginary = Imaginary.Select(v => -v).ToArray() };

    public double MaxAbs => Real.Zip(Imaginary, (re, im) => Math.Sqrt((re * re) + (im * im))).DefaultIfEmpty(0).Max();

    public double FrobeniusNorm => Math.Sqrt(Real.Sum(v => v * v) + Imaginary.Sum(v => v * v));

    public Complex this[int flat] => new(Real[flat], Imaginary[flat]);

    private static Complex Complex<T>(T value) => value switch
    {
        Complex c => c,
        double d => new Complex(d, 0),
        float f => new Complex(f, 0),
        _ => throw new NotSupportedException(typeof(T).Name),
    };
}
