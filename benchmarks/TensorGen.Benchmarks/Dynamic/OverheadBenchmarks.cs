using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace TensorGen.Benchmarks.Dynamic;

/// <summary>
/// The dynamic form's per-call overhead for a shape it has seen — binding, checks and plan lookup — on kernels too small for
/// the arithmetic to matter: a 2 × 2 matrix product (against the static form, which binds nothing) and the quickstart's
/// trace of a 100 × 100 matrix and <c>...ij,...j->...i</c> on 8 × 5 × 4 with 1 × 4. The views are made from shape arrays
/// kept in fields, as a caller in a loop would. MemoryDiagnoser: a seen shape allocates nothing.
/// <c>dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- --filter '*OverheadBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
public class OverheadBenchmarks
{
    private static readonly nint[] Square2 = [2, 2], Strides2 = [2, 1];
    private static readonly nint[] Square100 = [100, 100], Strides100 = [100, 1], One = [1], Zero = [0];
    private static readonly nint[] Batch = [8, 5, 4], BatchStrides = [20, 4, 1], Vector = [1, 4], VectorStrides = [0, 1];
    private static readonly nint[] BatchOut = [8, 5], BatchOutStrides = [5, 1];
    private readonly float[] _a = [1, 2, 3, 4], _b = [5, 6, 7, 8], _result = new float[4];
    private readonly double[] _matrix = new double[100 * 100], _scalar = new double[1];
    private readonly double[] _stack = new double[8 * 5 * 4], _vector = new double[4], _batchResult = new double[8 * 5];

    [Benchmark(Baseline = true)]
    public void MatMul2x2Static() => DynamicSuiteKernels.MatMulTinyStatic(_a, _b, _result);

    [Benchmark]
    public void MatMul2x2Dynamic() => DynamicSuiteKernels.MatMulTiny(
        new ReadOnlyTensorSpan<float>(_a, Square2, Strides2), new ReadOnlyTensorSpan<float>(_b, Square2, Strides2),
        new TensorSpan<float>(_result, Square2, Strides2));

    [Benchmark]
    public void Trace100Dynamic() => DynamicSuiteKernels.Trace(
        new ReadOnlyTensorSpan<double>(_matrix, Square100, Strides100), new TensorSpan<double>(_scalar, One, Zero));

    [Benchmark]
    public void BatchedMatVecDynamic() => DynamicSuiteKernels.BatchedMatVec(
        new ReadOnlyTensorSpan<double>(_stack, Batch, BatchStrides), new ReadOnlyTensorSpan<double>(_vector, Vector, VectorStrides),
        new TensorSpan<double>(_batchResult, BatchOut, BatchOutStrides));

    /// <summary>Making the three views alone: part of every dynamic call above, but the caller's, not TensorGen's.</summary>
    [Benchmark]
    public int MakeViewsOnly()
    {
        var a = new ReadOnlyTensorSpan<float>(_a, Square2, Strides2);
        var b = new ReadOnlyTensorSpan<float>(_b, Square2, Strides2);
        var r = new TensorSpan<float>(_result, Square2, Strides2);
        return a.Rank + b.Rank + r.Rank;
    }
}
