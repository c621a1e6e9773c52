using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace TensorGen.Benchmarks;

/// <summary>a) ij,jk->ik: TensorGen's GEMM engine against OpenBLAS sgemm and a naive triple loop.</summary>
public unsafe class MatMulBenchmarks : SuiteBenchmark
{
    private float[] _a = [], _b = [], _result = [];

    [Params(64, 256, 1024)]
    public int N { get; set; }

    public override double Flops => 2.0 * N * N * N;

    protected override void Setup()
    {
        _a = SuiteData.Random(N * N, 1);
        _b = SuiteData.Random(N * N, 2);
        _result = new float[N * N];
    }

    [Benchmark]
    public void TensorGen() => SuiteKernels.MatMul(
        new ReadOnlyTensorSpan<float>(_a, [N, N], [N, 1]), new ReadOnlyTensorSpan<float>(_b, [N, N], [N, 1]),
        new TensorSpan<float>(_result, [N, N], [N, 1]));

    [Benchmark]
    public void OpenBlasSgemm()
    {
        fixed (float* a = _a, b = _b, c = _result)
        {
            OpenBlas.Multiply(N, N, N, a, b, c);
        }
    }

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

/// <summary>a) ij,jk->ik in double at n = 1024: TensorGen's GEMM engine against OpenBLAS dgemm.</summary>
public unsafe class MatMulDoubleBenchmarks : SuiteBenchmark
{
    private const int N = 1024;
    private double[] _a = [], _b = [], _result = [];

    public override double Flops => 2.0 * N * N * N;

    protected override void Setup()
    {
        _a = Array.ConvertAll(SuiteData.Random(N * N, 1), v => (double)v);
        _b = Array.ConvertAll(SuiteData.Random(N * N, 2), v => (double)v);
        _result = new double[N * N];
    }

    [Benchmark]
    public void TensorGen() => SuiteKernels.MatMulDouble(
        new ReadOnlyTensorSpan<double>(_a, [N, N], [N, 1]), new ReadOnlyTensorSpan<double>(_b, [N, N], [N, 1]),
        new TensorSpan<double>(_result, [N, N], [N, 1]));

    [Benchmark(Baseline = true)]
    public void OpenBlasDgemm()
    {
        fixed (double* a = _a, b = _b, c = _result)
        {
            OpenBlas.Multiply(N, N, N, a, b, c);
        }
    }
}

/// <summary>b) bij,bjk->bik with b = 64, n = 64.</summary>
public unsafe class BatchedMatMulBenchmarks : SuiteBenchmark
{
    private const int Batch = 64, N = 64;
    private float[] _a = [], _b = [], _result = [];

    public override double Flops => 2.0 * Batch * N * N * N;

    protected override void Setup()
    {
        _a = SuiteData.Random(Batch * N * N, 1);
        _b = SuiteData.Random(Batch * N * N, 2);
        _result = new float[Batch * N * N];
    }

    [Benchmark]
    public void TensorGen() => SuiteKernels.BatchedMatMul(
        new ReadOnlyTensorSpan<float>(_a, [Batch, N, N], [N * N, N, 1]), new ReadOnlyTensorSpan<float>(_b, [Batch, N, N], [N * N, N, 1]),
        new TensorSpan<float>(_result, [Batch, N, N], [N * N, N, 1]));

    [Benchmark]
    public void OpenBlasSgemm()
    {
        fixed (float* a = _a, b = _b, c = _result)
        {
            for (int m = 0; m < Batch; m++)
            {
                OpenBlas.Multiply(N, N, N, a + m * N * N, b + m * N * N, c + m * N * N);
            }
        }
    }

    [Benchmark(Baseline = true)]
    public void NaiveLoop()
    {
        for (int m = 0; m < Batch; m++)
        {
            int o = m * N * N;
            for (int i = 0; i < N; i++)
            {
                for (int k = 0; k < N; k++)
                {
                    float sum = 0;
                    for (int j = 0; j < N; j++)
                    {
                        sum += _a[o + i * N + j] * _b[o + j * N + k];
                    }

                    _result[o + i * N + k] = sum;
                }
            }
        }
    }
}

/// <summary>c1) ia,jb,kc,ld,abcd->ijkl, all 3, static sizes.</summary>
public class RotationBenchmarks : SuiteBenchmark
{
    private float[] _q = [], _c = [], _result = [];

    public override double Flops => 1945;

    protected override void Setup()
    {
        _q = SuiteData.Random(9, 1);
        _c = SuiteData.Random(81, 2);
        _result = new float[81];
    }

    [Benchmark]
    public void TensorGen() => SuiteKernels.Rotate(_q, _q, _q, _q, _c, _result);

    [Benchmark(Baseline = true)]
    public void NaiveLoop() => NaiveRotation.Rotate(_q, _c, _result, 0);
}

/// <summary>c2) ia,jb,kc,ld,nabcd->nijkl over 10,000 tensors.</summary>
public class RotationBatchBenchmarks : SuiteBenchmark
{
    private const int Count = 10_000;
    private float[] _q = [], _c = [], _result = [];

    public override double Flops => 19.44e6;

    protected override void Setup()
    {
        _q = SuiteData.Random(9, 1);
        _c = SuiteData.Random(Count * 81, 2);
        _result = new float[Count * 81];
    }

    [Benchmark]
    public void TensorGen() => SuiteKernels.RotateBatch(_q, _q, _q, _q, _c, _result);

    [Benchmark(Baseline = true)]
    public void NaiveLoop()
    {
        for (int n = 0; n < Count; n++)
        {
            NaiveRotation.Rotate(_q, _c, _result, n * 81);
        }
    }
}

/// <summary>d1) 8 TT cores (bond 32, physical 2) contracted with a product state, static sizes.</summary>
public class TrainTimesProductStateBenchmarks : SuiteBenchmark
{
    private float[][] _cores = [], _vectors = [];
    private float[] _result = [];

    public override double Flops => 132.1e3;

    protected override void Setup()
    {
        _cores = new float[8][];
        for (int k = 0; k < 8; k++)
        {
            _cores[k] = SuiteData.Random(k == 0 || k == 7 ? 64 : 2048, k);
        }

        _vectors = new float[8][];
        for (int k = 0; k < 8; k++)
        {
            _vectors[k] = SuiteData.Random(2, 100 + k);
        }

        _result = new float[1];
    }

    [Benchmark]
    public void TensorGen()
    {
        float[][] g = _cores, v = _vectors;
        SuiteKernels.TrainTimesProductState(g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], _result);
    }
}

/// <summary>d2) the inner product of two tensor trains (16 cores, bond 64, physical 2), static sizes.</summary>
public class TrainInnerProductBenchmarks : SuiteBenchmark
{
    private float[][] _a = [], _b = [];
    private float[] _result = [];

    public override double Flops => 13.51e6;

    protected override void Setup()
    {
        _a = Train(1);
        _b = Train(2);
        _result = new float[1];
    }

    [Benchmark]
    public void TensorGen()
    {
        float[][] a = _a, b = _b;
        SuiteKernels.TrainInnerProduct(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14], a[15],
            b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15], _result);
    }

    private static float[][] Train(int seed)
    {
        var cores = new float[16][];
        for (int k = 0; k < 16; k++)
        {
            cores[k] = SuiteData.Random(k == 0 || k == 15 ? 128 : 64 * 2 * 64, seed * 100 + k);
        }

        return cores;
    }
}

/// <summary>e) MTTKRP ijk,jr,kr->ir, i = j = k = 200, r = 32.</summary>
public class MttkrpBenchmarks : SuiteBenchmark
{
    private const int I = 200, R = 32;
    private float[] _x = [], _u = [], _w = [], _result = [];

    public override double Flops => 513.3e6;

    protected override void Setup()
    {
        _x = SuiteData.Random(I * I * I, 1);
        _u = SuiteData.Random(I * R, 2);
        _w = SuiteData.Random(I * R, 3);
        _result = new float[I * R];
    }

    [Benchmark]
    public void TensorGen() => SuiteKernels.Mttkrp(_x, _u, _w, _result);

    [Benchmark(Baseline = true)]
    public void NaiveLoop()
    {
        for (int i = 0; i < I; i++)
        {
            for (int r = 0; r < R; r++)
            {
                float sum = 0;
                for (int j = 0; j < I; j++)
                {
                    for (int k = 0; k < I; k++)
                    {
                        sum += _x[(i * I + j) * I + k] * _u[j * R + r] * _w[k * R + r];
                    }
                }

                _result[i * R + r] = sum;
            }
        }
    }
}

/// <summary>f) Tucker reconstruction abc,ia,jb,kc->ijk, core 16³ to 128³, static sizes.</summary>
public class TuckerBenchmarks : SuiteBenchmark
{
    private float[] _core = [], _u1 = [], _u2 = [], _u3 = [], _result = [];

    public override double Flops => 76.55e6;

    protected override void Setup()
    {
        _core = SuiteData.Random(16 * 16 * 16, 1);
        _u1 = SuiteData.Random(128 * 16, 2);
        _u2 = SuiteData.Random(128 * 16, 3);
        _u3 = SuiteData.Random(128 * 16, 4);
        _result = new float[128 * 128 * 128];
    }

    [Benchmark]
    public void TensorGen() => SuiteKernels.Tucker(_core, _u1, _u2, _u3, _result);
}

/// <summary>g) ab,bc,cd->ad with a = c = 1000, b = d = 10, static sizes: the order decides the cost.</summary>
public unsafe class ChainBenchmarks : SuiteBenchmark
{
    private float[] _x = [], _y = [], _z = [], _yz = [], _result = [];

    public override double Flops => 400e3;

    protected override void Setup()
    {
        _x = SuiteData.Random(10_000, 1);
        _y = SuiteData.Random(10_000, 2);
        _z = SuiteData.Random(10_000, 3);
        _yz = new float[100];
        _result = new float[10_000];
    }

    [Benchmark]
    public void TensorGen() => SuiteKernels.Chain(_x, _y, _z, _result);

    /// <summary>Two sgemm calls in the cheap order: (y · z) first, a 10 × 10 matrix.</summary>
    [Benchmark]
    public void OpenBlasSgemm()
    {
        fixed (float* x = _x, y = _y, z = _z, yz = _yz, c = _result)
        {
            OpenBlas.Multiply(10, 10, 1000, y, z, yz);
            OpenBlas.Multiply(1000, 10, 10, x, yz, c);
        }
    }

    /// <summary>The naive einsum: one loop nest over all four indices.</summary>
    [Benchmark(Baseline = true)]
    public void NaiveLoop()
    {
        for (int a = 0; a < 1000; a++)
        {
            for (int d = 0; d < 10; d++)
            {
                float sum = 0;
                for (int b = 0; b < 10; b++)
                {
                    for (int c = 0; c < 1000; c++)
                    {
                        sum += _x[a * 10 + b] * _y[b * 1000 + c] * _z[c * 10 + d];
                    }
                }

                _result[a * 10 + d] = sum;
            }
        }
    }
}

/// <summary>The rotation as one naive loop nest over all eight indices (numpy.einsum's optimize=False).</summary>
internal static class NaiveRotation
{
    public static void Rotate(float[] q, float[] c, float[] result, int offset)
    {
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                for (int k = 0; k < 3; k++)
                {
                    for (int l = 0; l < 3; l++)
                    {
                        float sum = 0;
                        for (int a = 0; a < 3; a++)
                        {
                            for (int b = 0; b < 3; b++)
                            {
                                for (int cc = 0; cc < 3; cc++)
                                {
                                    for (int d = 0; d < 3; d++)
                                    {
                                        sum += q[i * 3 + a] * q[j * 3 + b] * q[k * 3 + cc] * q[l * 3 + d] * c[offset + ((a * 3 + b) * 3 + cc) * 3 + d];
                                    }
                                }
                            }
                        }

                        result[offset + ((i * 3 + j) * 3 + k) * 3 + l] = sum;
                    }
                }
            }
        }
    }
}
