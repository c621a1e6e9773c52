using System;
using System.Buffers;
using System.Numerics;
using System.Threading.Tasks;
using TensorGen.Planning;

namespace TensorGen.Runtime;

/// <summary>
/// <c>out[f, r] (+)= Σ_u U[u, r] · (Σ_w X[f, u, w] · W[w, r])</c> (<see cref="MttkrpPattern"/>): for each slice f, the GEMM
/// <c>T = X[f] · W</c> (u × r, kept in the thread's cache) and then the row-wise product with U summed over u. Neither the
/// Khatri–Rao product nor a whole f × u × r intermediate is formed; threads take disjoint ranges of f.
/// </summary>
internal static unsafe class MttkrpKernel
{
    /// <summary>The roles' sizes and every operand's stride along each role.</summary>
    internal readonly record struct Roles(
        nint Free, nint First, nint Second, nint Rank,
        nint XFree, nint XFirst, nint XSecond,
        nint UFirst, nint URank,
        nint WSecond, nint WRank,
        nint OutFree, nint OutRank);

    public static void Run<T>(Roles roles, ReadOnlySpan<T> x, ReadOnlySpan<T> u, ReadOnlySpan<T> w, Span<T> output, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        if (roles.Free == 0 || roles.Rank == 0)
        {
            return;
        }

        GemmLayout? slice = GemmEngine.Supports<T>() && roles.First > 0 && roles.Second > 0
            ? GemmLayout.Create(
                [roles.First, roles.Rank, roles.Second],
                [StepIndexUse.Left | StepIndexUse.Output, StepIndexUse.Right | StepIndexUse.Output, StepIndexUse.Left | StepIndexUse.Right],
                [roles.XFirst, 0, roles.XSecond],
                [0, roles.WRank, roles.WSecond],
                [roles.Rank, 1, 0])
            : null;
        if (slice is null)
        {
            LoopNest(roles, x, u, w, output, accumulate);
            return;
        }

        KernelTier tier = KernelOptions.Tier;
        double cycles = roles.Free * GemmCostModel.GemmCycles(slice, GemmEngine.Blocking<T>(tier));
        int threads = (int)Math.Min(roles.Free, GemmCostModel.ThreadsFor(cycles, Math.Min(KernelOptions.MaxThreads, Environment.ProcessorCount)));
        fixed (T* xp = x, up = u, wp = w, op = output)
        {
            nint xAddress = (nint)xp, uAddress = (nint)up, wAddress = (nint)wp, outAddress = (nint)op;
            if (threads == 1)
            {
                Slices(roles, slice, tier, xp, up, wp, op, 0, roles.Free, accumulate);
                return;
            }

            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, part =>
                Slices(roles, slice, tier, (T*)xAddress, (T*)uAddress, (T*)wAddress, (T*)outAddress,
                    roles.Free * part / threads, roles.Free * (part + 1) / threads, accumulate));
        }
    }

    /// <summary>Slices <paramref name="start"/> .. <paramref name="end"/> − 1 of f.</summary>
    private static void Slices<T>(Roles roles, GemmLayout slice, KernelTier tier, T* x, T* u, T* w, T* output, nint start, nint end, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        int productLength = checked((int)(roles.First * roles.Rank));
        T[] product = ArrayPool<T>.Shared.Rent(productLength + checked((int)roles.Rank));
        fixed (T* t = product)
        {
            T* sums = t + productLength;
            for (nint f = start; f < end; f++)
            {
                // The engine takes its operands A and B, which are the slice's left and right unless the layout swapped them.
                T* xSlice = x + (f * roles.XFree);
                GemmEngine.RunOnThisThread(slice, tier, slice.Swapped ? w : xSlice, slice.Swapped ? xSlice : w, t, accumulate: false);
                new Span<T>(sums, (int)roles.Rank).Clear();
                for (nint i = 0; i < roles.First; i++)
                {
                    T* row = t + (i * roles.Rank);
                    T* factor = u + (i * roles.UFirst);
                    for (nint r = 0; r < roles.Rank; r++)
                    {
                        sums[r] += row[r] * factor[r * roles.URank];
                    }
                }

                T* target = output + (f * roles.OutFree);
                for (nint r = 0; r < roles.Rank; r++)
                {
                    T* element = target + (r * roles.OutRank);
                    *element = accumulate ? *element + sums[r] : sums[r];
                }
            }
        }

        ArrayPool<T>.Shared.Return(product);
    }

    /// <summary>The same sums as a plain loop nest, for element types the engine does not compute in and for empty sums.</summary>
    private static void LoopNest<T>(Roles roles, ReadOnlySpan<T> x, ReadOnlySpan<T> u, ReadOnlySpan<T> w, Span<T> output, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        for (nint f = 0; f < roles.Free; f++)
        {
            for (nint r = 0; r < roles.Rank; r++)
            {
                T sum = T.Zero;
                for (nint i = 0; i < roles.First; i++)
                {
                    T inner = T.Zero;
                    for (nint j = 0; j < roles.Second; j++)
                    {
                        inner += x[(int)((f * roles.XFree) + (i * roles.XFirst) + (j * roles.XSecond))] * w[(int)((j * roles.WSecond) + (r * roles.WRank))];
                    }

                    sum += u[(int)((i * roles.UFirst) + (r * roles.URank))] * inner;
                }

                ref T target = ref output[(int)((f * roles.OutFree) + (r * roles.OutRank))];
                target = accumulate ? target + sum : sum;
            }
        }
    }
}
