using System;
using System.Globalization;
using TensorGen.Runtime;

namespace TensorGen.Decompositions;

/// <summary>
/// Checks that generated decomposition kernels make before anything is written: the argument's order, in the static form
/// every component's shape against the declaration, and in the dynamic form one length per index of the network.
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

    /// <summary>
    /// Throws unless <paramref name="lengths"/>[<paramref name="axis"/>] equals <paramref name="referenceLengths"/>[<paramref name="referenceAxis"/>]:
    /// one index of a decomposition kernel's network has one length everywhere (a length of 1 does not broadcast). An axis beyond
    /// a rank is left to the einsum kernel, which reports the rank.
    /// </summary>
    /// <exception cref="ArgumentException">The lengths differ; the message names both operands.</exception>
    public static void ThrowIfLengthMismatch(ReadOnlySpan<nint> lengths, int axis, ReadOnlySpan<nint> referenceLengths, int referenceAxis, string parameterName,
        string what, string referenceName, string referenceWhat)
    {
        if (axis < lengths.Length && referenceAxis < referenceLengths.Length && lengths[axis] != referenceLengths[referenceAxis])
        {
            throw new ArgumentException(
                $"{Capitalized(what)} of '{parameterName}' has length {lengths[axis].ToString(CultureInfo.InvariantCulture)} along axis "
                + $"{axis.ToString(CultureInfo.InvariantCulture)}, but {referenceWhat} of '{referenceName}' has {referenceLengths[referenceAxis].ToString(CultureInfo.InvariantCulture)} "
                + $"along axis {referenceAxis.ToString(CultureInfo.InvariantCulture)}, the same index; they must be equal (a length of 1 does not broadcast here).",
                parameterName);
        }
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

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
