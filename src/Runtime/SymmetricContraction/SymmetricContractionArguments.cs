using System;
using System.Globalization;
using System.Numerics.Tensors;
using TensorGen.Runtime.Equivariance;

namespace TensorGen.Runtime.SymmetricContraction;

/// <summary>
/// The checks of a generated symmetric contraction, run before anything is written: a [Z, channels · Σ(2l+1)], the flat weights
/// [W], one element index per atom within [0, elements), the output or gradients shaped to match, results whose elements are
/// distinct and that share no memory with an input or with each other. Violations throw <see cref="ArgumentException"/> naming
/// the parameter with the expected and the actual shape (or the offending index). Written once, for the CPU driver and any
/// other host entry point.
/// </summary>
internal static class SymmetricContractionArguments
{
    /// <summary>Every check of a forward call (a, weights, elements, output); returns Z.</summary>
    public static int CheckForward<T>(SymmetricContractionLayout layout, ReadOnlyTensorSpan<T> a, ReadOnlyTensorSpan<T> weights, ReadOnlySpan<int> elements,
        TensorSpan<T> output)
    {
        int atoms = CheckInputs(layout, a, weights, elements);
        string outputName = layout.Name(3);
        TensorProductArguments.Matrix(layout.Method, outputName, output.Lengths, layout.DimOut, atoms);
        TensorProductArguments.Distinct(outputName, output.Lengths, output.Strides);
        Span<T> outputMemory = TensorProductArguments.Memory(output);
        TensorProductArguments.Disjoint(outputMemory, outputName, TensorProductArguments.Memory(a), layout.Name(0));
        TensorProductArguments.Disjoint(outputMemory, outputName, TensorProductArguments.Memory(weights), layout.Name(1));
        return atoms;
    }

    /// <summary>Every check of a backward call (a, weights, elements, gradOutput, gradA, gradWeights); returns Z.</summary>
    public static int CheckBackward<T>(SymmetricContractionLayout layout, ReadOnlyTensorSpan<T> a, ReadOnlyTensorSpan<T> weights, ReadOnlySpan<int> elements,
        ReadOnlyTensorSpan<T> gradOutput, TensorSpan<T> gradA, TensorSpan<T> gradWeights)
    {
        int atoms = CheckInputs(layout, a, weights, elements);
        TensorProductArguments.Matrix(layout.Method, layout.Name(3), gradOutput.Lengths, layout.DimOut, atoms);
        TensorProductArguments.Matrix(layout.Method, layout.Name(4), gradA.Lengths, layout.DimIn, atoms);
        FlatWeights(layout, layout.Name(5), gradWeights.Lengths);

        ReadOnlySpan<T> aMemory = TensorProductArguments.Memory(a), weightsMemory = TensorProductArguments.Memory(weights);
        ReadOnlySpan<T> gradOutputMemory = TensorProductArguments.Memory(gradOutput);
        Span<T> gradAMemory = TensorProductArguments.Memory(gradA), gradWeightsMemory = TensorProductArguments.Memory(gradWeights);
        CheckResult(layout, 4, gradA.Lengths, gradA.Strides, gradAMemory, aMemory, weightsMemory, gradOutputMemory);
        CheckResult(layout, 5, gradWeights.Lengths, gradWeights.Strides, gradWeightsMemory, aMemory, weightsMemory, gradOutputMemory);
        TensorProductArguments.Disjoint(gradWeightsMemory, layout.Name(5), gradAMemory, layout.Name(4));
        return atoms;
    }

    /// <summary>a [Z, dimIn] (gives Z), the weights [W], and one element index in [0, elements) per atom.</summary>
    private static int CheckInputs<T>(SymmetricContractionLayout layout, ReadOnlyTensorSpan<T> a, ReadOnlyTensorSpan<T> weights, ReadOnlySpan<int> elements)
    {
        int atoms = TensorProductArguments.Matrix(layout.Method, layout.Name(0), a.Lengths, layout.DimIn, -1);
        FlatWeights(layout, layout.Name(1), weights.Lengths);
        string name = layout.Name(2);
        if (elements.Length != atoms)
        {
            throw new ArgumentException(
                $"'{name}' of {layout.Method} has {N(elements.Length)} entries; expected one element index per atom ({N(atoms)}, the rows of '{layout.Name(0)}').", name);
        }

        for (int z = 0; z < elements.Length; z++)
        {
            if ((uint)elements[z] >= (uint)layout.Elements)
            {
                throw new ArgumentException(
                    $"'{name}' of {layout.Method} has {N(elements[z])} at atom {N(z)}; element indices run from 0 to {N(layout.Elements - 1)} (Elements = {N(layout.Elements)}).",
                    name);
            }
        }

        return atoms;
    }

    /// <summary>A result's elements are distinct and share no memory with an input.</summary>
    private static void CheckResult<T>(SymmetricContractionLayout layout, int index, ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> strides, Span<T> memory,
        ReadOnlySpan<T> a, ReadOnlySpan<T> weights, ReadOnlySpan<T> gradOutput)
    {
        string name = layout.Name(index);
        TensorProductArguments.Distinct(name, lengths, strides);
        TensorProductArguments.Disjoint(memory, name, a, layout.Name(0));
        TensorProductArguments.Disjoint(memory, name, weights, layout.Name(1));
        TensorProductArguments.Disjoint(memory, name, gradOutput, layout.Name(3));
    }

    private static void FlatWeights(SymmetricContractionLayout layout, string name, ReadOnlySpan<nint> lengths)
    {
        if (lengths.Length != 1 || lengths[0] != layout.WeightCount)
        {
            throw new ArgumentException(
                $"'{name}' of {layout.Method} has shape {ShapeText.Format(lengths)}; expected [{N(layout.WeightCount)}] (MACE's weights flattened in parameter order: "
                + $"{N(layout.WeightRows)} rows of {N(layout.Channels)} channels).",
                name);
        }
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
