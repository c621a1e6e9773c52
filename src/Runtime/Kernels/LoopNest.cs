using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace TensorGen.Runtime;

/// <summary>
/// The generic strided loop nest: an odometer over the kept (output) indices with the last one as a tight
/// inner loop, and for each output element a local accumulator over the summed indices, likewise with the
/// last summed index innermost. Callers have checked every offset the layout can produce against their spans.
/// </summary>
/// <remarks>
/// Accuracy of a sum s = Σ x_i y_i of K terms, with unit roundoffs u_f = 2⁻²⁴ and u_d = 2⁻⁵³ (Higham, <i>Accuracy and
/// Stability of Numerical Algorithms</i>, 2nd ed., §4.2): float steps multiply and add in double — each product of two
/// floats is exact in double — and round once to float, so |ŝ − s| ≤ u_f·|s| + (K − 1)·u_d·(1 + u_f)·Σ|x_i y_i|, which for
/// K ≤ 2²⁹ is within u_f·(|s| + Σ|x_i y_i|): independent of K, where summing in float would allow (K − 1)·u_f·Σ|x_i y_i|.
/// Double steps multiply and sum in double: |ŝ − s| ≤ K·u_d·Σ|x_i y_i| (to first order; γ_K in Higham's notation).
/// </remarks>
internal static class LoopNest
{
    /// <summary>Loop ranks up to this use stack memory for their counters.</summary>
    private const int StackCounters = 32;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<T, TTerm>(StepLayout step, TTerm term, ref T output, bool accumulate)
        where T : INumberBase<T>
        where TTerm : IStepTerm<T>, allows ref struct
    {
        if (step.OutputLength == 0)
        {
            return; // The output has no elements.
        }

        ReadOnlySpan<nint> extents = step.Extents;
        int kept = step.KeptCount;
        bool emptySum = step.IsEmptySum || EmptyExtents.Any(extents[kept..]);
        // Only as many counters as the step has indices: stack memory is zeroed, so a fixed 32 would clear 256 bytes per call.
        Span<nint> counters = extents.Length <= StackCounters ? stackalloc nint[extents.Length] : new nint[extents.Length];
        var summed = new SummedIndices(extents[kept..], step.LeftStrides[kept..], step.RightStrides[kept..], counters[kept..]);

        if (kept == 0)
        {
            T value = emptySum ? T.Zero : Sum<T, TTerm>(in term, 0, 0, summed);
            output = accumulate ? output + value : value;
            return;
        }

        ReadOnlySpan<nint> leftStrides = step.LeftStrides;
        ReadOnlySpan<nint> rightStrides = step.RightStrides;
        ReadOnlySpan<nint> outputStrides = step.OutputStrides;
        int inner = kept - 1;
        nint innerExtent = extents[inner];
        nint leftStep = leftStrides[inner], rightStep = rightStrides[inner], outputStep = outputStrides[inner];
        nint left = 0, right = 0, outputOffset = 0;
        while (true)
        {
            nint l = left, r = right, o = outputOffset;
            for (nint i = 0; i < innerExtent; i++)
            {
                T value = emptySum ? T.Zero : Sum<T, TTerm>(in term, l, r, summed);
                ref T target = ref Unsafe.Add(ref output, o);
                target = accumulate ? target + value : value;
                l += leftStep;
                r += rightStep;
                o += outputStep;
            }

            int d = inner - 1;
            for (; d >= 0; d--)
            {
                left += leftStrides[d];
                right += rightStrides[d];
                outputOffset += outputStrides[d];
                if (++counters[d] < extents[d])
                {
                    break;
                }

                counters[d] = 0;
                left -= leftStrides[d] * extents[d];
                right -= rightStrides[d] * extents[d];
                outputOffset -= outputStrides[d] * extents[d];
            }

            if (d < 0)
            {
                return;
            }
        }
    }

    /// <summary>Σ over the summed indices of the term, from the given offsets, in double for float steps (see the remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Sum<T, TTerm>(scoped in TTerm term, nint left, nint right, SummedIndices summed)
        where T : INumberBase<T>
        where TTerm : IStepTerm<T>, allows ref struct =>
        typeof(T) == typeof(float)
            ? T.CreateTruncating(Sum<T, double, TTerm>(in term, left, right, summed))
            : Sum<T, T, TTerm>(in term, left, right, summed);

    /// <summary>Σ over the summed indices of the term, from the given offsets; every summed extent is at least 1.</summary>
    private static TAccumulator Sum<T, TAccumulator, TTerm>(scoped in TTerm term, nint left, nint right, SummedIndices summed)
        where T : INumberBase<T>
        where TAccumulator : INumberBase<TAccumulator>
        where TTerm : IStepTerm<T>, allows ref struct
    {
        int rank = summed.Extents.Length;
        if (rank == 0)
        {
            return term.Read<TAccumulator>(left, right);
        }

        Span<nint> counters = summed.Counters;
        ReadOnlySpan<nint> extents = summed.Extents;
        int inner = rank - 1;
        nint innerExtent = extents[inner];
        nint leftStep = summed.LeftStrides[inner], rightStep = summed.RightStrides[inner];
        TAccumulator sum = TAccumulator.Zero;
        while (true)
        {
            nint l = left, r = right;
            for (nint i = 0; i < innerExtent; i++)
            {
                sum += term.Read<TAccumulator>(l, r);
                l += leftStep;
                r += rightStep;
            }

            int d = inner - 1;
            for (; d >= 0; d--)
            {
                left += summed.LeftStrides[d];
                right += summed.RightStrides[d];
                if (++counters[d] < extents[d])
                {
                    break;
                }

                counters[d] = 0;
                left -= summed.LeftStrides[d] * extents[d];
                right -= summed.RightStrides[d] * extents[d];
            }

            if (d < 0)
            {
                return sum;
            }
        }
    }

    /// <summary>The summed part of a loop space, with the counters its odometer turns (all 0 between sums).</summary>
    private readonly ref struct SummedIndices(ReadOnlySpan<nint> extents, ReadOnlySpan<nint> leftStrides, ReadOnlySpan<nint> rightStrides, Span<nint> counters)
    {
        public ReadOnlySpan<nint> Extents { get; } = extents;

        public ReadOnlySpan<nint> LeftStrides { get; } = leftStrides;

        public ReadOnlySpan<nint> RightStrides { get; } = rightStrides;

        public Span<nint> Counters { get; } = counters;
    }
}
