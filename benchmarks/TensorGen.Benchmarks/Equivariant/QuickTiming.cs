using System;
using System.Diagnostics;
using System.Linq;
using System.Numerics.Tensors;

namespace TensorGen.Benchmarks.Equivariant;

/// <summary>
/// A quick look at the equivariant kernels without BenchmarkDotNet: each configuration's forward and forward+backward in
/// float, the best of several runs (`dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- equivariant-quick [batch] [runs]`,
/// default batch 2000, 15 runs). On a busy machine the best of many short runs is the least disturbed.
/// </summary>
public static class QuickTiming
{
    public static void Run(int batch, int runs)
    {
        Console.WriteLine($"batch {batch}, best of {runs}; load: {System.IO.File.ReadAllText("/proc/loadavg").Trim()}; threads: {Runtime.Equivariance.Parallelism.MaxThreads}");
        foreach (EquivariantConfig config in EquivariantConfig.All)
        {
            var data = new ProductData<float>(config, batch, v => (float)v);
            CheckPeers(config);
            double forward = Best(runs, () => config.ForwardSingle(data.X1, data.X2, data.Weights, data.Output));
            double both = Best(runs, () =>
            {
                config.ForwardSingle(data.X1, data.X2, data.Weights, data.Output);
                config.BackwardSingle(data.X1, data.X2, data.Weights, data.GradOutputReadOnly, data.GradX1, data.GradX2, data.GradWeights);
            });
            Console.WriteLine($"{config.Name,-16} fwd {batch / forward,12:N0} el/s ({config.ForwardFlops * batch / forward / 1e9,6:F1} GFLOP/s)   "
                + $"fwd+bwd {batch / both,12:N0} el/s ({(config.ForwardFlops + config.BackwardFlops) * batch / both / 1e9,6:F1} GFLOP/s)");
        }
    }

    /// <summary>The peers compute the same product as the kernel (in double, on a small batch), so their timings compare like with like.</summary>
    private static void CheckPeers(EquivariantConfig config)
    {
        var data = new ProductData<double>(config, 9, v => v);
        config.ForwardDouble(data.X1, data.X2, data.Weights, data.Output);
        double[] output = data.OutputData;
        var naive = new double[output.Length];
        new NaiveTensorProduct<double>(config.Product).Forward(data.X1Data, data.X2Data, data.WeightsData, naive, 9);
        var dense = new double[output.Length];
        new DenseEinsumTensorProduct<double>(config.Product, data.X1Data, data.X2Data, data.WeightsData, dense, 9).Forward();
        double naiveError = output.Zip(naive, (a, b) => Math.Abs(a - b)).Max();
        double denseError = output.Zip(dense, (a, b) => Math.Abs(a - b)).Max();
        if (naiveError > 1e-9 || denseError > 1e-9)
        {
            throw new InvalidOperationException($"{config.Name}: the peers disagree with the kernel (naive {naiveError}, dense einsum {denseError}).");
        }
    }

    internal static double Best(int runs, Action action)
    {
        action();
        double best = double.MaxValue;
        for (int run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            action();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return best;
    }
}
