using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TensorGen.Runtime;

/// <summary>
/// Runs one bound step over memory. A binary float, double or Complex step that the cost model finds GEMM-like enough runs
/// in the packed GEMM engine (<see cref="GemmEngine"/>); a Complex step that sums nothing (a Hadamard or outer product) in
/// <see cref="ComplexProducts"/>; every other step — unary steps, tiny or degenerate ones, other element types — in a strided
/// loop nest with the output's indices outer and the summed indices inner, accumulating each output element locally. Spans are checked against the lengths the <see cref="StepLayout"/>
/// needs before either runs, so no stride can read or write outside them.
/// </summary>
public static class StridedKernels
{
    /// <summary>
    /// <c>output = Σ left ⊗ right</c> over the summed indices of <paramref name="step"/>; with
    /// <paramref name="accumulate"/> the sum is added to <paramref name="output"/> instead of replacing it.
    /// </summary>
    /// <exception cref="ArgumentException">The step is unary, or a span is shorter than the step's layout needs.</exception>
    public static void Contract<T>(StepLayout step, ReadOnlySpan<T> left, ReadOnlySpan<T> right, Span<T> output, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.IsUnary)
        {
            throw new ArgumentException($"Step {step.Index} (\"{step.Contraction}\") has one operand; call the unary Contract.", nameof(step));
        }

        ThrowIfShort(step, left.Length, step.LeftLength, nameof(left));
        ThrowIfShort(step, right.Length, step.RightLength, nameof(right));
        ThrowIfShort(step, output.Length, step.OutputLength, nameof(output));
        KernelTier tier = KernelOptions.Tier;
        GemmLayout? gemm = GemmFor<T>(step, tier);
        if (gemm is not null)
        {
            GemmEngine.Run(gemm, tier, in MemoryMarshal.GetReference(left), in MemoryMarshal.GetReference(right),
                ref MemoryMarshal.GetReference(output), accumulate);
            return;
        }

        if (typeof(T) == typeof(Complex) && ComplexProducts.Handles(step))
        {
            ComplexProducts.Run(step, tier, in Unsafe.As<T, Complex>(ref MemoryMarshal.GetReference(left)),
                in Unsafe.As<T, Complex>(ref MemoryMarshal.GetReference(right)), ref Unsafe.As<T, Complex>(ref MemoryMarshal.GetReference(output)), accumulate);
            return;
        }

        var term = new ProductTerm<T>(in MemoryMarshal.GetReference(left), in MemoryMarshal.GetReference(right));
        LoopNest.Run(step, term, ref MemoryMarshal.GetReference(output), accumulate);
    }

    /// <summary>
    /// <c>output = Σ input</c> over the summed indices of a unary <paramref name="step"/> (a permutation, trace,
    /// diagonal or sum); with <paramref name="accumulate"/> the sum is added to <paramref name="output"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The step has two operands, or a span is shorter than the step's layout needs.</exception>
    public static void Contract<T>(StepLayout step, ReadOnlySpan<T> input, Span<T> output, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(step);
        if (!step.IsUnary)
        {
            throw new ArgumentException($"Step {step.Index} (\"{step.Contraction}\") has two operands; call the binary Contract.", nameof(step));
        }

        ThrowIfShort(step, input.Length, step.LeftLength, nameof(input));
        ThrowIfShort(step, output.Length, step.OutputLength, nameof(output));
        var term = new SingleTerm<T>(in MemoryMarshal.GetReference(input));
        LoopNest.Run(step, term, ref MemoryMarshal.GetReference(output), accumulate);
    }

    /// <summary>
    /// The GEMM view of a binary step when the engine runs it — a float, double or Complex step with elements to write and to
    /// read, which the cost model prefers over the loop nest at <paramref name="tier"/> — else null (the loop nest runs it).
    /// </summary>
    internal static GemmLayout? GemmFor<T>(StepLayout step, KernelTier tier)
        where T : unmanaged, INumberBase<T>
    {
        if (!GemmEngine.Supports<T>() || step.IsUnary || step.OutputLength == 0 || step.LeftLength == 0 || step.RightLength == 0)
        {
            return null;
        }

        GemmLayout? gemm = step.Gemm;
        return gemm is not null && step.PrefersGemm<T>(gemm, tier) ? gemm : null;
    }

    private static void ThrowIfShort(StepLayout step, int length, nint needed, string name)
    {
        if (length < needed)
        {
            ThrowShort(step, length, needed, name);
        }
    }

    /// <summary>The throw, apart: the check stays small enough to inline (three per step, on every call).</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowShort(StepLayout step, int length, nint needed, string name) =>
        throw new ArgumentException(
            $"Step {step.Index} (\"{step.Contraction}\") reaches element {(long)needed - 1} of '{name}', but the span has {length} elements.",
            name);
}
