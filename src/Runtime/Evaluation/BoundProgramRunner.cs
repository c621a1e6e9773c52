using System;
using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace TensorGen.Runtime;

/// <summary>
/// Runs a bound program over tensors exactly as generated code does: each step through
/// <see cref="StridedKernels"/>, intermediates in pooled dense row-major arrays.
/// </summary>
internal static class BoundProgramRunner
{
    public static void Run<T>(EinsumBinding binding, ReadOnlySpan<Tensor<T>> operands, Span<T> result, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        // The batched chain's lanes are Vector<T>, which exists for real element types only (not for Complex).
        if (Vector<T>.IsSupported && operands.Length <= OperandSpans<T>.MaxCount && binding.RunsBatchedChain)
        {
            var memory = new OperandSpans<T>(operands.Length, default);
            for (int i = 0; i < operands.Length; i++)
            {
                memory.Set(i, Memory(binding, operands, [], i));
            }

            BatchedChainKernel.Run(binding, memory, result, accumulate);
            return;
        }

        int steps = binding.StepCount;
        var intermediates = new T[steps - 1][];
        try
        {
            for (int k = 0; k < steps; k++)
            {
                StepLayout step = binding.Step(k);
                bool isFinal = k == steps - 1;
                Span<T> output = result;
                if (!isFinal)
                {
                    intermediates[k] = ArrayPool<T>.Shared.Rent(binding.IntermediateLength(k));
                    output = intermediates[k].AsSpan(0, binding.IntermediateLength(k));
                }

                ReadOnlySpan<T> left = Memory(binding, operands, intermediates, step.LeftOperand);
                if (step.IsUnary)
                {
                    StridedKernels.Contract(step, left, output, isFinal && accumulate);
                }
                else
                {
                    ReadOnlySpan<T> right = Memory(binding, operands, intermediates, step.RightOperand);
                    StridedKernels.Contract(step, left, right, output, isFinal && accumulate);
                }
            }
        }
        finally
        {
            foreach (T[] intermediate in intermediates)
            {
                if (intermediate is not null)
                {
                    ArrayPool<T>.Shared.Return(intermediate);
                }
            }
        }
    }

    private static ReadOnlySpan<T> Memory<T>(EinsumBinding binding, ReadOnlySpan<Tensor<T>> operands, T[][] intermediates, int operand)
    {
        if (operand < operands.Length)
        {
            ReadOnlyTensorSpan<T> view = operands[operand].AsReadOnlyTensorSpan();
            return TensorMemory.Of(view);
        }

        int step = operand - operands.Length;
        return intermediates[step].AsSpan(0, binding.IntermediateLength(step));
    }
}
