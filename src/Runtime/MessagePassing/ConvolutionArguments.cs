using System;
using System.Globalization;
using TensorGen.Runtime.Equivariance;

namespace TensorGen.Runtime.MessagePassing;

/// <summary>
/// The shape checks of a generated convolution, run before anything is written: node-indexed operands [N, features] or
/// [M, features], edge-indexed operands [E, features] with one E throughout, weights [E, W] or shared [W], results with
/// distinct elements that share no memory with an input or each other. Violations throw <see cref="ArgumentException"/>
/// naming the parameter with the expected and the actual shape.
/// </summary>
internal static class ConvolutionArguments
{
    /// <summary>Checks a [rows, <paramref name="features"/>] operand (rows given, or any when negative) and returns its rows.</summary>
    public static int Matrix(string method, string name, ReadOnlySpan<nint> lengths, int features, int rows, string rowsText)
    {
        if (lengths.Length != 2 || lengths[1] != features || (rows >= 0 && lengths[0] != rows))
        {
            string expectedRows = rows >= 0 ? N(rows) : rowsText;
            throw new ArgumentException(
                $"'{name}' of {method} has shape {ShapeText.Format(lengths)}; expected [{expectedRows}, {N(features)}]"
                + (rows >= 0 ? $" ({rowsText} = {N(rows)})." : "."),
                name);
        }

        return checked((int)lengths[0]);
    }

    /// <summary>Checks the weights: [W] when shared, [E, W] otherwise.</summary>
    public static void Weights(string method, TensorProductLayout product, string name, ReadOnlySpan<nint> lengths, int edges)
    {
        if (product.SharedWeights)
        {
            if (lengths.Length != 1 || lengths[0] != product.WeightCount)
            {
                throw new ArgumentException(
                    $"'{name}' of {method} has shape {ShapeText.Format(lengths)}; the product's weights are shared, so expected [{N(product.WeightCount)}].", name);
            }
        }
        else
        {
            Matrix(method, name, lengths, product.WeightCount, edges, "E, one row per edge");
        }
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
