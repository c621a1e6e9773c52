using System;
using System.Globalization;
using TensorGen.Runtime;

namespace TensorGen.Decompositions;

/// <summary>
/// Checks that generated decomposition kernels make before anything is written: the argument's order, and in the
/// static form every component's shape against the declaration.
/// </summary>
public static class DecompositionChecks
{
    /// <summary>Throws unless the decomposed tensor <paramref name="parameterName"/> has <paramref name="expected"/> modes.</summary>
    /// <exception cref="ArgumentException">The orders differ.</exception>
    public static void ThrowIfOrderMismatch(int order, int expected, string parameterName)
    {
        if (order != expected)
        {
            throw new ArgumentException(
                $"'{parameterName}' has {order.ToString(CultureInfo.InvariantCulture)} modes, but the kernel was declared for order "
                + $"{expected.ToString(CultureInfo.InvariantCulture)}.",
                parameterName);
        }
    }

    /// <summary>Throws unless <paramref name="component"/> of <paramref name="parameterName"/> has the declared shape.</summary>
    /// <param name="actual">The component's lengths.</param>
    /// <param name="expected">The shape the declaration's Shape and Ranks give it.</param>
    /// <param name="parameterName">The parameter, for the message.</param>
    /// <param name="component">Which component, e.g. <c>"core 2"</c>, for the message.</param>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static void ThrowIfShapeMismatch(ReadOnlySpan<nint> actual, ReadOnlySpan<nint> expected, string parameterName, string component)
    {
        if (!actual.SequenceEqual(expected))
        {
            throw new ArgumentException(
                $"The {component} of '{parameterName}' has shape {ShapeText.Format(actual)}, but the declaration's sizes give it {ShapeText.Format(expected)}.",
                parameterName);
        }
    }
}
