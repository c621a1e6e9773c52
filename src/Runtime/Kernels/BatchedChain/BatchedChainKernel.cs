using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TensorGen.Runtime;

/// <summary>
/// Runs a bound plan as a batched chain (<see cref="BatchedChainPlan"/>): a batch of small contractions in one pass, SIMD
/// lanes across items, chosen at run time when the call's sizes make the plan one (<see cref="EinsumBinding.RunsBatchedChain"/>).
/// Sums are in the element type lane by lane, as the static form's batched chain sums them.
/// </summary>
public static class BatchedChainKernel
{
    /// <summary>
    /// <c>result (+)= </c> the bound expression, one block of <see cref="Vector{T}.Count"/> items at a time.
    /// </summary>
    /// <param name="binding">A binding after <see cref="EinsumBinding.Result"/> whose <see cref="EinsumBinding.RunsBatchedChain"/> is true.</param>
    /// <param name="operands">The operands' memory, in expression order.</param>
    /// <param name="result">The result's memory.</param>
    /// <param name="accumulate">Add to the result instead of overwriting it.</param>
    /// <exception cref="ArgumentException">The binding is not a batched chain, or a span is shorter than its layout reaches.</exception>
    public static void Run<T>(EinsumBinding binding, scoped OperandSpans<T> operands, Span<T> result, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(binding);
        BatchedChainPlan plan = binding.BatchedChain
            ?? throw new ArgumentException("The binding's plan is not a batched chain (see RunsBatchedChain).", nameof(binding));
        string[] names = binding.Program.ParameterNames;
        if (operands.Count != plan.Inputs.Length)
        {
            throw new ArgumentException($"The expression has {plan.Inputs.Length} operands; {operands.Count} were given.", nameof(operands));
        }

        for (int i = 0; i < plan.Inputs.Length; i++)
        {
            ThrowIfShort(operands[i].Length, plan.Inputs[i].Reach, names[i]);
        }

        ThrowIfShort(result.Length, plan.Result.Reach, names[^1]);
        Vector<T>[] workspace = ArrayPool<Vector<T>>.Shared.Rent(plan.WorkspaceLength);
        try
        {
            Run(plan, operands, result, accumulate, workspace);
        }
        finally
        {
            ArrayPool<Vector<T>>.Shared.Return(workspace);
        }
    }

    private static void Run<T>(BatchedChainPlan plan, scoped OperandSpans<T> operands, Span<T> result, bool accumulate, Vector<T>[] workspace)
        where T : unmanaged, INumberBase<T>
    {
        for (int i = 0; i < plan.Inputs.Length; i++)
        {
            BatchedChainPlan.Operand input = plan.Inputs[i];
            if (!input.IsBatched)
            {
                // The same for every item: broadcast across lanes once.
                ReadOnlySpan<T> memory = operands[i];
                for (int e = 0; e < input.Offsets.Length; e++)
                {
                    workspace[input.Base + e] = new Vector<T>(memory[(int)input.Offsets[e]]);
                }
            }
        }

        int width = Vector<T>.Count;
        for (int first = 0; first < plan.Batch; first += width)
        {
            int count = Math.Min(width, plan.Batch - first);
            for (int i = 0; i < plan.Inputs.Length; i++)
            {
                if (plan.Inputs[i].IsBatched)
                {
                    Gather(plan.Inputs[i], operands[i], first, count, workspace);
                }
            }

            foreach (BatchedChainPlan.Step step in plan.Steps)
            {
                RunStep(step, workspace);
            }

            Scatter(plan.Result, result, first, count, workspace, accumulate);
        }
    }

    /// <summary>Every output element of one step: the sum of its terms' products, on whole vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunStep<T>(BatchedChainPlan.Step step, Vector<T>[] workspace)
        where T : unmanaged, INumberBase<T>
    {
        // Positions were built inside the workspace's bounds, so reads and writes go unchecked.
        ref Vector<T> lanes = ref MemoryMarshal.GetArrayDataReference(workspace);
        ref int left = ref MemoryMarshal.GetArrayDataReference(step.Left);
        ref int right = ref MemoryMarshal.GetArrayDataReference(step.Right);
        int terms = step.Terms;
        int term = 0;
        for (int o = 0; o < step.Outputs; o++)
        {
            Vector<T> sum = Vector<T>.Zero;
            for (int end = term + terms; term < end; term++)
            {
                sum += Unsafe.Add(ref lanes, Unsafe.Add(ref left, term)) * Unsafe.Add(ref lanes, Unsafe.Add(ref right, term));
            }

            Unsafe.Add(ref lanes, step.OutputBase + o) = sum;
        }
    }

    private static void Gather<T>(BatchedChainPlan.Operand input, ReadOnlySpan<T> memory, int first, int count, Vector<T>[] workspace)
        where T : unmanaged, INumberBase<T>
    {
        Span<Vector<T>> lanes = workspace.AsSpan(input.Base, input.Offsets.Length);
        if (input.IsDenseItems)
        {
            // Dense items: the span from the first item to the last is the batch, as BatchLanes takes it.
            BatchLanes.Gather(memory[..(int)input.Reach], input.Offsets.Length, first, lanes);
            return;
        }

        Span<T> target = MemoryMarshal.Cast<Vector<T>, T>(lanes);
        if (count < Vector<T>.Count)
        {
            target.Clear();
        }

        int width = Vector<T>.Count;
        for (int l = 0; l < count; l++)
        {
            nint item = (first + l) * input.BatchStride;
            for (int e = 0; e < input.Offsets.Length; e++)
            {
                target[(e * width) + l] = memory[(int)(item + input.Offsets[e])];
            }
        }
    }

    private static void Scatter<T>(BatchedChainPlan.Operand output, Span<T> memory, int first, int count, Vector<T>[] workspace, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        ReadOnlySpan<Vector<T>> lanes = workspace.AsSpan(output.Base, output.Offsets.Length);
        if (output.IsDenseItems)
        {
            BatchLanes.Scatter(lanes, memory[..(int)output.Reach], output.Offsets.Length, first, accumulate);
            return;
        }

        ReadOnlySpan<T> source = MemoryMarshal.Cast<Vector<T>, T>(lanes);
        int width = Vector<T>.Count;
        for (int l = 0; l < count; l++)
        {
            nint item = (first + l) * output.BatchStride;
            for (int e = 0; e < output.Offsets.Length; e++)
            {
                ref T target = ref memory[(int)(item + output.Offsets[e])];
                T value = source[(e * width) + l];
                target = accumulate ? target + value : value;
            }
        }
    }

    private static void ThrowIfShort(int length, nint needed, string name)
    {
        if (length < needed)
        {
            throw new ArgumentException($"'{name}' reaches element {(long)needed - 1}, but its span has {length} elements.", name);
        }
    }
}
