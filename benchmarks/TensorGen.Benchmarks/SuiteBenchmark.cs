using BenchmarkDotNet.Attributes;
using TensorGen.Runtime;

namespace TensorGen.Benchmarks;

/// <summary>
/// A suite case: run with 1 and 2 threads (TensorGen's <see cref="KernelOptions.MaxThreads"/> and OpenBLAS's thread
/// count), with the FLOP count numpy's einsum_path reports for the case's best path, so GFLOP/s compare with the
/// peers' table (../shared/peers).
/// </summary>
public abstract class SuiteBenchmark : IFlopCount
{
    [Params(1, 2)]
    public int Threads { get; set; }

    public abstract double Flops { get; }

    [GlobalSetup]
    public void SetThreads()
    {
        KernelOptions.MaxThreads = Threads;
        OpenBlas.SetThreads(Threads);
        Setup();
    }

    /// <summary>Allocates and fills the operands.</summary>
    protected abstract void Setup();
}
