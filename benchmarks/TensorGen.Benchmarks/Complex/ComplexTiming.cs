using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics.Tensors;
using TensorGen.Runtime;
using C = System.Numerics.Complex;

namespace TensorGen.Benchmarks.Complex;

/// <summary>
/// Complex einsum on one thread, beside numpy in the same run (issue 20): the tensorized FNO's spectral convolution
/// <c>bixy,ioxy->boxy</c> (b=4, i=o=32, x=y=12) and its CP form <c>bixy,r,ir,or,xr,yr->boxy</c> (rank 8) by
/// <see cref="Einsum.Evaluate{T}(string, ReadOnlySpan{Tensor{T}})"/> and by generated kernels (both forms), and the complex GEMM
/// <c>ij,jk->ik</c> at n=512 and 1024 beside the real fp64 GEMM (GFLOP/s: 8 real flops per complex multiply-add, 2 per real
/// one). Each case: warmed 0.3 s, then the best of alternating samples (each the mean of calls lasting ≥ 2 ms); numpy
/// (complex128, OpenBLAS with its own kernels, one thread) runs afterwards from <c>benchmarks/peers/complex_einsum.py</c>.
/// <c>dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- complex-quick [samples]</c>
/// </summary>
public static class ComplexTiming
{
    private const int B = 4, I = 32, O = 32, X = 12, Y = 12, R = 8;

    public static void Run(int samples)
    {
        KernelOptions.MaxThreads = 1;
        Console.WriteLine($"# complex-quick: one thread, tier {KernelOptions.Tier}, best of {samples} samples; load before: {Load()}");
        var random = new Random(1);
        Tensor<C> x = Random(random, B, I, X, Y), w = Random(random, I, O, X, Y);
        Tensor<C>[] cp = [x, Random(random, R), Random(random, I, R), Random(random, O, R), Random(random, X, R), Random(random, Y, R)];
        Tensor<C> result = Tensor.CreateFromShape<C>([B, O, X, Y]);
        C[] xs = x.ToArray(), ws = w.ToArray(), rs = new C[B * O * X * Y];
        C[][] cps = cp.Select(t => t.ToArray()).ToArray();
        const string mix = "bixy,ioxy->boxy", mixCp = "bixy,r,ir,or,xr,yr->boxy";

        Console.WriteLine($"{"case",-48} {"time",12} {"GFLOP/s",9}");
        Report($"Evaluate {mix}", Best(() => Einsum.Evaluate(mix, [x, w], result.AsTensorSpan()), samples), 8.0 * B * I * O * X * Y);
        Report($"[Einsum] dynamic {mix}", Best(() => ComplexKernels.Mix(x, w, result.AsTensorSpan()), samples), 8.0 * B * I * O * X * Y);
        Report($"[Einsum] static {mix}", Best(() => ComplexKernels.MixStatic(xs, ws, rs), samples), 8.0 * B * I * O * X * Y);
        Report($"Evaluate {mixCp}", Best(() => Einsum.Evaluate(mixCp, cp, result.AsTensorSpan()), samples), 0);
        Report($"[Einsum] dynamic {mixCp}",
            Best(() => ComplexKernels.MixCp(cp[0], cp[1], cp[2], cp[3], cp[4], cp[5], result.AsTensorSpan()), samples), 0);
        Report($"[Einsum] static {mixCp}",
            Best(() => ComplexKernels.MixCpStatic(cps[0], cps[1], cps[2], cps[3], cps[4], cps[5], rs), samples), 0);
        foreach (int n in new[] { 512, 1024 })
        {
            Tensor<C> a = Random(random, n, n), b = Random(random, n, n), c = Tensor.CreateFromShape<C>([n, n]);
            Tensor<double> ar = Tensor.Create(Enumerable.Range(0, n * n).Select(_ => random.NextDouble() - 0.5).ToArray(), [n, n]);
            Tensor<double> br = Tensor.Create(Enumerable.Range(0, n * n).Select(_ => random.NextDouble() - 0.5).ToArray(), [n, n]);
            Tensor<double> cr = Tensor.CreateFromShape<double>([n, n]);
            int s = Math.Max(3, samples / (n / 256));
            double complexTime = Best(() => Einsum.Evaluate("ij,jk->ik", [a, b], c.AsTensorSpan()), s);
            double realTime = Best(() => Einsum.Evaluate("ij,jk->ik", [ar, br], cr.AsTensorSpan()), s);
            double complexRate = Report($"Evaluate ij,jk->ik complex n={n}", complexTime, 8.0 * n * n * n);
            double realRate = Report($"Evaluate ij,jk->ik double n={n}", realTime, 2.0 * n * n * n);
            Console.WriteLine($"{"  complex rate / real fp64 rate",-48} {complexRate / realRate,12:P0}");
        }

        Console.WriteLine($"# load after TensorGen: {Load()}");
        RunNumpy();
        Console.WriteLine($"# load after numpy: {Load()}");
    }

    private static void RunNumpy()
    {
        string script = Path.Combine(RepositoryRoot(), "benchmarks", "peers", "complex_einsum.py");
        var start = new ProcessStartInfo("/usr/bin/python3", $"\"{script}\" 0.5") { RedirectStandardOutput = true };
        // OpenBLAS at its best (its own AVX-512 kernels; the image's Haswell settings halve it), on one thread.
        start.Environment.Remove("OPENBLAS_CORETYPE");
        start.Environment.Remove("OPENBLAS_L2_SIZE");
        start.Environment["OMP_NUM_THREADS"] = "1";
        start.Environment["OPENBLAS_NUM_THREADS"] = "1";
        using Process python = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        foreach (string line in python.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = line.Split('\t');
            Console.WriteLine(parts.Length == 2 ? $"{parts[0],-48} {double.Parse(parts[1], CultureInfo.InvariantCulture),9:F3} ms" : line);
        }

        python.WaitForExit();
    }

    private static string RepositoryRoot()
    {
        string? folder = AppContext.BaseDirectory;
        while (folder is not null && !File.Exists(Path.Combine(folder, "TensorGen.sln")))
        {
            folder = Path.GetDirectoryName(folder);
        }

        return folder ?? Directory.GetCurrentDirectory();
    }

    /// <summary>Prints the case and returns its rate in GFLOP/s (0 when <paramref name="flops"/> is not given).</summary>
    private static double Report(string name, double seconds, double flops)
    {
        double rate = flops > 0 ? flops / seconds / 1e9 : 0;
        Console.WriteLine($"{name,-48} {seconds * 1e3,9:F3} ms {(flops > 0 ? rate.ToString("F1", CultureInfo.InvariantCulture) : ""),9}");
        return rate;
    }

    private static double Best(Action action, int samples)
    {
        var watch = Stopwatch.StartNew();
        do
        {
            action();
        }
        while (watch.Elapsed.TotalSeconds < 0.3);

        watch.Restart();
        action();
        int calls = (int)Math.Clamp(2e-3 / Math.Max(watch.Elapsed.TotalSeconds, 1e-8), 1, 100_000);
        double best = double.MaxValue;
        for (int s = 0; s < samples; s++)
        {
            watch.Restart();
            for (int k = 0; k < calls; k++)
            {
                action();
            }

            best = Math.Min(best, watch.Elapsed.TotalSeconds / calls);
        }

        return best;
    }

    private static Tensor<C> Random(Random random, params nint[] shape)
    {
        int count = (int)shape.Aggregate((nint)1, (p, l) => p * l);
        return Tensor.Create(Enumerable.Range(0, count).Select(_ => new C(random.NextDouble() - 0.5, random.NextDouble() - 0.5)).ToArray(), shape);
    }

    private static string Load() => File.ReadAllText("/proc/loadavg").Trim();
}
