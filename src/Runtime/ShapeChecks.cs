using System;
using System.Globalization;

namespace TensorGen.Runtime;

/// <summary>Checks for the static form, whose operands and result are dense row-major spans of sizes fixed at compile time.</summary>
public static class ShapeChecks
{
    /// <summary>Throws unless <paramref name="span"/> has exactly <paramref name="expectedLength"/> elements.</summary>
    /// <param name="span">The operand or result.</param>
    /// <param name="expectedLength">The element count of <paramref name="expectedShape"/>.</param>
    /// <param name="parameterName">The parameter's name, for the message.</param>
    /// <param name="expectedShape">The declared shape as text, e.g. <c>"[3, 3]"</c>.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void ThrowIfLengthMismatch<T>(ReadOnlySpan<T> span, int expectedLength, string parameterName, string expectedShape)
    {
        if (span.Length != expectedLength)
        {
            ThrowLengthMismatch(span.Length, expectedLength, parameterName, expectedShape);
        }
    }

    /// <inheritdoc cref="ThrowIfLengthMismatch{T}(ReadOnlySpan{T}, int, string, string)"/>
    /// <remarks>For results: a <see cref="Span{T}"/> argument infers <typeparamref name="T"/> here under any C# version.</remarks>
    public static void ThrowIfLengthMismatch<T>(Span<T> span, int expectedLength, string parameterName, string expectedShape) =>
        ThrowIfLengthMismatch((ReadOnlySpan<T>)span, expectedLength, parameterName, expectedShape);

    /// <summary>The throw, apart: the check itself stays small enough for the JIT to inline into every static kernel.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowLengthMismatch(int length, int expectedLength, string parameterName, string expectedShape) =>
        throw new ArgumentException(
            $"'{parameterName}' has {length.ToString(CultureInfo.InvariantCulture)} elements but its declared shape {expectedShape} "
            + $"needs {expectedLength.ToString(CultureInfo.InvariantCulture)} (a dense row-major span).",
            parameterName);
}
