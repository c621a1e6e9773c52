using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics.Tensors;
using System.Text.Json;
using TensorGen.Runtime;

namespace TensorGen.Benchmarks.Equivariant;

/// <summary>
/// <c>equivariant-linear [atoms] [runs]</c>: TensorGen's [EquivariantLinear] 128x0e+128x1o+128x2e → same (fp32) forward and
/// forward+backward, one thread and every core, then e3nn's <c>o3.Linear</c> on torch CPU (benchmarks/peers/e3nn_linear.py) in the
/// same run, best of <c>runs</c> each; prints a markdown table with the ratios and the load before and after.
/// </summary>
public static class LinearTiming
{
    public static void Run(int atoms, int runs)
    {
        int dim = (128 * 1) + (128 * 3) + (128 * 5), weightCount = 3 * 128 * 128;
        var random = new Random(0);
        float[] Random(int n) => Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        float[] x = Random(atoms * dim), w = Random(weightCount), g = Random(atoms * dim);
        var output = new float[atoms * dim];
        var gradInput = new float[atoms * dim];
        var gradWeights = new float[weightCount];
        void Forward() => LinearBenchmarkKernels.Linear(new ReadOnlyTensorSpan<float>(x, [atoms, dim]), new ReadOnlyTensorSpan<float>(w),
            new TensorSpan<float>(output, [atoms, dim]));
        void ForwardBackward()
        {
            Forward();
            LinearBenchmarkKernels.LinearBackward(new ReadOnlyTensorSpan<float>(x, [atoms, dim]), new ReadOnlyTensorSpan<float>(w),
                new ReadOnlyTensorSpan<float>(g, [atoms, dim]), new TensorSpan<float>(gradInput, [atoms, dim]), new TensorSpan<float>(gradWeights));
        }

        string loadBefore = File.ReadAllText("/proc/loadavg").Trim();
        int cores = Environment.ProcessorCount;
        int[] threadCounts = cores > 1 ? new[] { 1, cores } : new[] { 1 };
        double flops = 2.0 * atoms * 128 * 128 * 9;
        Console.WriteLine($"EquivariantLinear {LinearBenchmarkKernels.Irreps} -> same, {atoms:N0} atoms, fp32, best of {runs}; load before: {loadBefore}");
        var rows = new System.Collections.Generic.List<string>();
        foreach (int threads in threadCounts)
        {
            KernelOptions.MaxThreads = threads;
            double forward = QuickTiming.Best(runs, Forward);
            double forwardBackward = QuickTiming.Best(runs, ForwardBackward);
            var peer = Peer(threads, atoms, runs);
            rows.Add(Row("TensorGen", threads, atoms, forward, forwardBackward, flops));
            if (peer is { } p)
            {
                rows.Add(Row(p.Name, threads, atoms, p.Forward, p.ForwardBackward, flops));
                rows.Add($"| ratio (e3nn / TensorGen) | {threads} | {p.Forward / forward:F1}× | {p.ForwardBackward / forwardBackward:F1}× | | |");
            }
        }

        KernelOptions.MaxThreads = 1;
        Breakdown(atoms, runs, x, w, g);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  backward alone (1 thread) {QuickTiming.Best(runs, () => LinearBenchmarkKernels.LinearBackward(new ReadOnlyTensorSpan<float>(x, [atoms, dim]), new ReadOnlyTensorSpan<float>(w), new ReadOnlyTensorSpan<float>(g, [atoms, dim]), new TensorSpan<float>(gradInput, [atoms, dim]), new TensorSpan<float>(gradWeights))) * 1e3:F2} ms"));
        Console.WriteLine();
        Console.WriteLine("| implementation | threads | forward | forward+backward | forward atoms/s | forward GFLOP/s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine($"load before: {loadBefore}; after: {File.ReadAllText("/proc/loadavg").Trim()} ({cores} CPUs)");
    }

    /// <summary>One thread: each path's three GEMMs alone (forward, input gradient, weight gradient), as the driver binds them.</summary>
    private static void Breakdown(int atoms, int runs, float[] x, float[] w, float[] g)
    {
        var layout = Runtime.Equivariance.EquivariantLinearLayout.FromIrreps(LinearBenchmarkKernels.Irreps, LinearBenchmarkKernels.Irreps);
        for (int k = 0; k < layout.Paths.Length; k++)
        {
            Breakdown(layout, k, atoms, runs, x, w, g);
        }
    }

    private static void Breakdown(Runtime.Equivariance.EquivariantLinearLayout layout, int k, int atoms, int runs, float[] x, float[] w, float[] g)
    {
        var path = layout.Paths[k];
        int dim = layout.DimIn;
        nint[] strides = { dim, 1 };
        var steps = new Runtime.Equivariance.LinearSteps();
        StepLayout forward = steps.Forward(layout, atoms, strides, strides)[k];
        StepLayout inputGradient = steps.InputGradient(layout, atoms, strides, strides)[k];
        StepLayout weightGradient = steps.WeightGradient(layout, atoms, strides, strides)[k];
        var output = new float[atoms * dim];
        var gradWeights = new float[path.WeightCount];
        double flops = 2.0 * atoms * path.MulIn * path.MulOut * path.IrrepDim;
        void Report(string name, double seconds) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  path {k} (2l+1 = {path.IrrepDim}), {name,-22} {seconds * 1e3,7:F2} ms  {flops / seconds / 1e9,6:F1} GFLOP/s"));
        Report("forward, in place", QuickTiming.Best(runs, () => StridedKernels.Contract<float>(forward, x.AsSpan(path.InputOffset),
            w.AsSpan(path.WeightOffset, path.WeightCount), output.AsSpan(path.OutputOffset), false)));
        Report("input grad. in place", QuickTiming.Best(runs, () => StridedKernels.Contract<float>(inputGradient, g.AsSpan(path.OutputOffset),
            w.AsSpan(path.WeightOffset, path.WeightCount), output.AsSpan(path.InputOffset), false)));
        Report("weight grad. in place", QuickTiming.Best(runs, () => StridedKernels.Contract<float>(weightGradient, x.AsSpan(path.InputOffset),
            g.AsSpan(path.OutputOffset), gradWeights, false)));
    }

    private static string Row(string name, int threads, int atoms, double forward, double forwardBackward, double flops) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {threads} | {forward * 1e3:F2} ms | {forwardBackward * 1e3:F2} ms | {atoms / forward:N0} | {flops / forward / 1e9:F1} |");

    /// <summary>Runs the e3nn peer for one thread count; null (and a note) when python, torch or the e3nn sources are missing.</summary>
    private static (string Name, double Forward, double ForwardBackward)? Peer(int threads, int atoms, int runs)
    {
        string script = Path.GetFullPath(Path.Combine(FindRepositoryRoot(), "benchmarks", "peers", "e3nn_linear.py"));
        string sources = Path.GetFullPath(Path.Combine(FindRepositoryRoot(), "..", "shared", "peers", "python"));
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(threads.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--atoms");
        start.ArgumentList.Add(atoms.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--repeats");
        start.ArgumentList.Add(runs.ToString(CultureInfo.InvariantCulture));
        start.Environment["PYTHONPATH"] = Environment.GetEnvironmentVariable("E3NN_SOURCES") ?? sources;
        // The machine's OpenBLAS settings suit old builds and halve torch's speed on AVX-512; a peer runs at its best.
        start.Environment.Remove("OPENBLAS_CORETYPE");
        start.Environment.Remove("OPENBLAS_L2_SIZE");
        try
        {
            using Process process = Process.Start(start)!;
            string text = process.StandardOutput.ReadToEnd();
            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            string? line = text.Split('\n').FirstOrDefault(l => l.StartsWith('{'));
            if (process.ExitCode != 0 || line is null)
            {
                Console.WriteLine($"(e3nn peer failed: {errors.Trim()})");
                return null;
            }

            using JsonDocument json = JsonDocument.Parse(line);
            JsonElement root = json.RootElement;
            return (root.GetProperty("peer").GetString()!, root.GetProperty("forward_s").GetDouble(), root.GetProperty("forward_backward_s").GetDouble());
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.WriteLine($"(e3nn peer not run: {e.Message})");
            return null;
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TensorGen.sln")))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
