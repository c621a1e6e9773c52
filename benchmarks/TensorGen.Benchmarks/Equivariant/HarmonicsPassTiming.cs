using System;
using System.Diagnostics;
using System.Numerics.Tensors;

namespace TensorGen.Benchmarks.Equivariant;

/// <summary>
/// Spherical harmonics forward, backward and double backward per vector, float, l ≤ 2 and l ≤ 6, without BenchmarkDotNet:
/// the best of several runs over one batch (`dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- harmonics-quick
/// [batch] [runs]`, default 10,000 vectors, 15 runs; set TENSORGEN_NUM_THREADS=1 for one thread). Each pass alone, and the
/// chains a training step runs (forward+backward, forward+backward+double backward) as e3nn's autograd does
/// (benchmarks/peers/e3nn_harmonics_double_backward.py prints the same columns).
/// </summary>
public static class HarmonicsPassTiming
{
    private delegate void Forward(ReadOnlyTensorSpan<float> vectors, TensorSpan<float> output);

    private delegate void Backward(ReadOnlyTensorSpan<float> vectors, ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradVectors);

    private delegate void DoubleBackward(ReadOnlyTensorSpan<float> vectors, ReadOnlyTensorSpan<float> gradOutput, ReadOnlyTensorSpan<float> gradGradVectors,
        TensorSpan<float> gradVectors, TensorSpan<float> gradGradOutput);

    public static void Run(int batch, int runs)
    {
        Console.WriteLine($"TensorGen spherical harmonics (float, batch {batch}, best of {runs}; load {System.IO.File.ReadAllText("/proc/loadavg").Trim()}; "
            + $"threads: {Runtime.Equivariance.Parallelism.MaxThreads})");
        Time("l <= 2", 9, batch, runs, HarmonicsPassKernels.ShTwo, HarmonicsPassKernels.ShTwoBackward, HarmonicsPassKernels.ShTwoDoubleBackward);
        Time("l <= 6", 49, batch, runs, HarmonicsPassKernels.ShSix, HarmonicsPassKernels.ShSixBackward, HarmonicsPassKernels.ShSixDoubleBackward);
    }

    private static void Time(string name, int dim, int batch, int runs, Forward forward, Backward backward, DoubleBackward doubleBackward)
    {
        var random = new Random(0);
        float[] Values(int n)
        {
            var values = new float[n];
            for (int i = 0; i < n; i++)
            {
                values[i] = (float)((random.NextDouble() * 2) - 1);
            }

            return values;
        }

        float[] vectors = Values(batch * 3), gradOutput = Values(batch * dim), gradGradVectors = Values(batch * 3);
        float[] output = new float[batch * dim], gradVectors = new float[batch * 3], gradGradOutput = new float[batch * dim], hessian = new float[batch * 3];
        void F() => forward(new ReadOnlyTensorSpan<float>(vectors, [batch, 3]), new TensorSpan<float>(output, [batch, dim]));
        void B() => backward(new ReadOnlyTensorSpan<float>(vectors, [batch, 3]), new ReadOnlyTensorSpan<float>(gradOutput, [batch, dim]), new TensorSpan<float>(gradVectors, [batch, 3]));
        void D() => doubleBackward(new ReadOnlyTensorSpan<float>(vectors, [batch, 3]), new ReadOnlyTensorSpan<float>(gradOutput, [batch, dim]),
            new ReadOnlyTensorSpan<float>(gradGradVectors, [batch, 3]), new TensorSpan<float>(hessian, [batch, 3]), new TensorSpan<float>(gradGradOutput, [batch, dim]));
        double f = QuickTiming.Best(runs, F), b = QuickTiming.Best(runs, B), d = QuickTiming.Best(runs, D);
        double fb = QuickTiming.Best(runs, () => { F(); B(); }), fbd = QuickTiming.Best(runs, () => { F(); B(); D(); });
        double PerVector(double seconds) => seconds / batch * 1e9;
        Console.WriteLine($"{name} (dim {dim}): forward {PerVector(f),7:F2}  backward {PerVector(b),7:F2}  double backward {PerVector(d),7:F2} ns/vector   "
            + $"forward+backward {PerVector(fb),7:F2}  forward+backward+double backward {PerVector(fbd),7:F2} ns/vector");
    }
}
