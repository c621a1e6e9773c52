using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics.Tensors;

namespace TensorGen.Benchmarks.Dynamic;

/// <summary>
/// One suite case in both forms over the same operands: <see cref="Static"/> (SuiteKernels' or DynamicSuiteKernels' Sizes
/// form) and <see cref="Dynamic"/> (tensor spans), with numpy's optimized FLOP count for GFLOP/s.
/// </summary>
public sealed record DynamicSuiteCase(string Id, string Expression, double Flops, Action Static, Action Dynamic, Func<float[][]> Results)
{
    /// <summary>The cases a–g at the suite's sizes (../shared/peers/einsum_bench.py).</summary>
    public static IReadOnlyList<DynamicSuiteCase> All() => [MatMul(), BatchedMatMul(), Rotate(), RotateBatch(), Train(), TrainInner(), Mttkrp(), Tucker(), Chain()];

    private static ReadOnlyTensorSpan<float> In(float[] data, params nint[] shape) => new(data, shape, Strides(shape));

    private static TensorSpan<float> Out(float[] data, params nint[] shape) => new(data, shape, Strides(shape));

    private static nint[] Strides(nint[] shape)
    {
        var strides = new nint[shape.Length];
        nint stride = 1;
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            strides[d] = shape[d] == 1 ? 0 : stride;
            stride *= shape[d];
        }

        return strides;
    }

    private static DynamicSuiteCase MatMul()
    {
        const int n = 1024;
        float[] a = SuiteData.Random(n * n, 1), b = SuiteData.Random(n * n, 2), rs = new float[n * n], rd = new float[n * n];
        return new("a", "ij,jk->ik (1024³)", 2.0 * n * n * n,
            () => DynamicSuiteKernels.MatMulStatic(a, b, rs),
            () => SuiteKernels.MatMul(In(a, n, n), In(b, n, n), Out(rd, n, n)),
            () => [rs, rd]);
    }

    private static DynamicSuiteCase BatchedMatMul()
    {
        const int n = 64;
        float[] a = SuiteData.Random(n * n * n, 1), b = SuiteData.Random(n * n * n, 2), rs = new float[n * n * n], rd = new float[n * n * n];
        return new("b", "bij,bjk->bik (64 × 64³)", 2.0 * n * n * n * n,
            () => DynamicSuiteKernels.BatchedMatMulStatic(a, b, rs),
            () => SuiteKernels.BatchedMatMul(In(a, n, n, n), In(b, n, n, n), Out(rd, n, n, n)),
            () => [rs, rd]);
    }

    private static DynamicSuiteCase Rotate()
    {
        float[] q = SuiteData.Random(9, 1), c = SuiteData.Random(81, 2), rs = new float[81], rd = new float[81];
        return new("c1", "ia,jb,kc,ld,abcd->ijkl (3⁴)", 4 * 2.0 * 243,
            () => SuiteKernels.Rotate(q, q, q, q, c, rs),
            () => DynamicSuiteKernels.Rotate(In(q, 3, 3), In(q, 3, 3), In(q, 3, 3), In(q, 3, 3), In(c, 3, 3, 3, 3), Out(rd, 3, 3, 3, 3)),
            () => [rs, rd]);
    }

    private static DynamicSuiteCase RotateBatch()
    {
        const int count = 10_000;
        float[] q = SuiteData.Random(9, 1), c = SuiteData.Random(count * 81, 2), rs = new float[count * 81], rd = new float[count * 81];
        return new("c2", "ia,jb,kc,ld,nabcd->nijkl (n = 10,000)", count * 4 * 2.0 * 243,
            () => SuiteKernels.RotateBatch(q, q, q, q, c, rs),
            () => DynamicSuiteKernels.RotateBatch(In(q, 3, 3), In(q, 3, 3), In(q, 3, 3), In(q, 3, 3), In(c, count, 3, 3, 3, 3), Out(rd, count, 3, 3, 3, 3)),
            () => [rs, rd]);
    }

    private static DynamicSuiteCase Train()
    {
        float[][] g = Enumerable.Range(0, 8).Select(k => SuiteData.Random(k == 0 || k == 7 ? 64 : 2048, k)).ToArray();
        float[][] v = Enumerable.Range(0, 8).Select(k => SuiteData.Random(2, 100 + k)).ToArray();
        float[] rs = new float[1], rd = new float[1];
        return new("d1", "TT (8 cores, bond 32) · product state", 2.0 * ((2 * 32) + (6 * 32 * 2 * 32) + 32 * 2),
            () => SuiteKernels.TrainTimesProductState(g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], rs),
            () => DynamicSuiteKernels.TrainTimesProductState(In(g[0], 2, 32), In(g[1], 32, 2, 32), In(g[2], 32, 2, 32), In(g[3], 32, 2, 32),
                In(g[4], 32, 2, 32), In(g[5], 32, 2, 32), In(g[6], 32, 2, 32), In(g[7], 32, 2),
                In(v[0], 2), In(v[1], 2), In(v[2], 2), In(v[3], 2), In(v[4], 2), In(v[5], 2), In(v[6], 2), In(v[7], 2), Out(rd, 1)),
            () => [rs, rd]);
    }

    private static DynamicSuiteCase TrainInner()
    {
        float[][] a = Enumerable.Range(0, 16).Select(k => SuiteData.Random(k == 0 || k == 15 ? 128 : 64 * 2 * 64, 100 + k)).ToArray();
        float[][] b = Enumerable.Range(0, 16).Select(k => SuiteData.Random(k == 0 || k == 15 ? 128 : 64 * 2 * 64, 200 + k)).ToArray();
        float[] rs = new float[1], rd = new float[1];
        return new("d2", "TT · TT (16 cores, bond 64)", 0,
            () => SuiteKernels.TrainInnerProduct(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14], a[15], b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15], rs),
            () => DynamicSuiteKernels.TrainInnerProduct(In(a[0], 2, 64), In(a[1], 64, 2, 64), In(a[2], 64, 2, 64), In(a[3], 64, 2, 64), In(a[4], 64, 2, 64), In(a[5], 64, 2, 64), In(a[6], 64, 2, 64), In(a[7], 64, 2, 64), In(a[8], 64, 2, 64), In(a[9], 64, 2, 64), In(a[10], 64, 2, 64), In(a[11], 64, 2, 64), In(a[12], 64, 2, 64), In(a[13], 64, 2, 64), In(a[14], 64, 2, 64), In(a[15], 64, 2), In(b[0], 2, 64), In(b[1], 64, 2, 64), In(b[2], 64, 2, 64), In(b[3], 64, 2, 64), In(b[4], 64, 2, 64), In(b[5], 64, 2, 64), In(b[6], 64, 2, 64), In(b[7], 64, 2, 64), In(b[8], 64, 2, 64), In(b[9], 64, 2, 64), In(b[10], 64, 2, 64), In(b[11], 64, 2, 64), In(b[12], 64, 2, 64), In(b[13], 64, 2, 64), In(b[14], 64, 2, 64), In(b[15], 64, 2), Out(rd, 1)),
            () => [rs, rd]);
    }

    private static DynamicSuiteCase Mttkrp()
    {
        const int n = 200, r = 32;
        float[] x = SuiteData.Random(n * n * n, 1), u = SuiteData.Random(n * r, 2), w = SuiteData.Random(n * r, 3);
        float[] rs = new float[n * r], rd = new float[n * r];
        return new("e", "ijk,jr,kr->ir (200³, r = 32)", 2.0 * n * n * n * r,
            () => SuiteKernels.Mttkrp(x, u, w, rs),
            () => DynamicSuiteKernels.Mttkrp(In(x, n, n, n), In(u, n, r), In(w, n, r), Out(rd, n, r)),
            () => [rs, rd]);
    }

    private static DynamicSuiteCase Tucker()
    {
        const int core = 16, n = 128;
        float[] g = SuiteData.Random(core * core * core, 1), u = SuiteData.Random(n * core, 2);
        float[] rs = new float[n * n * n], rd = new float[n * n * n];
        return new("f", "abc,ia,jb,kc->ijk (16³ → 128³)", 2.0 * ((n * 16.0 * 16 * 16) + (n * n * 16.0 * 16) + (n * n * n * 16.0)),
            () => SuiteKernels.Tucker(g, u, u, u, rs),
            () => DynamicSuiteKernels.Tucker(In(g, core, core, core), In(u, n, core), In(u, n, core), In(u, n, core), Out(rd, n, n, n)),
            () => [rs, rd]);
    }

    private static DynamicSuiteCase Chain()
    {
        const int a = 1000, b = 10, c = 1000, d = 10;
        float[] x = SuiteData.Random(a * b, 1), y = SuiteData.Random(b * c, 2), z = SuiteData.Random(c * d, 3);
        float[] rs = new float[a * d], rd = new float[a * d];
        return new("g", "ab,bc,cd->ad (1000, 10, 1000, 10)", 2.0 * ((b * c * d) + (a * b * d)),
            () => SuiteKernels.Chain(x, y, z, rs),
            () => DynamicSuiteKernels.Chain(In(x, a, b), In(y, b, c), In(z, c, d), Out(rd, a, d)),
            () => [rs, rd]);
    }
}
