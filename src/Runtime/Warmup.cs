using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Threading.Tasks;

namespace TensorGen.Runtime;

/// <summary>
/// Compiles TensorGen.Runtime's code paths ahead of an application's first real call. Built as a ReadyToRun image
/// (src/Runtime/Build/ReadyToRun.targets, opt-in: -p:TensorGenRuntimeReadyToRun=true), on an x86-64-v4 (AVX-512) CPU the first call of the static
/// 64 × 64³ batched matrix product JIT-compiles about 10 small methods (the GEMM driver and micro-kernels are precompiled)
/// and a dynamic kernel's first call about 100 more (BCL generics over the runtime's types in its parser, planner and
/// lowering). Where the image's code cannot be used (another CPU, OS or runtime) the first call JIT-compiles everything it
/// touches, 90–750 methods. What remains is the JIT of code the image cannot hold (generic arithmetic through
/// <c>INumberBase&lt;T&gt;</c>, instantiations made only in the caller's assembly) and the thread pool's start-up with threads.
/// </summary>
public static class Warmup
{
    /// <summary>
    /// Runs every kernel family once on tiny operands in float and double at the current <see cref="KernelOptions.Tier"/> —
    /// the GEMM engine, the strided loop nest, a unary step, per-shape planning, the batched chain and the fused MTTKRP — and
    /// starts the worker threads the GEMM engine uses when <see cref="KernelOptions.MaxThreads"/> allows more than one.
    /// Takes on the order of 100 ms; call it once at start-up (or on a background thread, <see cref="PrepareAsync"/>).
    /// </summary>
    public static void Prepare()
    {
        Prepare<float>();
        Prepare<double>();
        int threads = Math.Min(KernelOptions.MaxThreads, Environment.ProcessorCount);
        if (threads > 1)
        {
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ => { });
        }
    }

    /// <summary><see cref="Prepare"/> on a thread-pool thread, so start-up goes on meanwhile.</summary>
    public static Task PrepareAsync() => Task.Run(Prepare);

    private static void Prepare<T>()
        where T : unmanaged, INumberBase<T>
    {
        // Large enough that the cost model picks the GEMM engine, small enough to cost nothing.
        Evaluate<T>("ij,jk->ik", [48, 48], [48, 48]);
        Evaluate<T>("bij,bjk->bik", [2, 48, 48], [2, 48, 48]);
        Evaluate<T>("ij,jk->ik", [2, 2], [2, 2]);
        Evaluate<T>("ab,bc,cd->ad", [8, 2], [2, 8], [8, 2]);
        Evaluate<T>("ii->", [4, 4]);
        Evaluate<T>("ia,nab->nib", [3, 3], [40, 3, 3]); // A batched chain.

        EinsumBinding mttkrp = EinsumProgram.Create("ijk,jr,kr->ir", [0, 1, 0, 1], ["x", "u", "w", "result"])
            .BindDense([4, 4, 4], [4, 2], [4, 2], [4, 2]);
        FusedKernels.Mttkrp(mttkrp, new T[64], new T[8], new T[8], new T[8], accumulate: false);
        PrepareMicroKernels<T>();
    }

    /// <summary>
    /// Every micro-kernel shape of the current tier: one instantiation per tile height (1 … MR rows) and width (1 … all
    /// vectors), each compiled fully optimized on its first use. A GEMM of MR + r rows and NR + v vectors' columns uses the
    /// full tile and the r-row, v-vector edges, so MR × width tiny products (depth 1) reach them all.
    /// </summary>
    private static void PrepareMicroKernels<T>()
        where T : unmanaged, INumberBase<T>
    {
        if (!GemmEngine.Supports<T>())
        {
            return;
        }

        KernelTier tier = KernelOptions.Tier;
        GemmBlocking blocking = GemmEngine.Blocking<T>(tier);
        EinsumProgram product = EinsumProgram.Create("ij,jk->ik", [0, 1], ["a", "b", "result"]);
        for (int r = 1; r <= blocking.Rows; r++)
        {
            for (int v = 1; v <= blocking.Width; v++)
            {
                int rows = blocking.Rows + r, columns = blocking.Columns + (v * blocking.VectorLength);
                if (product.BindDense([rows, 1], [1, columns], [rows, columns]).Step(0).Gemm is not { } gemm)
                {
                    continue;
                }

                var a = new T[rows];
                var b = new T[columns];
                var c = new T[rows * columns];
                GemmEngine.Run(gemm, tier, in a[0], in b[0], ref c[0], accumulate: false);
            }
        }
    }

    private static void Evaluate<T>(string expression, params nint[][] shapes)
        where T : unmanaged, INumberBase<T>
    {
        var operands = new Tensor<T>[shapes.Length];
        for (int i = 0; i < shapes.Length; i++)
        {
            operands[i] = Tensor.CreateFromShape<T>(shapes[i]);
        }

        Einsum.Evaluate<T>(expression, operands);
    }
}
