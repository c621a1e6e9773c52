using System;
using System.Diagnostics;
using System.Linq;
using System.Numerics.Tensors;
using Quickstart;
using TensorGen;
using TensorGen.Tests.Reference;

// TensorGen quickstart: five kernels declared in Kernels.cs, generated at build time. For each: its plan,
// a run checked against an independent double-precision loop-nest reference, and a timing.
var random = new Random(42);
int failures = 0;

Console.WriteLine("TensorGen quickstart — generated source: obj/Release/net10.0/generated/TensorGen.Generator/");
Console.WriteLine();

// 1. Batched matrix product on dynamic shapes, with the second operand a transposed view.
{
    const int batch = 64, n = 64;
    float[] a = RandomArray(batch * n * n), bStorage = RandomArray(batch * n * n), result = new float[batch * n * n];
    // b[b, j, k] is read from storage laid out as [b, k, j]: a transposed view, no copy.
    Run("bij,bjk->bik  (b=64, n=64, b transposed)", 2.0 * batch * n * n * n,
        () => Kernels.BatchedMatMul(
            new ReadOnlyTensorSpan<float>(a, [batch, n, n], [n * n, n, 1]),
            new ReadOnlyTensorSpan<float>(bStorage, [batch, n, n], [n * n, 1, n]),
            new TensorSpan<float>(result, [batch, n, n], [n * n, n, 1])),
        () => Check("bij,bjk->bik", result.Select(x => (double)x).ToArray(), 1e-4,
            Dense(a, batch, n, n), Transposed(bStorage, batch, n)),
        Einsum.Path("bij,bjk->bik", [batch, n, n], [batch, n, n]));
}

// 2. Rotation of a 3×3×3×3 tensor, static sizes.
{
    double[] q = RandomDoubles(9), c = RandomDoubles(81), result = new double[81];
    Run("ia,jb,kc,ld,abcd->ijkl  (all 3, static)", 0,
        () => Kernels.Rotate(q, q, q, q, c, result),
        () => Check("ia,jb,kc,ld,abcd->ijkl", result, 1e-12,
            new RefArray(q, [3, 3]), new RefArray(q, [3, 3]), new RefArray(q, [3, 3]), new RefArray(q, [3, 3]), new RefArray(c, [3, 3, 3, 3])),
        Einsum.Path("ia,jb,kc,ld,abcd->ijkl", [3, 3], [3, 3], [3, 3], [3, 3], [3, 3, 3, 3]));
}

// 3. A chain whose contraction order matters.
{
    float[] x = RandomArray(1000 * 10), y = RandomArray(10 * 1000), z = RandomArray(1000 * 10), result = new float[1000 * 10];
    Run("ab,bc,cd->ad  (a=c=1000, b=d=10, static)", 2.0 * 10 * 1000 * 10 * 2,
        () => Kernels.Chain(x, y, z, result),
        () => Check("ab,bc,cd->ad", result.Select(v => (double)v).ToArray(), 1e-4,
            Dense(x, 1000, 10), Dense(y, 10, 1000), Dense(z, 1000, 10)),
        Einsum.Path("ab,bc,cd->ad", [1000, 10], [10, 1000], [1000, 10]));
}

// 4. Trace, implicit output.
{
    double[] m = RandomDoubles(100 * 100), result = new double[1];
    Run("ii  (trace, n=100)", 100,
        () => Kernels.Trace(new ReadOnlyTensorSpan<double>(m, [100, 100], [100, 1]), new TensorSpan<double>(result)),
        () => Check("ii", result, 1e-12, new RefArray(m, [100, 100])),
        Einsum.Path("ii", [100, 100]));
}

// 5. Broadcasting: 8 matrices against one vector ("..." and size-1 broadcasting).
{
    double[] ms = RandomDoubles(8 * 5 * 4), v = RandomDoubles(4), result = new double[8 * 5];
    Run("...ij,...j->...i  (8×5×4 with 1×4)", 2.0 * 8 * 5 * 4,
        () => Kernels.BatchedMatVec(
            new ReadOnlyTensorSpan<double>(ms, [8, 5, 4], [20, 4, 1]),
            new ReadOnlyTensorSpan<double>(v, [1, 4], [0, 1]),
            new TensorSpan<double>(result, [8, 5], [5, 1])),
        () => Check("...ij,...j->...i", result, 1e-12, new RefArray(ms, [8, 5, 4]), new RefArray(v, [1, 4])),
        Einsum.Path("...ij,...j->...i", [8, 5, 4], [1, 4]));
}

Console.WriteLine(failures == 0 ? "All kernels match the reference." : $"{failures} kernel(s) differ from the reference.");
return failures == 0 ? 0 : 1;

void Run(string title, double flops, Action kernel, Func<double> check, string plan)
{
    Console.WriteLine("== " + title);
    Console.WriteLine(plan);
    kernel();
    double error = check();
    bool ok = error <= 1;
    failures += ok ? 0 : 1;

    // Median of timed batches, after warm-up.
    for (int i = 0; i < 3; i++) kernel();
    int reps = 1;
    var sw = Stopwatch.StartNew();
    while (sw.Elapsed.TotalMilliseconds < 20) { kernel(); reps++; }
    var samples = Enumerable.Range(0, 7).Select(_ =>
    {
        var t = Stopwatch.StartNew();
        for (int i = 0; i < reps; i++) kernel();
        return t.Elapsed.TotalMicroseconds / reps;
    }).OrderBy(t => t).ToArray();
    double median = samples[3];
    string rate = flops > 0 ? $", {flops / median / 1e3:F2} GFLOP/s" : string.Empty;
    Console.WriteLine($"   {(ok ? "matches" : "DIFFERS FROM")} the reference (error/tolerance {error:F3}); median {median:F1} µs per call{rate}");
    Console.WriteLine();
}

// Largest |ours − reference| relative to tolerance × max(1, |reference|): ≤ 1 passes.
double Check(string expression, double[] ours, double tolerance, params RefArray[] operands)
{
    RefArray expected = ReferenceEinsum.Evaluate(expression, operands);
    return ours.Zip(expected.Data, (o, e) => Math.Abs(o - e) / (tolerance * Math.Max(1, Math.Abs(e)))).DefaultIfEmpty(0).Max();
}

float[] RandomArray(int n) => Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();

double[] RandomDoubles(int n) => Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1).ToArray();

static RefArray Dense(float[] data, params int[] shape) => new(data.Select(x => (double)x).ToArray(), shape);

// The logical [batch, n, n] array of a view whose last two axes are stored swapped.
static RefArray Transposed(float[] storage, int batch, int n)
{
    var data = new double[batch * n * n];
    for (int b = 0; b < batch; b++)
        for (int j = 0; j < n; j++)
            for (int k = 0; k < n; k++)
                data[(b * n + j) * n + k] = storage[(b * n + k) * n + j];
    return new RefArray(data, [batch, n, n]);
}
