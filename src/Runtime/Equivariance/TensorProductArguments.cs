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
    /// <summary>
    /// The checks of a forward call (the CPU kernel's and the GPU host form's): x1 [Z, dim1] gives Z, then x2, the weights
    /// (when the product has a weights parameter) and the output, whose elements are distinct and share no memory with an
    /// input. Returns Z.
    /// </summary>
    public static int CheckForward<T>(TensorProductLayout layout, ReadOnlyTensorSpan<T> x1, ReadOnlyTensorSpan<T> x2, ReadOnlyTensorSpan<T> weights,
        TensorSpan<T> output, out bool hasWeights)
    {
        hasWeights = layout.ParameterNames.Span[2] is not null;
        int batch = CheckInputs(layout, x1, x2, weights);
        string outputName = layout.Name(3);
        Matrix(layout.Method, outputName, output.Lengths, layout.DimOut, batch);
        Distinct(outputName, output.Lengths, output.Strides);
        Span<T> outputMemory = Memory(output);
        Disjoint(outputMemory, outputName, Memory(x1), layout.Name(0));
        Disjoint(outputMemory, outputName, Memory(x2), layout.Name(1));
        if (hasWeights)
        {
            Disjoint(outputMemory, outputName, Memory(weights), layout.Name(2));
        }

        return batch;
    }

    /// <summary>
    /// The checks of a backward call (the CPU kernel's and the GPU host form's): the inputs as the forward's, gradOutput
    /// [Z, dimOut], the gradients shaped as x1, x2 and the weights; each gradient's elements distinct, and no memory
    /// shared with an input or another gradient. Returns Z.
    /// </summary>
    public static int CheckBackward<T>(TensorProductLayout layout, ReadOnlyTensorSpan<T> x1, ReadOnlyTensorSpan<T> x2, ReadOnlyTensorSpan<T> weights,
        ReadOnlyTensorSpan<T> gradOutput, TensorSpan<T> gradX1, TensorSpan<T> gradX2, TensorSpan<T> gradWeights, out bool hasWeights)
    {
        hasWeights = layout.ParameterNames.Span[2] is not null;
        int batch = CheckInputs(layout, x1, x2, weights);
        Matrix(layout.Method, layout.Name(3), gradOutput.Lengths, layout.DimOut, batch);
        Matrix(layout.Method, layout.Name(4), gradX1.Lengths, layout.Dim1, batch);
        Matrix(layout.Method, layout.Name(5), gradX2.Lengths, layout.Dim2, batch);
        if (hasWeights)
        {
            Weights(layout, layout.Name(6), gradWeights.Lengths, batch);
        }

        // Results: distinct elements, and no memory shared with an input or another result.
        ReadOnlySpan<T> x1Memory = Memory(x1), x2Memory = Memory(x2);
        ReadOnlySpan<T> weightsMemory = Memory(weights), gradOutputMemory = Memory(gradOutput);
        Span<T> gx1 = Memory(gradX1), gx2 = Memory(gradX2), gw = Memory(gradWeights);
        CheckResult(layout, 4, gradX1.Lengths, gradX1.Strides, gx1, x1Memory, x2Memory, weightsMemory, gradOutputMemory, hasWeights);
        CheckResult(layout, 5, gradX2.Lengths, gradX2.Strides, gx2, x1Memory, x2Memory, weightsMemory, gradOutputMemory, hasWeights);
        Disjoint(gx2, layout.Name(5), gx1, layout.Name(4));
        if (hasWeights)
        {
            CheckResult(layout, 6, gradWeights.Lengths, gradWeights.Strides, gw, x1Memory, x2Memory, weightsMemory, gradOutputMemory, hasWeights);
            Disjoint(gw, layout.Name(6), gx1, layout.Name(4));
            Disjoint(gw, layout.Name(6), gx2, layout.Name(5));
        }

        return batch;
    }

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

    /// <summary>The shapes of x1 (which gives Z), x2 and the weights, in that order; returns Z.</summary>
    private static int CheckInputs<T>(TensorProductLayout layout, ReadOnlyTensorSpan<T> x1, ReadOnlyTensorSpan<T> x2, ReadOnlyTensorSpan<T> weights)
    {
        int batch = Matrix(layout.Method, layout.Name(0), x1.Lengths, layout.Dim1, -1);
        Matrix(layout.Method, layout.Name(1), x2.Lengths, layout.Dim2, batch);
        if (layout.ParameterNames.Span[2] is not null)
        {
            Weights(layout, layout.Name(2), weights.Lengths, batch);
        }

        return batch;
    }

    /// <summary>A result's elements are distinct and share no memory with an input.</summary>
    private static void CheckResult<T>(TensorProductLayout layout, int index, ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> strides, Span<T> memory,
        ReadOnlySpan<T> x1, ReadOnlySpan<T> x2, ReadOnlySpan<T> weights, ReadOnlySpan<T> gradOutput, bool hasWeights)
    {
        string name = layout.Name(index);
        Distinct(name, lengths, strides);
        Disjoint(memory, name, x1, layout.Name(0));
        Disjoint(memory, name, x2, layout.Name(1));
        if (hasWeights)
        {
            Disjoint(memory, name, weights, layout.Name(2));
        }

        Disjoint(memory, name, gradOutput, layout.Name(3));
    }
}
