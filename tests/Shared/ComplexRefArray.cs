using System;
using System.Globalization;
using System.Linq;
using System.Numerics;

namespace TensorGen.Tests.Reference;

/// <summary>A dense row-major array of double-precision complex numbers; a scalar has shape <c>[]</c> and one element.</summary>
public sealed record ComplexRefArray(Complex[] Data, int[] Shape)
{
    public int Rank => Shape.Length;

    /// <summary>The element-wise moduli, as a real array (the einsum of the operands' moduli bounds the rounding error).</summary>
    public RefArray Moduli() => new(Data.Select(Complex.Abs).ToArray(), Shape);

    /// <summary>
    /// Null when <paramref name="actual"/> has this shape and every element is within <paramref name="tolerance"/> × (1 + scale)
    /// of this one, scale being the element of <paramref name="magnitude"/> (or |expected|); else the first difference.
    /// </summary>
    public string? FirstDifference(ComplexRefArray actual, double tolerance, RefArray? magnitude = null)
    {
        if (!Shape.SequenceEqual(actual.Shape))
        {
            return $"shape [{string.Join(", ", actual.Shape)}] where [{string.Join(", ", Shape)}] was expected";
        }

        for (int i = 0; i < Data.Length; i++)
        {
            Complex e = Data[i], a = actual.Data[i];
            double scale = magnitude?.Data[i] ?? Complex.Abs(e);
            if (!(Complex.Abs(a - e) <= tolerance * (1 + scale)))
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"element {i} (flat, row-major) is {a} where {e} was expected (tolerance {tolerance * (1 + scale):G3}); expected {this}, actual {actual}");
            }
        }

        return null;
    }

    public override string ToString() =>
        "[" + string.Join(", ", Shape) + "] {" + string.Join(", ", Data.Take(6).Select(v => v.ToString("G6", CultureInfo.InvariantCulture)))
        + (Data.Length > 6 ? ", …" : string.Empty) + "}";
}
