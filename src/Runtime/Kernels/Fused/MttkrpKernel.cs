using System;
using System.Buffers;
using System.Numerics;
using System.Threading.Tasks;
using TensorGen.Planning;

namespace TensorGen.Runtime;

/// <summary>
/// <c>out[f, r] (+)= Σ_u U[u, r] · (Σ_w X[f, u, w] · W[w, r])</c> (<see cref="MttkrpPattern"/>) as GEMMs over slices of
/// X, so neither the Khatri–Rao product nor a whole f × u × r intermediate is formed. The slices are taken along X's
/// outermost index, so each is one contiguous block of memory (the two factors play symmetric parts, so u is made the
/// outer of u and w): along f, <c>T = X[f] · W</c> (u × r) and then the row-wise product with U summed over u; along u,
/// <c>T = X[:, u, :] · W</c> (f × r) and then <c>out += U[u] ⊙ T</c> row by row. Threads take disjoint ranges of f.
/// </summary>
internal static unsafe class MttkrpKernel
{
    /// <summary>Rows of f one slice GEMM along u produces at most (its T stays in the thread's cache).</summary>
    private const int RowElements = 1 << 16;

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

        if (roles.XSecond > roles.XFirst)
        {
            roles = roles with
            {
                First = roles.Second, Second = roles.First, XFirst = roles.XSecond, XSecond = roles.XFirst,
                UFirst = roles.WSecond, URank = roles.WRank, WSecond = roles.UFirst, WRank = roles.URank,
            };
            ReadOnlySpan<T> factor = u;
            u = w;
            w = factor;
        }

        if (!GemmEngine.Supports<T>() || roles.First == 0 || roles.Second == 0)
        {
            LoopNest(roles, x, u, w, output, accumulate);
            return;
        }

        bool alongFree = roles.XFree >= roles.XFirst;
        GemmLayout slice = alongFree ? FreeSlice(roles) : FirstSlice(roles, roles.Free);
        KernelTier tier = KernelOptions.Tier;
        double cycles = (alongFree ? roles.Free : roles.First) * GemmCostModel.GemmCycles(slice, GemmEngine.Blocking<T>(tier));
        int threads = (int)Math.Min(roles.Free, GemmCostModel.ThreadsFor(cycles, Math.Min(KernelOptions.MaxThreads, Environment.ProcessorCount)));
        fixed (T* xp = x, up = u, wp = w, op = output)
        {
            nint xAddress = (nint)xp, uAddress = (nint)up, wAddress = (nint)wp, outAddress = (nint)op;
            void Part(nint start, nint end)
            {
                if (alongFree)
                {
                    FreeSlices(roles, slice, tier, (T*)xAddress, (T*)uAddress, (T*)wAddress, (T*)outAddress, start, end, accumulate);
                }
                else
                {
                    FirstSlices(roles, tier, (T*)xAddress, (T*)uAddress, (T*)wAddress, (T*)outAddress, start, end, accumulate);
                }
            }

            if (threads == 1)
            {
                Part(0, roles.Free);
                return;
            }

            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, part =>
                Part(roles.Free * part / threads, roles.Free * (part + 1) / threads));
        }
    }

    /// <summary>T[u, r] = Σ_w X[f, u, w] · W[w, r] for one f, T dense: the GEMM of a slice along f.</summary>
    private static GemmLayout FreeSlice(Roles roles) => SliceGemm(roles, roles.First, roles.XFirst);

    /// <summary>T[f, r] = Σ_w X[f, u, w] · W[w, r] for one u and <paramref name="rows"/> values of f, T dense.</summary>
    private static GemmLayout FirstSlice(Roles roles, nint rows) => SliceGemm(roles, rows, roles.XFree);

    /// <summary>T[row, r] = Σ_w X[row, w] · W[w, r] over <paramref name="rows"/> rows <paramref name="rowStride"/> apart in X.</summary>
    private static GemmLayout SliceGemm(Roles roles, nint rows, nint rowStride) =>
        GemmLayout.Create(
            [rows, roles.Rank, roles.Second],
            [StepIndexUse.Left | StepIndexUse.Output, StepIndexUse.Right | StepIndexUse.Output, StepIndexUse.Left | StepIndexUse.Right],
            [rowStride, 0, roles.XSecond],
            [0, roles.WRank, roles.WSecond],
            [roles.Rank, 1, 0])
        ?? throw new InvalidOperationException("An MTTKRP slice is a plain GEMM.");

    /// <summary>
    /// Rows <paramref name="start"/> .. <paramref name="end"/> − 1 of f, in chunks whose T fits the cache: for each u,
    /// the chunk's GEMM, then <c>out[f, r] (+)= U[u, r] · T[f, r]</c>.
    /// </summary>
    private static void FirstSlices<T>(Roles roles, KernelTier tier, T* x, T* u, T* w, T* output, nint start, nint end, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        nint chunk = Math.Max(16, RowElements / roles.Rank);
        GemmLayout? whole = null, rest = null;
        T[] product = ArrayPool<T>.Shared.Rent(checked((int)(Math.Min(chunk, end - start) * roles.Rank)));
        fixed (T* t = product)
        {
            for (nint f0 = start; f0 < end; f0 += chunk)
            {
                nint rows = Math.Min(chunk, end - f0);
                GemmLayout slice = rows == chunk ? whole ??= FirstSlice(roles, rows) : rest ??= FirstSlice(roles, rows);
                for (nint i = 0; i < roles.First; i++)
                {
                    // The engine takes its operands A and B, which are the slice's left and right unless the layout swapped them.
                    T* xSlice = x + (f0 * roles.XFree) + (i * roles.XFirst);
                    GemmEngine.RunOnThisThread(slice, tier, slice.Swapped ? w : xSlice, slice.Swapped ? xSlice : w, t, accumulate: false);
                    T* factor = u + (i * roles.UFirst);
                    bool add = accumulate || i > 0;
                    for (nint f = 0; f < rows; f++)
                    {
                        T* row = t + (f * roles.Rank);
                        T* target = output + ((f0 + f) * roles.OutFree);
                        for (nint r = 0; r < roles.Rank; r++)
                        {
                            T* element = target + (r * roles.OutRank);
                            T term = row[r] * factor[r * roles.URank];
                            *element = add ? *element + term : term;
                        }
                    }
                }
            }
        }

        ArrayPool<T>.Shared.Return(product);
    }

    /// <summary>Slices <paramref name="start"/> .. <paramref name="end"/> − 1 of f, one GEMM each, then the row-wise product.</summary>
    private static void FreeSlices<T>(Roles roles, GemmLayout slice, KernelTier tier, T* x, T* u, T* w, T* output, nint start, nint end, bool accumulate)
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

                // An empty second sum makes every term empty: the first factor is not read (0 · NaN would be NaN).
                for (nint i = 0; roles.Second > 0 && i < roles.First; i++)
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
