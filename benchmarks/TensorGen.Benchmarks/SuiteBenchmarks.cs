using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace TensorGen.Benchmarks;

/// <summary>Suite a) ij,jk->ik: the generated kernel against a naive triple loop (the in-process peer).</summary>
public class MatMulBenchmarks : IFlopCount
{
    private float[] _a = [], _b = [], _result = [];

    [Params(64, 256)]
    public int N { get; set; }

    public double Flops => 2.0 * N * N * N;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _a = new float[N * N];
        _b = new float[N * N];
        _result = new float[N * N];
        for (int i = 0; i < _a.Length; i++)
        {
            _a[i] = (float)random.NextDouble();
            _b[i] = (float)random.NextDouble();
        }
    }

    [Benchmark]
    public void TensorGen() => SuiteKernels.MatMul(
        new ReadOnlyTensorSpan<float>(_a, [N, N], [N, 1]), new ReadOnlyTensorSpan<float>(_b, [N, N], [N, 1]),
        new TensorSpan<float>(_result, [N, N], [N, 1]));

    [Benchmark(Baseline = true)]
    public void NaiveLoop()
    {
        int n = N;
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < n; k++)
            {
                float sum = 0;
                for (int j = 0; j < n; j++)
                {
                    sum += _a[i * n + j] * _b[j * n + k];
                }

                _result[i * n + k] = sum;
            }
        }
    }
}

/// <summary>Suite b) bij,bjk->bik with b = 64, n = 64.</summary>
public class BatchedMatMulBenchmarks : IFlopCount
{
    private const int Batch = 64, N = 64;
    private readonly float[] _a = Filled(Batch * N * N), _b = Filled(Batch * N * N), _result = new float[Batch * N * N];

    public double Flops => 2.0 * Batch * N * N * N;

    [Benchmark]
    public void TensorGen() => SuiteKernels.BatchedMatMul(
        new ReadOnlyTensorSpan<float>(_a, [Batch, N, N], [N * N, N, 1]), new ReadOnlyTensorSpan<float>(_b, [Batch, N, N], [N * N, N, 1]),
        new TensorSpan<float>(_result, [Batch, N, N], [N * N, N, 1]));

    internal static float[] Filled(int n)
    {
        var random = new Random(n);
        var data = new float[n];
        for (int i = 0; i < n; i++)
        {
            data[i] = (float)random.NextDouble();
        }

        return data;
    }
}

/// <summary>Suite c1) the 3⁴ rotation ia,jb,kc,ld,abcd->ijkl, static sizes.</summary>
public class RotationBenchmarks : IFlopCount
{
    private readonly float[] _q = BatchedMatMulBenchmarks.Filled(9), _c = BatchedMatMulBenchmarks.Filled(81), _result = new float[81];

    /// <summary>The planned four steps of 2·3⁵ each.</summary>
    public double Flops => 4 * 2 * 243;

    [Benchmark]
    public void TensorGen() => SuiteKernels.Rotate(_q, _q, _q, _q, _c, _result);
}

/// <summary>Suite g) ab,bc,cd->ad with a = c = 1000, b = d = 10, static sizes: the order decides the cost.</summary>
public class ChainBenchmarks : IFlopCount
{
    private readonly float[] _x = BatchedMatMulBenchmarks.Filled(10_000), _y = BatchedMatMulBenchmarks.Filled(10_000),
        _z = BatchedMatMulBenchmarks.Filled(10_000), _result = new float[10_000];

    /// <summary>The planned order: bc,cd->bd (2·10·1000·10) then ab,bd->ad (2·1000·10·10).</summary>
    public double Flops => (2.0 * 10 * 1000 * 10) + (2.0 * 1000 * 10 * 10);

    [Benchmark]
    public void TensorGen() => SuiteKernels.Chain(_x, _y, _z, _result);
}
