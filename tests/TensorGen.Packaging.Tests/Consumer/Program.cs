using System;
using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using TensorGen.Decompositions;
using TensorGen.Runtime;

namespace PackageConsumer;

/// <summary>
/// Runs a kernel of every family against its reference and prints the kernel tier and the timings of the 64×64³ batched
/// matmul on one thread. Exits 1 when any check fails. Argument: the folder of the e3nn conformance files.
/// </summary>
public static class Program
{
    private const string ProductCase = "fctp_small_component_element";

    public static int Main(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: PackageConsumer <folder with e3nn_tp_cases.json and e3nn_conventions.json>");
            return 2;
        }

        Console.WriteLine($"runtime: {(System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported ? "JIT" : "Native AOT")}");
        Console.WriteLine($"tier: {KernelOptions.Tier} (best supported {KernelOptions.BestSupportedTier})");

        var checks = new Checks();
        var random = new Random(20261207);
        TimeBatchedMatMul(checks, random);
        CheckDynamicEinsum(checks, random);
        using (var conformance = new Conformance(args[0]))
        {
            CheckTensorProduct(checks, conformance);
            CheckSphericalHarmonics(checks, conformance);
            CheckConvolution(checks, conformance, random);
#if CONSUMER_GPU
            GpuChecks.Run(checks, conformance, random);
#endif
        }

        CheckDecomposition(checks, random);
        Console.WriteLine(checks.Failures == 0 ? "all checks passed" : $"{checks.Failures} checks failed");
        return checks.Failures == 0 ? 0 : 1;
    }

    /// <summary>The static 64×64³ batched matmul on one thread: the first call (in a JIT process it includes compiling it), the median of later calls, and the check.</summary>
    private static void TimeBatchedMatMul(Checks checks, Random random)
    {
        const int batch = Kernels.Batch, n = Kernels.Size;
        float[] a = Floats(random, batch * n * n), b = Floats(random, batch * n * n), result = new float[batch * n * n];
        KernelOptions.MaxThreads = 1;

        long start = Stopwatch.GetTimestamp();
        Kernels.BatchedMatMul(a, b, result);
        double first = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        for (int i = 0; i < 200; i++)
        {
            Kernels.BatchedMatMul(a, b, result);
        }

        double[] times = new double[101];
        for (int i = 0; i < times.Length; i++)
        {
            start = Stopwatch.GetTimestamp();
            Kernels.BatchedMatMul(a, b, result);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        double flops = 2.0 * batch * n * n * n;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"matmul 64x64^3 one thread: first call {first:F3} ms, steady {times[times.Length / 2]:F4} ms ({flops / times[times.Length / 2] / 1e6:F1} GFLOP/s)"));
        KernelOptions.MaxThreads = Environment.ProcessorCount;

        checks.Close("[Einsum] static form bij,bjk->bik (64x64^3)", result, References.BatchedMatMul(a, b, batch, n, n, n), 1e-5);
        checks.Throws<ArgumentException>("[Einsum] static form rejects a short operand", () => Kernels.BatchedMatMul(a.AsSpan(1), b, result));
    }

    /// <summary>The dynamic form on a transposed view: a is read through strides (1, 3) of a 4×3 array.</summary>
    private static void CheckDynamicEinsum(Checks checks, Random random)
    {
        const int ni = 3, nj = 4, nk = 5, nl = 2;
        double[] aStorage = Doubles(random, nj * ni), b = Doubles(random, nj * nk), c = Doubles(random, nk * nl), result = new double[ni * nl];
        var a = new ReadOnlyTensorSpan<double>(aStorage, [ni, nj], [1, ni]);
        Kernels.Chain(a, new ReadOnlyTensorSpan<double>(b, [nj, nk], [nk, 1]), new ReadOnlyTensorSpan<double>(c, [nk, nl], [nl, 1]),
            new TensorSpan<double>(result, [ni, nl], [nl, 1]));
        checks.Close("[Einsum] dynamic form ij,jk,kl->il (transposed view)", result,
            References.Chain((i, j) => aStorage[j * ni + i], b, c, ni, nj, nk, nl), 1e-12);
    }

    /// <summary>Forward and backward against e3nn's values for the same declaration.</summary>
    private static void CheckTensorProduct(Checks checks, Conformance conformance)
    {
        double[] x1 = conformance.ProductArray(ProductCase, "x1"), x2 = conformance.ProductArray(ProductCase, "x2");
        double[] weights = conformance.ProductArray(ProductCase, "weights"), expected = conformance.ProductArray(ProductCase, "out");
        double[] cotangent = conformance.ProductArray(ProductCase, "r");
        int batch = x1.Length / 8;
        double[] output = new double[batch * 13];
        Kernels.Product(Rows(x1, 8), Rows(x2, 4), Flat(weights), RowsOut(output, 13));
        checks.Close("[TensorProduct] forward vs e3nn", output, expected, 1e-12);

        double[] gradX1 = new double[x1.Length], gradX2 = new double[x2.Length], gradWeights = new double[weights.Length];
        Kernels.ProductBackward(Rows(x1, 8), Rows(x2, 4), Flat(weights), Rows(cotangent, 13), RowsOut(gradX1, 8), RowsOut(gradX2, 4),
            new TensorSpan<double>(gradWeights, [gradWeights.Length], [1]));
        checks.Close("[TensorProductBackward] grad x1 vs e3nn", gradX1, conformance.ProductArray(ProductCase, "grad_x1"), 1e-12);
        checks.Close("[TensorProductBackward] grad x2 vs e3nn", gradX2, conformance.ProductArray(ProductCase, "grad_x2"), 1e-12);
        checks.Close("[TensorProductBackward] grad weights vs e3nn", gradWeights, conformance.ProductArray(ProductCase, "grad_weights"), 1e-12);
    }

    private static void CheckSphericalHarmonics(Checks checks, Conformance conformance)
    {
        (double[] vectors, double[] expected) = conformance.SphericalHarmonics();
        double[] harmonics = new double[expected.Length];
        Kernels.Harmonics(Rows(vectors, 3), RowsOut(harmonics, 16));
        checks.Close("[SphericalHarmonics] l<=3 vs e3nn", harmonics, expected, 1e-12);
    }

    /// <summary>The fused convolution against gather → <see cref="Kernels.Product"/> per edge (checked against e3nn above) → sum per receiver.</summary>
    private static void CheckConvolution(Checks checks, Conformance conformance, Random random)
    {
        const int nodes = 5;
        int[] senders = [0, 1, 2, 3, 4, 0, 2, 4], receivers = [1, 2, 3, 4, 0, 3, 3, 1];
        int edges = senders.Length;
        double[] nodeFeatures = Doubles(random, nodes * 8), edgeFeatures = Doubles(random, edges * 4);
        double[] weights = conformance.ProductArray(ProductCase, "weights");
        double[] output = new double[nodes * 13];
        Kernels.Convolution(Rows(nodeFeatures, 8), Rows(edgeFeatures, 4), Flat(weights), senders, receivers, RowsOut(output, 13));

        double[] gathered = new double[edges * 8], messages = new double[edges * 13], expected = new double[nodes * 13];
        for (int e = 0; e < edges; e++)
        {
            nodeFeatures.AsSpan(senders[e] * 8, 8).CopyTo(gathered.AsSpan(e * 8));
        }

        Kernels.Product(Rows(gathered, 8), Rows(edgeFeatures, 4), Flat(weights), RowsOut(messages, 13));
        for (int e = 0; e < edges; e++)
        {
            for (int m = 0; m < 13; m++)
            {
                expected[receivers[e] * 13 + m] += messages[e * 13 + m];
            }
        }

        checks.Close("[TensorProductConvolution] vs gather, product, scatter-sum", output, expected, 1e-12);
    }

    private static void CheckDecomposition(Checks checks, Random random)
    {
        const int ni = 4, nj = 3, nk = 5, rank = 2;
        double[] lambda = Doubles(random, rank), fa = Doubles(random, ni * rank), fb = Doubles(random, nj * rank), fc = Doubles(random, nk * rank);
        var tensor = new CpTensor<double>(Tensor.Create(lambda, [rank]),
            [Tensor.Create(fa, [ni, rank]), Tensor.Create(fb, [nj, rank]), Tensor.Create(fc, [nk, rank])]);
        double[] dense = new double[ni * nj * nk];
        Kernels.CpDense(tensor, new TensorSpan<double>(dense, [ni, nj, nk], [nj * nk, nk, 1]));
        checks.Close("[CpKernel] Reconstruct vs Σ_r λ_r a_r ⊗ b_r ⊗ c_r", dense, References.CpDense(lambda, fa, fb, fc, ni, nj, nk, rank), 1e-12);
    }

    internal static ReadOnlyTensorSpan<double> Rows(double[] data, int width) => new(data, [data.Length / width, width], [width, 1]);

    internal static TensorSpan<double> RowsOut(double[] data, int width) => new(data, [data.Length / width, width], [width, 1]);

    internal static ReadOnlyTensorSpan<double> Flat(double[] data) => new(data, [data.Length], [1]);

    internal static float[] Floats(Random random, int count)
    {
        float[] values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)(2 * random.NextDouble() - 1);
        }

        return values;
    }

    internal static double[] Doubles(Random random, int count)
    {
        double[] values = new double[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = 2 * random.NextDouble() - 1;
        }

        return values;
    }
}
