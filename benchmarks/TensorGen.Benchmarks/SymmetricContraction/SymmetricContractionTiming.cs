using System;
using System.Globalization;
using System.Linq;
using System.Numerics.Tensors;
using TensorGen.Runtime.Equivariance;

namespace TensorGen.Benchmarks.SymmetricContraction;

/// <summary>
/// MACE's symmetric contraction at the peer's sizes (1,000 atoms, correlation 3, 10 elements, float): forward and forward+backward,
/// best of several runs after a warm-up, atoms per second. Threads: TENSORGEN_NUM_THREADS (read once per process), so run it once
/// per thread count. The MACE peer is ../shared/peers/mace_symmetric_contraction.py, run in the same session.
/// </summary>
public static class SymmetricContractionTiming
{
    private delegate void Forward(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> weights, ReadOnlySpan<int> elements, TensorSpan<float> output);

    private delegate void Backward(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> weights, ReadOnlySpan<int> elements,
        ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradA, TensorSpan<float> gradWeights);

    public static void Run(int atoms, int runs)
    {
        Console.WriteLine($"symmetric contraction, {atoms} atoms, correlation 3, 10 elements, float, threads {Parallelism.MaxThreads}, best of {runs}");
        Case("mace-medium-like", "128x0e+128x1o+128x2e -> 128x0e+128x1o", 1152, 512, 128 * 10 * (11 + 3 + 1 + 21 + 4 + 1),
            SymmetricContractionKernels.Medium, SymmetricContractionKernels.MediumBackward, atoms, runs);
        Case("mace-small-like", "128x0e+128x1o+128x2e -> 128x0e", 1152, 128, 128 * 10 * (11 + 3 + 1),
            SymmetricContractionKernels.Small, SymmetricContractionKernels.SmallBackward, atoms, runs);
    }

    private static void Case(string name, string irreps, int dimIn, int dimOut, int weightCount, Forward forward, Backward backward, int atoms, int runs)
    {
        var random = new Random(0);
        float[] a = Enumerable.Range(0, atoms * dimIn).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        float[] weights = Enumerable.Range(0, weightCount).Select(_ => (float)(((random.NextDouble() * 2) - 1) / 10)).ToArray();
        int[] elements = Enumerable.Range(0, atoms).Select(_ => random.Next(10)).ToArray();
        float[] output = new float[atoms * dimOut], gradOutput = Enumerable.Repeat(1f, atoms * dimOut).ToArray();
        float[] gradA = new float[a.Length], gradWeights = new float[weights.Length];

        void RunForward() => forward(new(a, [atoms, dimIn]), new(weights), elements, new(output, [atoms, dimOut]));
        void RunBoth()
        {
            RunForward();
            backward(new(a, [atoms, dimIn]), new(weights), elements, new(gradOutput, [atoms, dimOut]), new(gradA, [atoms, dimIn]), new(gradWeights));
        }

        double tf = Equivariant.QuickTiming.Best(runs, RunForward), tb = Equivariant.QuickTiming.Best(runs, RunBoth);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-18} {irreps}: fwd {tf * 1e3,8:F2} ms ({atoms / tf,12:N0} atoms/s)  fwd+bwd {tb * 1e3,8:F2} ms ({atoms / tb,12:N0} atoms/s)"));
    }
}
