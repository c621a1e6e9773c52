using System;
using System.Globalization;
using System.Numerics.Tensors;

namespace TensorGen.Runtime.Equivariance;

/// <summary>
/// The shape checks of a generated equivariant linear layer, run before anything is written: input and output [Z, features]
/// with one Z, weights [W] and biases [B] (e3nn's flat vectors), results whose elements are distinct and that share no memory
/// with an input or with each other. Violations throw <see cref="ArgumentException"/> naming the parameter with the expected
/// and the actual shape (the messages of <see cref="TensorProductArguments"/>).
/// </summary>
internal static class LinearArguments
{
    /// <summary>Forward: (input, weights, [biases,] output). Returns Z.</summary>
    public static int CheckForward<T>(EquivariantLinearLayout layout, ReadOnlyTensorSpan<T> input, ReadOnlyTensorSpan<T> weights, ReadOnlyTensorSpan<T> biases,
        TensorSpan<T> output)
    {
        int batch = TensorProductArguments.Matrix(layout.Method, layout.Name(0), input.Lengths, layout.DimIn, -1);
        Vector(layout, layout.Name(1), weights.Lengths, layout.WeightCount, "weights (e3nn's flat weight vector)");
        int outputIndex = layout.HasBiases ? 3 : 2;
        if (layout.HasBiases)
        {
            Vector(layout, layout.Name(2), biases.Lengths, layout.BiasCount, "biases (one per channel of the 0e output blocks)");
        }

        string outputName = layout.Name(outputIndex);
        TensorProductArguments.Matrix(layout.Method, outputName, output.Lengths, layout.DimOut, batch);
        TensorProductArguments.Distinct(outputName, output.Lengths, output.Strides);
        Span<T> memory = TensorProductArguments.Memory(output);
        TensorProductArguments.Disjoint(memory, outputName, TensorProductArguments.Memory(input), layout.Name(0));
        TensorProductArguments.Disjoint(memory, outputName, TensorProductArguments.Memory(weights), layout.Name(1));
        if (layout.HasBiases)
        {
            TensorProductArguments.Disjoint(memory, outputName, TensorProductArguments.Memory(biases), layout.Name(2));
        }

        return batch;
    }

    /// <summary>Backward: (input, weights, gradOutput, gradInput, gradWeights[, gradBiases]). Returns Z.</summary>
    public static int CheckBackward<T>(EquivariantLinearLayout layout, ReadOnlyTensorSpan<T> input, ReadOnlyTensorSpan<T> weights,
        ReadOnlyTensorSpan<T> gradOutput, TensorSpan<T> gradInput, TensorSpan<T> gradWeights, TensorSpan<T> gradBiases)
    {
        int batch = TensorProductArguments.Matrix(layout.Method, layout.Name(0), input.Lengths, layout.DimIn, -1);
        Vector(layout, layout.Name(1), weights.Lengths, layout.WeightCount, "weights (e3nn's flat weight vector)");
        TensorProductArguments.Matrix(layout.Method, layout.Name(2), gradOutput.Lengths, layout.DimOut, batch);
        TensorProductArguments.Matrix(layout.Method, layout.Name(3), gradInput.Lengths, layout.DimIn, batch);
        Vector(layout, layout.Name(4), gradWeights.Lengths, layout.WeightCount, "the weights' gradient (summed over the batch)");
        if (layout.HasBiases)
        {
            Vector(layout, layout.Name(5), gradBiases.Lengths, layout.BiasCount, "the biases' gradient (summed over the batch)");
        }

        ReadOnlySpan<T> inputMemory = TensorProductArguments.Memory(input), weightsMemory = TensorProductArguments.Memory(weights);
        ReadOnlySpan<T> gradOutputMemory = TensorProductArguments.Memory(gradOutput);
        Span<T> gi = TensorProductArguments.Memory(gradInput), gw = TensorProductArguments.Memory(gradWeights), gb = TensorProductArguments.Memory(gradBiases);
        Result(layout, 3, gradInput.Lengths, gradInput.Strides, gi, inputMemory, weightsMemory, gradOutputMemory);
        Result(layout, 4, gradWeights.Lengths, gradWeights.Strides, gw, inputMemory, weightsMemory, gradOutputMemory);
        TensorProductArguments.Disjoint(gw, layout.Name(4), gi, layout.Name(3));
        if (layout.HasBiases)
        {
            Result(layout, 5, gradBiases.Lengths, gradBiases.Strides, gb, inputMemory, weightsMemory, gradOutputMemory);
            TensorProductArguments.Disjoint(gb, layout.Name(5), gi, layout.Name(3));
            TensorProductArguments.Disjoint(gb, layout.Name(5), gw, layout.Name(4));
        }

        return batch;
    }

    private static void Vector(EquivariantLinearLayout layout, string name, ReadOnlySpan<nint> lengths, int count, string what)
    {
        if (lengths.Length != 1 || lengths[0] != count)
        {
            throw new ArgumentException(
                $"'{name}' of {layout.Method} has shape {ShapeText.Format(lengths)}; expected [{count.ToString(CultureInfo.InvariantCulture)}], the {what}.",
                name);
        }
    }

    private static void Result<T>(EquivariantLinearLayout layout, int index, ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> strides, Span<T> memory,
        ReadOnlySpan<T> input, ReadOnlySpan<T> weights, ReadOnlySpan<T> gradOutput)
    {
        string name = layout.Name(index);
        TensorProductArguments.Distinct(name, lengths, strides);
        TensorProductArguments.Disjoint(memory, name, input, layout.Name(0));
        TensorProductArguments.Disjoint(memory, name, weights, layout.Name(1));
        TensorProductArguments.Disjoint(memory, name, gradOutput, layout.Name(2));
    }
}
