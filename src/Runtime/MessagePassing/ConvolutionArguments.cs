using System;
using System.Globalization;
using System.Numerics.Tensors;
using TensorGen.Runtime.Equivariance;

namespace TensorGen.Runtime.MessagePassing;

/// <summary>
/// The shape checks of a generated convolution, run before anything is written: node-indexed operands [N, features] or
/// [M, features], edge-indexed operands [E, features] with one E throughout, weights [E, W] or shared [W], results with
/// distinct elements that share no memory with an input or each other. Violations throw <see cref="ArgumentException"/>
/// naming the parameter with the expected and the actual shape. Written once for the CPU driver and the GPU host entry points
/// (which run them before anything is copied to the device or launched).
/// </summary>
internal static class ConvolutionArguments
{
    /// <summary>Every check of a forward call — shapes, each edge index, the output's memory — before anything is written.</summary>
    /// <returns>N (node rows), E (edges) and M (output rows).</returns>
    public static (int Nodes, int Edges, int Targets) CheckForward<T>(ConvolutionLayout names, TensorProductLayout product, ReadOnlyTensorSpan<T> nodeFeatures,
        ReadOnlyTensorSpan<T> edgeFeatures, ReadOnlyTensorSpan<T> weights, ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<T> output)
    {
        string method = names.Method;
        int nodes = Matrix(method, names.Name(0), nodeFeatures.Lengths, product.Dim1, -1, "N");
        int edges = Matrix(method, names.Name(1), edgeFeatures.Lengths, product.Dim2, -1, "E");
        if (names.HasWeights)
        {
            Weights(method, product, names.Name(2), weights.Lengths, edges);
        }

        string outputName = names.Name(5);
        int targets = Matrix(method, outputName, output.Lengths, product.DimOut, -1, "M");
        EdgeSegments.Check(method, names.Name(3), senders, edges, names.Name(1), nodes, names.Name(0));
        EdgeSegments.Check(method, names.Name(4), receivers, edges, names.Name(1), targets, outputName);
        TensorProductArguments.Distinct(outputName, output.Lengths, output.Strides);
        Span<T> outputMemory = TensorProductArguments.Memory(output);
        TensorProductArguments.Disjoint(outputMemory, outputName, TensorProductArguments.Memory(nodeFeatures), names.Name(0));
        TensorProductArguments.Disjoint(outputMemory, outputName, TensorProductArguments.Memory(edgeFeatures), names.Name(1));
        if (names.HasWeights)
        {
            TensorProductArguments.Disjoint(outputMemory, outputName, TensorProductArguments.Memory(weights), names.Name(2));
        }

        return (nodes, edges, targets);
    }

    /// <summary>Every check of a backward call — shapes, each edge index, the results' memory — before anything is written.</summary>
    /// <returns>N (node rows), E (edges) and M (rows of the output's gradient).</returns>
    public static (int Nodes, int Edges, int Targets) CheckBackward<T>(ConvolutionLayout names, TensorProductLayout product, ReadOnlyTensorSpan<T> nodeFeatures,
        ReadOnlyTensorSpan<T> edgeFeatures, ReadOnlyTensorSpan<T> weights, ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers,
        ReadOnlyTensorSpan<T> gradOutput, TensorSpan<T> gradNodeFeatures, TensorSpan<T> gradEdgeFeatures, TensorSpan<T> gradWeights)
    {
        string method = names.Method;
        bool hasWeights = names.HasWeights;
        int nodes = Matrix(method, names.Name(0), nodeFeatures.Lengths, product.Dim1, -1, "N");
        int edges = Matrix(method, names.Name(1), edgeFeatures.Lengths, product.Dim2, -1, "E");
        if (hasWeights)
        {
            Weights(method, product, names.Name(2), weights.Lengths, edges);
        }

        int targets = Matrix(method, names.Name(5), gradOutput.Lengths, product.DimOut, -1, "M");
        Matrix(method, names.Name(6), gradNodeFeatures.Lengths, product.Dim1, nodes, $"N, {names.Name(0)}' rows");
        Matrix(method, names.Name(7), gradEdgeFeatures.Lengths, product.Dim2, edges, $"E, {names.Name(1)}' rows");
        if (hasWeights)
        {
            Weights(method, product, names.Name(8), gradWeights.Lengths, edges);
        }

        EdgeSegments.Check(method, names.Name(3), senders, edges, names.Name(1), nodes, names.Name(0));
        EdgeSegments.Check(method, names.Name(4), receivers, edges, names.Name(1), targets, names.Name(5));

        // Results: distinct elements, and no memory shared with an input or another result.
        ReadOnlySpan<T> x = TensorProductArguments.Memory(nodeFeatures), y = TensorProductArguments.Memory(edgeFeatures);
        ReadOnlySpan<T> w = TensorProductArguments.Memory(weights), g = TensorProductArguments.Memory(gradOutput);
        Span<T> gx = TensorProductArguments.Memory(gradNodeFeatures), gy = TensorProductArguments.Memory(gradEdgeFeatures), gw = TensorProductArguments.Memory(gradWeights);
        CheckResult(names, 6, gradNodeFeatures.Lengths, gradNodeFeatures.Strides, gx, x, y, w, g);
        CheckResult(names, 7, gradEdgeFeatures.Lengths, gradEdgeFeatures.Strides, gy, x, y, w, g);
        TensorProductArguments.Disjoint(gy, names.Name(7), gx, names.Name(6));
        if (hasWeights)
        {
            CheckResult(names, 8, gradWeights.Lengths, gradWeights.Strides, gw, x, y, w, g);
            TensorProductArguments.Disjoint(gw, names.Name(8), gx, names.Name(6));
            TensorProductArguments.Disjoint(gw, names.Name(8), gy, names.Name(7));
        }

        return (nodes, edges, targets);
    }

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

    private static void CheckResult<T>(ConvolutionLayout names, int index, ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> strides, Span<T> memory,
        ReadOnlySpan<T> nodeFeatures, ReadOnlySpan<T> edgeFeatures, ReadOnlySpan<T> weights, ReadOnlySpan<T> gradOutput)
    {
        string name = names.Name(index);
        TensorProductArguments.Distinct(name, lengths, strides);
        TensorProductArguments.Disjoint(memory, name, nodeFeatures, names.Name(0));
        TensorProductArguments.Disjoint(memory, name, edgeFeatures, names.Name(1));
        if (names.HasWeights)
        {
            TensorProductArguments.Disjoint(memory, name, weights, names.Name(2));
        }

        TensorProductArguments.Disjoint(memory, name, gradOutput, names.Name(5));
    }
}
