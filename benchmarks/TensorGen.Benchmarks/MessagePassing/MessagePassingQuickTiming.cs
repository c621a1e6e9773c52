using System;
using TensorGen.Benchmarks.Equivariant;

namespace TensorGen.Benchmarks.MessagePassing;

/// <summary>
/// <see cref="MessagePassingBenchmarks"/> without BenchmarkDotNet: every case, best of several runs, in one process so that
/// ratios compare like with like on a busy machine (`dotnet run -c Release --project benchmarks/TensorGen.Benchmarks --
/// message-passing-quick [runs]`, default 5; set TENSORGEN_NUM_THREADS=1 for the one-thread figures).
/// </summary>
public static class MessagePassingQuickTiming
{
    public static void Run(int runs)
    {
        Console.WriteLine($"{MessagePassingBenchmarks.Edges:N0} edges, best of {runs}; load: {System.IO.File.ReadAllText("/proc/loadavg").Trim()}; "
            + $"threads: {Runtime.Equivariance.Parallelism.MaxThreads}");
        var benchmarks = new MessagePassingBenchmarks();
        benchmarks.Setup();
        (string Name, Action Case)[] cases =
        {
            ("fused forward", benchmarks.FusedForward),
            ("fused forward+backward", benchmarks.FusedForwardBackward),
            ("fused double backward alone", benchmarks.FusedDoubleBackward),
            ("fused fwd+bwd+double bwd", benchmarks.FusedForwardBackwardDoubleBackward),
            ("unfused forward", benchmarks.UnfusedForward),
            ("unfused forward+backward", benchmarks.UnfusedForwardBackward),
            ("unfused double backward alone", benchmarks.UnfusedDoubleBackward),
        };
        foreach (var (name, action) in cases)
        {
            double seconds = QuickTiming.Best(runs, action);
            Console.WriteLine($"{name,-32} {seconds * 1e3,10:F1} ms {MessagePassingBenchmarks.Edges / seconds,14:N0} edges/s");
        }

        Console.WriteLine($"load at end: {System.IO.File.ReadAllText("/proc/loadavg").Trim()}");
    }
}
