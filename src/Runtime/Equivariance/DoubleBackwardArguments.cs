using System;
using System.Numerics.Tensors;

namespace TensorGen.Runtime.Equivariance;

/// <summary>
/// The result checks shared by the double backward passes (the tensor product's and the fused convolution's): both read
/// seven tensors — the inputs, the weights, gradOutput and the three upstream gradients — and write four. Each result's
/// elements are distinct, and no result shares memory with an input or another result; a violation throws
/// <see cref="ArgumentException"/> naming the parameters, before anything is written.
/// </summary>
internal static class DoubleBackwardArguments
{
    /// <summary>The inputs' positions that hold the weights or their upstream gradient (skipped when the method has no weights).</summary>
    private const int Weights = 2, GradGradWeights = 6;

    /// <summary>The weights' gradient among the results.</summary>
    private const int GradWeights = 2;

    /// <summary>
    /// Checks the four results against the seven inputs — in order x1 (node features), x2 (edge features), weights, gradOutput
    /// and their three upstream gradients; the results are the gradients of x1, x2, the weights and gradOutput.
    /// </summary>
    /// <remarks>Positions 2 and 6 of the inputs and 2 of the results are the weights' and are skipped without weights.</remarks>
    public static void CheckResults<T>(ReadOnlySpan<string> names /* the seven inputs' names, then the four results' */, bool hasWeights,
        ReadOnlySpan<T> input0, ReadOnlySpan<T> input1, ReadOnlySpan<T> input2, ReadOnlySpan<T> input3, ReadOnlySpan<T> input4, ReadOnlySpan<T> input5,
        ReadOnlySpan<T> input6, in TensorSpan<T> result0, in TensorSpan<T> result1, in TensorSpan<T> result2, in TensorSpan<T> result3)
    {
        for (int r = 0; r < 4; r++)
        {
            if (r == GradWeights && !hasWeights)
            {
                continue;
            }

            ref readonly TensorSpan<T> result = ref Result(r, in result0, in result1, in result2, in result3);
            string name = names[7 + r];
            TensorProductArguments.Distinct(name, result.Lengths, result.Strides);
            Span<T> memory = TensorProductArguments.Memory(result);
            for (int i = 0; i < 7; i++)
            {
                if (!hasWeights && i is Weights or GradGradWeights)
                {
                    continue;
                }

                ReadOnlySpan<T> input = i switch
                {
                    0 => input0, 1 => input1, 2 => input2, 3 => input3, 4 => input4, 5 => input5, _ => input6,
                };
                TensorProductArguments.Disjoint(memory, name, input, names[i]);
            }

            for (int other = 0; other < r; other++)
            {
                if (other == GradWeights && !hasWeights)
                {
                    continue;
                }

                TensorProductArguments.Disjoint(memory, name, TensorProductArguments.Memory(Result(other, in result0, in result1, in result2, in result3)), names[7 + other]);
            }
        }
    }

    private static ref readonly TensorSpan<T> Result<T>(int index, in TensorSpan<T> result0, in TensorSpan<T> result1, in TensorSpan<T> result2, in TensorSpan<T> result3)
    {
        if (index == 0)
        {
            return ref result0;
        }

        if (index == 1)
        {
            return ref result1;
        }

        return ref index == 2 ? ref result2 : ref result3;
    }
}
