using System;
using System.Globalization;
using System.Linq;

namespace TensorGen.Tests.Reference;

/// <summary>Compares arrays within a rounding tolerance and describes the first difference.</summary>
public static class RefArrayComparison
{
    /// <summary>
    /// Null when <paramref name="actual"/> has <paramref name="expected"/>'s shape and every element is within
    /// <paramref name="tolerance"/> × (1 + scale), where scale is the element of <paramref name="magnitude"/> (for
    /// einsum, the einsum of the operands' absolute values, which bounds the rounding error) or else |expected|.
    /// Otherwise a description of the first difference.
    /// </summary>
    public static string? FirstDifference(RefArray expected, RefArray actual, double tolerance, RefArray? magnitude = null)
    {
        if (!expected.Shape.SequenceEqual(actual.Shape))
        {
            return $"shape [{string.Join(", ", actual.Shape)}] where [{string.Join(", ", expected.Shape)}] was expected";
        }

        for (int i = 0; i < expected.Data.Length; i++)
        {
            double e = expected.Data[i], a = actual.Data[i];
            double scale = magnitude?.Data[i] ?? Math.Abs(e);
            if (!(Math.Abs(a - e) <= tolerance * (1 + scale)))
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"element {i} (flat, row-major) is {a:R} where {e:R} was expected (tolerance {tolerance * (1 + scale):G3}); expected {expected}, actual {actual}");
            }
        }

        return null;
    }
}
