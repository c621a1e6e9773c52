using System;
using System.Numerics;
using System.Threading.Tasks;

namespace TensorGen.Runtime;

/// <summary>
/// Runs a GEMM-like binary step (<see cref="GemmLayout"/>) with the micro-kernel of <see cref="KernelOptions.Tier"/>,
/// on up to <see cref="KernelOptions.MaxThreads"/> threads when the step is large: threads take disjoint batch
/// positions, else disjoint column ranges (each packing its own right block into its own L2), else row ranges.
/// </summary>
internal static unsafe partial class GemmEngine
{
    /// <summary>True for the element types the micro-kernels compute in (float, double and <see cref="Complex"/>).</summary>
    public static bool Supports<T>() => typeof(T) == typeof(float) || typeof(T) == typeof(double) || typeof(T) == typeof(Complex);

    /// <summary>The blocking of the current tier for <typeparamref name="T"/>.</summary>
    public static GemmBlocking Blocking<T>(KernelTier tier)
        where T : unmanaged, INumberBase<T> => typeof(T) == typeof(Complex) ? ComplexBlocking(tier) : tier switch
        {
            KernelTier.Avx512 => BlockingOf<T, Avx512MicroKernel<T>>(),
            KernelTier.Avx2 => BlockingOf<T, Avx2MicroKernel<T>>(),
            KernelTier.Vector128 => BlockingOf<T, Vector128MicroKernel<T>>(),
            _ => BlockingOf<T, ScalarMicroKernel<T>>(),
        };

    /// <summary>
    /// <c>output (+)= Σ left ⊗ right</c>; the spans' first elements are given by reference and every offset the
    /// layout produces has been checked against their lengths.
    /// </summary>
    public static void Run<T>(GemmLayout layout, KernelTier tier, ref readonly T left, ref readonly T right, ref T output, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        fixed (T* l = &left, r = &right, o = &output)
        {
            T* a = layout.Swapped ? r : l;
            T* b = layout.Swapped ? l : r;
            if (typeof(T) == typeof(Complex))
            {
                RunComplex(layout, tier, (Complex*)a, (Complex*)b, (Complex*)o, accumulate);
                return;
            }

            switch (tier)
            {
                case KernelTier.Avx512:
                    Run<T, Avx512MicroKernel<T>>(layout, a, b, o, accumulate);
                    break;
                case KernelTier.Avx2:
                    Run<T, Avx2MicroKernel<T>>(layout, a, b, o, accumulate);
                    break;
                case KernelTier.Vector128:
                    Run<T, Vector128MicroKernel<T>>(layout, a, b, o, accumulate);
                    break;
                default:
                    Run<T, ScalarMicroKernel<T>>(layout, a, b, o, accumulate);
                    break;
            }
        }
    }

    /// <summary>The whole of <paramref name="layout"/> on the calling thread, from operand A, B and C's first elements.</summary>
    public static void RunOnThisThread<T>(GemmLayout layout, KernelTier tier, T* a, T* b, T* c, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        var whole = new GemmWork(0, layout.Batch.Extent, 0, layout.Rows.Extent, 0, layout.Columns.Extent);
        if (typeof(T) == typeof(Complex))
        {
            RunComplexOnThisThread(layout, tier, (Complex*)a, (Complex*)b, (Complex*)c, accumulate, whole);
            return;
        }

        switch (tier)
        {
            case KernelTier.Avx512:
                GemmDriver<T, Avx512MicroKernel<T>>.Run(layout, a, b, c, accumulate, whole);
                break;
            case KernelTier.Avx2:
                GemmDriver<T, Avx2MicroKernel<T>>.Run(layout, a, b, c, accumulate, whole);
                break;
            case KernelTier.Vector128:
                GemmDriver<T, Vector128MicroKernel<T>>.Run(layout, a, b, c, accumulate, whole);
                break;
            default:
                GemmDriver<T, ScalarMicroKernel<T>>.Run(layout, a, b, c, accumulate, whole);
                break;
        }
    }

    private static GemmBlocking BlockingOf<T, TKernel>()
        where T : unmanaged
        where TKernel : struct, IMicroKernel<T> =>
        new(default(TKernel).MaxRows, default(TKernel).MaxWidth, default(TKernel).VectorLength, sizeof(T));

    private static void Run<T, TKernel>(GemmLayout layout, T* a, T* b, T* c, bool accumulate)
        where T : unmanaged, INumberBase<T>
        where TKernel : struct, IMicroKernel<T>
    {
        GemmBlocking blocking = BlockingOf<T, TKernel>();
        int threads = GemmCostModel.Threads(layout, blocking, Math.Min(KernelOptions.MaxThreads, Environment.ProcessorCount));
        GemmWork whole = new(0, layout.Batch.Extent, 0, layout.Rows.Extent, 0, layout.Columns.Extent);
        if (threads == 1)
        {
            GemmDriver<T, TKernel>.Run(layout, a, b, c, accumulate, whole);
            return;
        }

        GemmWork[] parts = Split(whole, threads, blocking);
        nint aAddress = (nint)a, bAddress = (nint)b, cAddress = (nint)c;
        Parallel.For(0, parts.Length, new ParallelOptions { MaxDegreeOfParallelism = parts.Length },
            part => GemmDriver<T, TKernel>.Run(layout, (T*)aAddress, (T*)bAddress, (T*)cAddress, accumulate, parts[part]));
    }

    /// <summary>Disjoint parts of the output: by batch position if there are enough, else by whole column panels, else by row panels.</summary>
    private static GemmWork[] Split(GemmWork whole, int threads, GemmBlocking blocking)
    {
        var parts = new GemmWork[threads];
        nint batch = whole.BatchEnd, rows = whole.RowEnd, columns = whole.ColumnEnd;
        nint columnPanels = (columns + blocking.Columns - 1) / blocking.Columns;
        nint rowPanels = (rows + blocking.Rows - 1) / blocking.Rows;
        for (int t = 0; t < threads; t++)
        {
            if (batch >= threads)
            {
                parts[t] = whole with { BatchStart = Share(batch, t, threads, 1), BatchEnd = Share(batch, t + 1, threads, 1) };
            }
            else if (columnPanels >= threads)
            {
                parts[t] = whole with
                {
                    ColumnStart = Math.Min(columns, Share(columnPanels, t, threads, blocking.Columns)),
                    ColumnEnd = Math.Min(columns, Share(columnPanels, t + 1, threads, blocking.Columns)),
                };
            }
            else
            {
                parts[t] = whole with
                {
                    RowStart = Math.Min(rows, Share(rowPanels, t, threads, blocking.Rows)),
                    RowEnd = Math.Min(rows, Share(rowPanels, t + 1, threads, blocking.Rows)),
                };
            }
        }

        return parts;
    }

    /// <summary>Where part <paramref name="part"/> of <paramref name="count"/> units starts, in elements of <paramref name="unit"/>.</summary>
    private static nint Share(nint count, int part, int parts, int unit) => count * part / parts * unit;
}
