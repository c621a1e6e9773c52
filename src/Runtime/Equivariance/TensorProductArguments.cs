using System;
using System.Globalization;
using System.Numerics.Tensors;

namespace TensorGen.Runtime.Equivariance;

/// <summary>
/// The shape checks of a generated tensor product, run before anything is written: every operand a [Z, features] matrix
/// with the features the kernel was compiled for and one batch size Z throughout, the weights [W] or [Z, W], results
/// whose elements are distinct and that share no memory with an input or with each other. Violations throw
/// <see cref="ArgumentException"/> naming the parameter with the expected and the actual shape.
/// </summary>
internal static class TensorProductArguments
{
    /// <summary>Checks a [Z, <paramref name="features"/>] operand and returns its Z.</summary>
    public static int Matrix(string method, string name, ReadOnlySpan<nint> lengths, int features, int batch)
    {
        if (lengths.Length != 2 || lengths[1] != features || (batch >= 0 && lengths[0] != batch))
        {
            string expectedBatch = batch >= 0 ? batch.ToString(CultureInfo.InvariantCulture) : "Z";
            throw new ArgumentException(
                $"'{name}' of {method} has shape {ShapeText.Format(lengths)}; expected [{expectedBatch}, {features.ToString(CultureInfo.InvariantCulture)}]"
                + (batch >= 0 ? " (every operand has the same batch size Z)." : "."),
                name);
        }

        return checked((int)lengths[0]);
    }

    /// <summary>Checks the weights: [W] when shared, [Z, W] otherwise.</summary>
    public static void Weights(TensorProductLayout layout, string name, ReadOnlySpan<nint> lengths, int batch)
    {
        if (layout.SharedWeights)
        {
            if (lengths.Length != 1 || lengths[0] != layout.WeightCount)
            {
                throw new ArgumentException(
                    $"'{name}' of {layout.Method} has shape {ShapeText.Format(lengths)}; the weights are shared, so expected [{layout.WeightCount.ToString(CultureInfo.InvariantCulture)}] "
                    + "(e3nn's flat weight vector).",
                    name);
            }
        }
        else
        {
            Matrix(layout.Method, name, lengths, layout.WeightCount, batch);
        }
    }

    /// <summary>Throws when a result maps two of its elements to one address.</summary>
    public static void Distinct(string name, ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> strides) =>
        ResultOverlap.ThrowIfSelfOverlapping(name, lengths.ToArray(), strides.ToArray());

    /// <summary>Throws when a result shares memory with another span.</summary>
    public static void Disjoint<T>(ReadOnlySpan<T> result, string resultName, ReadOnlySpan<T> other, string otherName) =>
        TensorMemory.ThrowIfOverlaps(result, resultName, other, otherName);

    public static ReadOnlySpan<T> Memory<T>(in ReadOnlyTensorSpan<T> tensor) => TensorMemory.Of(tensor);

    public static Span<T> Memory<T>(in TensorSpan<T> tensor) => TensorMemory.Of(tensor);
}
