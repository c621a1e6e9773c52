using System;
using System.Diagnostics;
using System.Linq;

namespace TensorGen.Benchmarks.Dynamic;

/// <summary>
/// The issue's table without BenchmarkDotNet: each suite case's static and dynamic forms in one process, over the same
/// operands, warmed up 0.5 s each, then alternating samples (each the mean of enough calls to last ≥ 2 ms) so both forms
/// see the same machine load; the median sample of each, and their ratio.
/// <c>dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- dynamic-suite [samples] [case ids, comma-separated]</c>
/// </summary>
public static class DynamicSuiteTiming
{
    public static void Run(int samples, string? only)
    {
        TensorGen.Runtime.KernelOptions.MaxThreads = 1;
        Console.WriteLine($"one thread, {samples} samples per form; load before: {System.IO.File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"{"case",-4} {"expression",-40} {"static",12} {"dynamic",12} {"dyn/static",10}  max |diff|");
        foreach (DynamicSuiteCase c in DynamicSuiteCase.All().Where(c => only is null || only.Split(',').Contains(c.Id)))
        {
            Warm(c.Static);
            Warm(c.Dynamic);
            float[][] results = c.Results();
            double difference = results[0].Zip(results[1], (x, y) => Math.Abs(x - y)).Max() / Math.Max(1e-30, results[0].Max(Math.Abs));
            int staticCalls = CallsPerSample(c.Static), dynamicCalls = CallsPerSample(c.Dynamic);
            var staticTimes = new double[samples];
            var dynamicTimes = new double[samples];
            for (int s = 0; s < samples; s++)
            {
                staticTimes[s] = Sample(c.Static, staticCalls);
                dynamicTimes[s] = Sample(c.Dynamic, dynamicCalls);
            }

            double st = Median(staticTimes), dy = Median(dynamicTimes);
            Console.WriteLine($"{c.Id,-4} {c.Expression,-40} {Format(st),12} {Format(dy),12} {dy / st,10:F3}  {difference:E1}");
        }

        Console.WriteLine($"load after: {System.IO.File.ReadAllText("/proc/loadavg").Trim()}");
    }

    internal static string Format(double seconds) =>
        seconds >= 1e-3 ? $"{seconds * 1e3:F3} ms" : seconds >= 1e-6 ? $"{seconds * 1e6:F2} µs" : $"{seconds * 1e9:F0} ns";

    private static void Warm(Action action)
    {
        var watch = Stopwatch.StartNew();
        do
        {
            action();
        }
        while (watch.Elapsed.TotalSeconds < 0.5);
    }

    private static int CallsPerSample(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        double once = Math.Max(watch.Elapsed.TotalSeconds, 1e-8);
        return (int)Math.Clamp(2e-3 / once, 1, 1_000_000);
    }

    private static double Sample(Action action, int calls)
    {
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < calls; i++)
        {
            action();
        }

        return watch.Elapsed.TotalSeconds / calls;
    }

    private static double Median(double[] values)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        return sorted[sorted.Length / 2];
    }
}
