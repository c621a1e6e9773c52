using System;
using System.Linq;
using System.Numerics.Tensors;
using TensorGen.Fuzz.Tests.Kernels;
using Xunit;

namespace TensorGen.Fuzz.Tests.Numerics;

/// <summary>
/// The error of a contraction of length K against an (almost) exact double reference, held to the bound the kernels state
/// (src/Runtime/Kernels/LoopNest.cs and the static emitter): for float, |ŝ − s| ≤ u_f·|s| + (K − 1)·u_d·(1 + u_f)·Σ|x_i y_i|,
/// independent of K (summing in float would allow (K − 1)·u_f·Σ|x_i y_i|, and does exceed the bound here); for double,
/// |ŝ − s| ≤ K·u_d·Σ|x_i y_i|. K runs up to 10⁶, with positive terms (where float sums stagnate) and mixed signs.
/// </summary>
public class AccumulationErrorTests
{
    private const double FloatRoundoff = 1.0 / (1 << 24);

    private const double DoubleRoundoff = 1.0 / (1L << 53);

    public static TheoryData<int, bool> Lengths => new()
    {
        { 10, true }, { 1_000, false }, { 100_000, true }, { 1_000_000, true }, { 1_000_000, false },
    };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void A_float_dot_product_stays_within_the_bound(int k, bool positive)
    {
        var (a, b) = Vectors(k, positive, seed: k);
        var result = new float[1];
        var tensorResult = new TensorSpan<float>(result, [1]);

        DeclaredKernels.DotF(new ReadOnlyTensorSpan<float>(a), new ReadOnlyTensorSpan<float>(b), tensorResult);
        AssertWithinFloatBound(a, b, result[0], "generated dynamic form");

        result[0] = Einsum.Evaluate<float>("i,i->", [Tensor.Create(a), Tensor.Create(b)])[0];
        AssertWithinFloatBound(a, b, result[0], "Einsum.Evaluate");

        if (k == 1_000_000)
        {
            NumericsKernels.Dot1M(a, b, result);
            AssertWithinFloatBound(a, b, result[0], "generated static form");
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_float_matmul_with_a_contraction_of_a_million_stays_within_the_bound(bool positive)
    {
        const int k = 1_000_000;
        var (a, _) = Vectors(2 * k, positive, seed: 3);
        var (b, _) = Vectors(2 * k, positive, seed: 4);
        var dynamicResult = new float[4];
        var evaluated = Einsum.Evaluate<float>("ik,kj->ij", [Tensor.Create(a, [2, k]), Tensor.Create(b, [k, 2])]);
        var staticResult = new float[4];

        DeclaredKernels.MatMulF(new ReadOnlyTensorSpan<float>(a, [2, k]), new ReadOnlyTensorSpan<float>(b, [k, 2]), new TensorSpan<float>(dynamicResult, [2, 2]));
        NumericsKernels.MatMulLongK(a, b, staticResult);

        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                float[] row = a.AsSpan(i * k, k).ToArray();
                float[] column = Enumerable.Range(0, k).Select(n => b[(n * 2) + j]).ToArray();
                AssertWithinFloatBound(row, column, dynamicResult[(i * 2) + j], "generated dynamic form");
                AssertWithinFloatBound(row, column, evaluated[i, j], "Einsum.Evaluate");
                AssertWithinFloatBound(row, column, staticResult[(i * 2) + j], "generated static form");
            }
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_double_dot_product_of_a_million_stays_within_the_bound(bool positive)
    {
        const int k = 1_000_000;
        var random = new Random(5);
        double[] a = Enumerable.Range(0, k).Select(_ => positive ? random.NextDouble() : (random.NextDouble() * 2) - 1).ToArray();
        double[] b = Enumerable.Range(0, k).Select(_ => positive ? random.NextDouble() : (random.NextDouble() * 2) - 1).ToArray();
        var (exact, magnitude) = ExactDot(a, b);

        double result = Einsum.Evaluate<double>("i,i->", [Tensor.Create(a), Tensor.Create(b)])[0];

        // The reference's own products round too (u_d·Σ|xy|), hence K + 1.
        Assert.True(Math.Abs(result - exact) <= (k + 1) * DoubleRoundoff * magnitude,
            $"K = {k}: error {Math.Abs(result - exact):G3} exceeds K·u_d·Σ|xy| = {k * DoubleRoundoff * magnitude:G3}");
    }

    private static void AssertWithinFloatBound(float[] a, float[] b, float computed, string family)
    {
        var (exact, magnitude) = ExactDot(a.Select(v => (double)v).ToArray(), b.Select(v => (double)v).ToArray());
        int k = a.Length;
        double bound = (FloatRoundoff * Math.Abs(exact)) + ((k - 1) * DoubleRoundoff * (1 + FloatRoundoff) * magnitude);

        // The reference is itself within 2·u_d·|s| of s (compensated summation), far inside the bound.
        Assert.True(Math.Abs(computed - exact) <= bound * (1 + 1e-9),
            $"{family}, K = {k}: error {Math.Abs(computed - exact):G3} (relative {Math.Abs(computed - exact) / Math.Abs(exact):G3}) exceeds the bound {bound:G3}");
    }

    /// <summary>Σ x_i y_i (products exact in double for float inputs, compensated sum: Neumaier 1974) and Σ|x_i y_i|.</summary>
    private static (double Sum, double Magnitude) ExactDot(double[] a, double[] b)
    {
        double sum = 0, compensation = 0, magnitude = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double product = a[i] * b[i];
            magnitude += Math.Abs(product);
            double t = sum + product;
            compensation += Math.Abs(sum) >= Math.Abs(product) ? (sum - t) + product : (product - t) + sum;
            sum = t;
        }

        return (sum + compensation, magnitude);
    }

    private static (float[] A, float[] B) Vectors(int k, bool positive, int seed)
    {
        var random = new Random(seed);
        float Next() => positive ? (float)random.NextDouble() : (float)((random.NextDouble() * 2) - 1);
        return (Enumerable.Range(0, k).Select(_ => Next()).ToArray(), Enumerable.Range(0, k).Select(_ => Next()).ToArray());
    }
}
