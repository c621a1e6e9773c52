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
        Vector<T>[] workspace = ArrayPool<Vector<T>>.Shared.Rent(Blocks * plan.WorkspaceLength);
        try
        {
            Run(plan, operands, result, accumulate, workspace);
        }
        finally
        {
            ArrayPool<Vector<T>>.Shared.Return(workspace);
        }
    }

    /// <summary>
    /// Lane blocks run together: each step's table entry (two workspace positions) then feeds this many independent
    /// multiply-adds, one per block, so the table's loads are shared and the sums' dependency chains overlap.
    /// </summary>
    private const int Blocks = 4;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run<T>(BatchedChainPlan plan, scoped OperandSpans<T> operands, Span<T> result, bool accumulate, Vector<T>[] workspace)
        where T : unmanaged, INumberBase<T>
    {
        int length = plan.WorkspaceLength;
        for (int i = 0; i < plan.Inputs.Length; i++)
        {
            BatchedChainPlan.Operand input = plan.Inputs[i];
            if (!input.IsBatched)
            {
                // The same for every item: broadcast across lanes once, in every block.
                ReadOnlySpan<T> memory = operands[i];
                for (int e = 0; e < input.Offsets.Length; e++)
                {
                    var value = new Vector<T>(memory[(int)input.Offsets[e]]);
                    for (int b = 0; b < Blocks; b++)
                    {
                        workspace[(b * length) + input.Base + e] = value;
                    }
                }
            }
        }

        int width = Vector<T>.Count;
        for (int first = 0; first < plan.Batch; first += Blocks * width)
        {
            // Blocks past the last item compute on stale lanes and are never written back.
            int blocks = Math.Min(Blocks, (plan.Batch - first + width - 1) / width);
            for (int b = 0; b < blocks; b++)
            {
                int blockFirst = first + (b * width);
                int count = Math.Min(width, plan.Batch - blockFirst);
                for (int i = 0; i < plan.Inputs.Length; i++)
                {
                    if (plan.Inputs[i].IsBatched)
                    {
                        Gather(plan.Inputs[i], operands[i], blockFirst, count, workspace.AsSpan(b * length, length));
                    }
                }
            }

            foreach (BatchedChainPlan.Step step in plan.Steps)
            {
                RunStep(step, workspace, length);
            }

            for (int b = 0; b < blocks; b++)
            {
                int blockFirst = first + (b * width);
                Scatter(plan.Result, result, blockFirst, Math.Min(width, plan.Batch - blockFirst), workspace.AsSpan(b * length, length), accumulate);
            }
        }
    }

    /// <summary>Every output element of one step in every block: the sum of its terms' products, on whole vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunStep<T>(BatchedChainPlan.Step step, Vector<T>[] workspace, int length)
        where T : unmanaged, INumberBase<T>
    {
        if (step.SharedOperand != 0)
        {
            RunSharedStep(step, workspace, length);
            return;
        }

        // Positions were built inside one block's bounds and the workspace holds Blocks blocks, so accesses go unchecked.
        ref Vector<T> block0 = ref MemoryMarshal.GetArrayDataReference(workspace);
        ref Vector<T> block1 = ref Unsafe.Add(ref block0, length);
        ref Vector<T> block2 = ref Unsafe.Add(ref block1, length);
        ref Vector<T> block3 = ref Unsafe.Add(ref block2, length);
        ref int left = ref MemoryMarshal.GetArrayDataReference(step.Left);
        ref int right = ref MemoryMarshal.GetArrayDataReference(step.Right);
        int terms = step.Terms;
        int term = 0;
        for (int o = 0; o < step.Outputs; o++)
        {
            Vector<T> sum0 = Vector<T>.Zero, sum1 = Vector<T>.Zero, sum2 = Vector<T>.Zero, sum3 = Vector<T>.Zero;
            for (int end = term + terms; term < end; term++)
            {
                int l = Unsafe.Add(ref left, term), r = Unsafe.Add(ref right, term);
                sum0 = MultiplyAdd(Unsafe.Add(ref block0, l), Unsafe.Add(ref block0, r), sum0);
                sum1 = MultiplyAdd(Unsafe.Add(ref block1, l), Unsafe.Add(ref block1, r), sum1);
                sum2 = MultiplyAdd(Unsafe.Add(ref block2, l), Unsafe.Add(ref block2, r), sum2);
                sum3 = MultiplyAdd(Unsafe.Add(ref block3, l), Unsafe.Add(ref block3, r), sum3);
            }

            int at = step.OutputBase + o;
            Unsafe.Add(ref block0, at) = sum0;
            Unsafe.Add(ref block1, at) = sum1;
            Unsafe.Add(ref block2, at) = sum2;
            Unsafe.Add(ref block3, at) = sum3;
        }
    }

    /// <summary>
    /// A step one of whose operands has no batch index (a broadcast input, the same in every block): its vector is loaded
    /// once per term for all blocks. The table's shared column is <see cref="BatchedChainPlan.Step.Right"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunSharedStep<T>(BatchedChainPlan.Step step, Vector<T>[] workspace, int length)
        where T : unmanaged, INumberBase<T>
    {
        ref Vector<T> block0 = ref MemoryMarshal.GetArrayDataReference(workspace);
        ref Vector<T> block1 = ref Unsafe.Add(ref block0, length);
        ref Vector<T> block2 = ref Unsafe.Add(ref block1, length);
        ref Vector<T> block3 = ref Unsafe.Add(ref block2, length);
        ref int batched = ref MemoryMarshal.GetArrayDataReference(step.SharedOperand == 2 ? step.Left : step.Right);
        ref int shared = ref MemoryMarshal.GetArrayDataReference(step.SharedOperand == 2 ? step.Right : step.Left);
        int terms = step.Terms;
        int term = 0;
        for (int o = 0; o < step.Outputs; o++)
        {
            Vector<T> sum0 = Vector<T>.Zero, sum1 = Vector<T>.Zero, sum2 = Vector<T>.Zero, sum3 = Vector<T>.Zero;
            for (int end = term + terms; term < end; term++)
            {
                int b = Unsafe.Add(ref batched, term);
                Vector<T> factor = Unsafe.Add(ref block0, Unsafe.Add(ref shared, term));
                sum0 = MultiplyAdd(Unsafe.Add(ref block0, b), factor, sum0);
                sum1 = MultiplyAdd(Unsafe.Add(ref block1, b), factor, sum1);
                sum2 = MultiplyAdd(Unsafe.Add(ref block2, b), factor, sum2);
                sum3 = MultiplyAdd(Unsafe.Add(ref block3, b), factor, sum3);
            }

            int at = step.OutputBase + o;
            Unsafe.Add(ref block0, at) = sum0;
            Unsafe.Add(ref block1, at) = sum1;
            Unsafe.Add(ref block2, at) = sum2;
            Unsafe.Add(ref block3, at) = sum3;
        }
    }

    /// <summary><c>a·b + c</c>, fused for float and double (one rounding, one instruction).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> MultiplyAdd<T>(Vector<T> a, Vector<T> b, Vector<T> c)
        where T : unmanaged, INumberBase<T>
    {
        if (typeof(T) == typeof(float))
        {
            return Vector.FusedMultiplyAdd(a.As<T, float>(), b.As<T, float>(), c.As<T, float>()).As<float, T>();
        }

        if (typeof(T) == typeof(double))
        {
            return Vector.FusedMultiplyAdd(a.As<T, double>(), b.As<T, double>(), c.As<T, double>()).As<double, T>();
        }

        return (a * b) + c;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Gather<T>(BatchedChainPlan.Operand input, ReadOnlySpan<T> memory, int first, int count, Span<Vector<T>> block)
        where T : unmanaged, INumberBase<T>
    {
        Span<Vector<T>> lanes = block.Slice(input.Base, input.Offsets.Length);
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Scatter<T>(BatchedChainPlan.Operand output, Span<T> memory, int first, int count, Span<Vector<T>> block, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        ReadOnlySpan<Vector<T>> lanes = block.Slice(output.Base, output.Offsets.Length);
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
