using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics.Tensors;
using System.Threading;
using TensorGen.Fuzz.Tests.Kernels;
using Xunit;

namespace TensorGen.Fuzz.Tests.Concurrency;

/// <summary>
/// Many threads calling the same and different kernels at once get, bit for bit, what sequential calls get: the generated
/// classes share one <c>EinsumProgram</c> per kernel (and its cache of <c>...</c> expansions), the array pool and the
/// runtime's statics; Einsum.Evaluate plans per call.
/// </summary>
public partial class ConcurrentCallTests
{
    [Einsum("ij,jk,kl->il", Sizes = "i=40,j=40,k=40,l=40")]
    private static partial void PooledChain(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, Span<double> result);

    [Fact]
    public void Concurrent_calls_give_the_results_of_sequential_calls()
    {
        var random = new Random(FuzzSettings.Seed);
        List<Func<double[]>> jobs = Jobs(random);
        double[][] sequential = jobs.Select(job => job()).ToArray();

        int threads = Math.Max(8, Environment.ProcessorCount * 2);
        int rounds = FuzzSettings.Count(ciDefault: 3000) / threads;
        var mismatches = new List<string>();
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var local = new Random(t);
            start.SignalAndWait();
            for (int round = 0; round < rounds; round++)
            {
                int job = local.Next(jobs.Count);
                double[] result = jobs[job]();
                if (!result.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(sequential[job].Select(BitConverter.DoubleToInt64Bits)))
                {
                    lock (mismatches)
                    {
                        mismatches.Add($"thread {t}, round {round}: job {job} gave [{string.Join(", ", result.Take(6))}], sequentially [{string.Join(", ", sequential[job].Take(6))}]");
                    }
                }
            }
        })).ToArray();
        foreach (Thread worker in workers)
        {
            worker.Start();
        }

        foreach (Thread worker in workers)
        {
            worker.Join();
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches ({FuzzSettings.SeedLine}):\n" + string.Join("\n", mismatches.Take(10)));
    }

    /// <summary>Calls on fixed random operands, each into a fresh result: dynamic kernels (a shared program, "..." of several ranks), static ones (pooled intermediates), Evaluate.</summary>
    private static List<Func<double[]>> Jobs(Random random)
    {
        double Value() => Math.Round((random.NextDouble() * 4) - 2, 3);
        float[] Floats(int n) => Enumerable.Range(0, n).Select(_ => (float)Value()).ToArray();
        double[] Doubles(int n) => Enumerable.Range(0, n).Select(_ => Value()).ToArray();

        var jobs = new List<Func<double[]>>();
        for (int variant = 0; variant < 4; variant++)
        {
            int m = 3 + variant, k = 5 + variant, n = 2 + variant;
            float[] a = Floats(m * k), b = Floats(k * n);
            jobs.Add(() =>
            {
                var result = new float[m * n];
                DeclaredKernels.MatMulF(new ReadOnlyTensorSpan<float>(a, [m, k]), new ReadOnlyTensorSpan<float>(b, [k, n]), new TensorSpan<float>(result, [m, n]));
                return result.Select(v => (double)v).ToArray();
            });

            // A batch of rank 0 to 3 in front of "...": one cached expansion per rank, filled concurrently.
            nint[] batch = Enumerable.Range(0, variant).Select(d => (nint)(2 + d)).ToArray();
            int count = batch.Aggregate(1, (p, s) => p * (int)s);
            double[] x = Doubles(count * 6), y = Doubles(count * 6);
            jobs.Add(() =>
            {
                var result = new double[count * 4];
                DeclaredKernels.BroadcastMatMulD(new ReadOnlyTensorSpan<double>(x, [.. batch, 2, 3]), new ReadOnlyTensorSpan<double>(y, [.. batch, 3, 2]),
                    new TensorSpan<double>(result, [.. batch, 2, 2]));
                return result;
            });

            double[] q1 = Doubles(4), q2 = Doubles(4), c = Doubles(16), q3 = Doubles(4), q4 = Doubles(4);
            jobs.Add(() =>
            {
                var result = new double[16];
                DeclaredKernels.FourWayRotationD(new ReadOnlyTensorSpan<double>(q1, [2, 2]), new ReadOnlyTensorSpan<double>(q2, [2, 2]),
                    new ReadOnlyTensorSpan<double>(c, [2, 2, 2, 2]), new ReadOnlyTensorSpan<double>(q3, [2, 2]), new ReadOnlyTensorSpan<double>(q4, [2, 2]),
                    new TensorSpan<double>(result, [2, 2, 2, 2]));
                return result;
            });

            double[] p = Doubles(1600), q = Doubles(1600), r = Doubles(1600);
            jobs.Add(() =>
            {
                var result = new double[1600];
                PooledChain(p, q, r, result);
                return result;
            });

            string expression = Grammar.RandomExpressions.Next(random, maxOperands: 3, maxRank: 3, allowEllipsis: false);
            var parsed = Grammar.ExpressionGrammar.TryParse(expression)!;
            var sizes = parsed.Letters.ToDictionary(l => l, _ => 2 + random.Next(3));
            Tensor<double>[] operands = parsed.Inputs
                .Select(t => t.Letters.Select(l => sizes[l]).ToArray())
                .Select(shape => Tensor.Create(Doubles(shape.Aggregate(1, (s, d) => s * d)), shape.Length == 0 ? [1] : shape.Select(d => (nint)d).ToArray()))
                .ToArray();
            jobs.Add(() =>
            {
                Tensor<double> result = Einsum.Evaluate<double>(expression, operands);
                return TensorGen.Tests.Reference.RefArrayViews.FromView<double>(result).Data;
            });

            float[] u = Floats(9), v = Floats(9);
            jobs.Add(() =>
            {
                var result = new float[1];
                DeclaredKernels.StaticDotAccumulateF(u.AsSpan(0, 7), v.AsSpan(0, 7), result);
                return [result[0]];
            });
        }

        return jobs;
    }
}
