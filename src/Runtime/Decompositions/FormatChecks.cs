using System;
using System.Globalization;
using System.Numerics.Tensors;
using TensorGen.Runtime;

namespace TensorGen.Decompositions;

/// <summary>Argument checks the formats' constructors and operations share; each throws before anything is built or written.</summary>
internal static class FormatChecks
{
    public static void ThrowIfRankNot<T>(Tensor<T> tensor, int rank, string name, string shapeText)
    {
        if (tensor.Rank != rank)
        {
            throw new ArgumentException($"'{name}' has shape {ShapeText.Format(tensor.Lengths)}; it must be {shapeText}.", name);
        }
    }

    /// <summary>Every length at least 1: a decomposition of an empty tensor has no factors to fit or contract.</summary>
    public static void ThrowIfEmpty<T>(Tensor<T> tensor, string name)
    {
        foreach (nint length in tensor.Lengths)
        {
            if (length < 1)
            {
                throw new ArgumentException($"'{name}' has shape {ShapeText.Format(tensor.Lengths)}; every length must be at least 1.", name);
            }
        }
    }

    public static void ThrowIfModeOutOfRange(int mode, int order, string name)
    {
        if ((uint)mode >= (uint)order)
        {
            throw new ArgumentOutOfRangeException(name, mode, $"A tensor of order {order} has modes 0..{order - 1}.");
        }
    }

    public static void ThrowIfShapesDiffer(ReadOnlySpan<nint> expected, ReadOnlySpan<nint> actual, string name, string what)
    {
        if (!expected.SequenceEqual(actual))
        {
            throw new ArgumentException(
                $"'{name}' has {what} {ShapeText.Format(actual)}, but {ShapeText.Format(expected)} is needed.", name);
        }
    }

    public static string Index(int k) => k.ToString(CultureInfo.InvariantCulture);
}
