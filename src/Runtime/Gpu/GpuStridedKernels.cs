using System;
using ILGPU;
using ILGPU.Runtime;

namespace TensorGen.Runtime.Gpu;

/// <summary>
/// Runs one bound step (a <see cref="StepLayout"/>: any extents and strides, broadcast and diagonal ones included) on the
/// GPU: one thread per output element computes its offsets from the step's lengths and strides, read from a small device
/// table, then sums its terms. The dynamic form's generated GPU code calls this for every step, as the CPU's calls
/// <see cref="StridedKernels"/>.
/// </summary>
public static class GpuStridedKernels
{
    // The table: rank, kept, number of summed terms, then per loop index: extent, left, right and output stride.
    private const int Header = 3;
    private const int PerIndex = 4;

    // Kernel modes.
    private const int Unary = 1;
    private const int Accumulate = 2;
    private const int EmptySum = 4;

    /// <summary><c>output (+)= Σ left ⊗ right</c> over the step's summed indices, enqueued on <paramref name="gpu"/>'s stream.</summary>
    public static void Contract<T>(GpuContext gpu, StepLayout step, ArrayView<T> left, ArrayView<T> right, ArrayView<T> output, bool accumulate)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.IsUnary)
        {
            throw new ArgumentException($"Step {step.Index} (\"{step.Contraction}\") has one operand; call the unary Contract.", nameof(step));
        }

        GpuChecks.ThrowIfShort(step, right.Length, step.RightLength, nameof(right));
        Run(gpu, step, left, right, output, accumulate ? Accumulate : 0);
    }

    /// <summary><c>output (+)= Σ input</c> over a unary step's summed indices (a permutation, trace, diagonal or sum).</summary>
    public static void Contract<T>(GpuContext gpu, StepLayout step, ArrayView<T> input, ArrayView<T> output, bool accumulate)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(step);
        if (!step.IsUnary)
        {
            throw new ArgumentException($"Step {step.Index} (\"{step.Contraction}\") has two operands; call the binary Contract.", nameof(step));
        }

        Run(gpu, step, input, input, output, Unary | (accumulate ? Accumulate : 0));
    }

    private static void Run<T>(GpuContext gpu, StepLayout step, ArrayView<T> left, ArrayView<T> right, ArrayView<T> output, int mode)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(gpu);
        GpuChecks.ThrowIfShort(step, left.Length, step.LeftLength, nameof(left));
        GpuChecks.ThrowIfShort(step, output.Length, step.OutputLength, nameof(output));
        long outputs = 1;
        long terms = 1;
        for (int d = 0; d < step.Rank; d++)
        {
            if (d < step.KeptCount)
            {
                outputs *= step.Extents[d];
            }
            else
            {
                terms *= step.Extents[d];
            }
        }

        if (outputs == 0 || (step.IsEmptySum && (mode & Accumulate) != 0))
        {
            return; // nothing to write, or an empty sum added
        }

        if (step.IsEmptySum || terms == 0)
        {
            mode |= EmptySum;
        }

        var table = new long[Header + (PerIndex * step.Rank)];
        table[0] = step.Rank;
        table[1] = step.KeptCount;
        table[2] = terms;
        for (int d = 0; d < step.Rank; d++)
        {
            table[Header + (PerIndex * d)] = step.Extents[d];
            table[Header + (PerIndex * d) + 1] = step.LeftStrides[d];
            table[Header + (PerIndex * d) + 2] = step.RightStrides[d];
            table[Header + (PerIndex * d) + 3] = step.OutputStrides[d];
        }

        // Disposed at once: the stream runs in order, so whoever rents the table's memory next writes it after this kernel ran.
        using GpuBuffer<long> layout = gpu.Upload<long>(table);
        int count = checked((int)outputs);
        if (typeof(T) == typeof(float))
        {
            gpu.Kernel(static accelerator => accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<long>, int>(SingleKernel))(
                gpu.Stream, count, left.Cast<float>(), right.Cast<float>(), output.Cast<float>(), layout.View, mode);
        }
        else if (typeof(T) == typeof(double))
        {
            gpu.Kernel(static accelerator => accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<long>, int>(DoubleKernel))(
                gpu.Stream, count, left.Cast<double>(), right.Cast<double>(), output.Cast<double>(), layout.View, mode);
        }
        else
        {
            throw new NotSupportedException($"GPU einsum steps take float or double elements, not {typeof(T).Name}.");
        }
    }

    /// <summary>One output element of a float step (ILGPU kernels are not generic over arithmetic: one kernel per type).</summary>
    private static void SingleKernel(Index1D index, ArrayView<float> left, ArrayView<float> right, ArrayView<float> output, ArrayView<long> layout, int mode)
    {
        int rank = (int)layout[0];
        int kept = (int)layout[1];
        long rest = index.X;
        long leftOffset = 0, rightOffset = 0, outputOffset = 0;
        for (int d = kept - 1; d >= 0; d--)
        {
            long extent = layout[Header + (PerIndex * d)];
            long position = rest % extent;
            rest /= extent;
            leftOffset += position * layout[Header + (PerIndex * d) + 1];
            rightOffset += position * layout[Header + (PerIndex * d) + 2];
            outputOffset += position * layout[Header + (PerIndex * d) + 3];
        }

        float sum = 0;
        if ((mode & EmptySum) == 0)
        {
            long terms = layout[2];
            for (long term = 0; term < terms; term++)
            {
                long left0 = leftOffset, right0 = rightOffset, remaining = term;
                for (int d = rank - 1; d >= kept; d--)
                {
                    long extent = layout[Header + (PerIndex * d)];
                    long position = remaining % extent;
                    remaining /= extent;
                    left0 += position * layout[Header + (PerIndex * d) + 1];
                    right0 += position * layout[Header + (PerIndex * d) + 2];
                }

                sum += (mode & Unary) != 0 ? left[left0] : left[left0] * right[right0];
            }
        }

        output[outputOffset] = (mode & Accumulate) != 0 ? output[outputOffset] + sum : sum;
    }

    /// <summary>One output element of a double step.</summary>
    private static void DoubleKernel(Index1D index, ArrayView<double> left, ArrayView<double> right, ArrayView<double> output, ArrayView<long> layout, int mode)
    {
        int rank = (int)layout[0];
        int kept = (int)layout[1];
        long rest = index.X;
        long leftOffset = 0, rightOffset = 0, outputOffset = 0;
        for (int d = kept - 1; d >= 0; d--)
        {
            long extent = layout[Header + (PerIndex * d)];
            long position = rest % extent;
            rest /= extent;
            leftOffset += position * layout[Header + (PerIndex * d) + 1];
            rightOffset += position * layout[Header + (PerIndex * d) + 2];
            outputOffset += position * layout[Header + (PerIndex * d) + 3];
        }

        double sum = 0;
        if ((mode & EmptySum) == 0)
        {
            long terms = layout[2];
            for (long term = 0; term < terms; term++)
            {
                long left0 = leftOffset, right0 = rightOffset, remaining = term;
                for (int d = rank - 1; d >= kept; d--)
                {
                    long extent = layout[Header + (PerIndex * d)];
                    long position = remaining % extent;
                    remaining /= extent;
                    left0 += position * layout[Header + (PerIndex * d) + 1];
                    right0 += position * layout[Header + (PerIndex * d) + 2];
                }

                sum += (mode & Unary) != 0 ? left[left0] : left[left0] * right[right0];
            }
        }

        output[outputOffset] = (mode & Accumulate) != 0 ? output[outputOffset] + sum : sum;
    }
}
