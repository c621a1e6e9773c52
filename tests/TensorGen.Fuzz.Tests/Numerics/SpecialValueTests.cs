using System;
using System.Linq;
using System.Numerics.Tensors;
using TensorGen.Fuzz.Tests.Kernels;
using TensorGen.Tests.Reference;
using Xunit;

namespace TensorGen.Fuzz.Tests.Numerics;

/// <summary>
/// NaN and ±∞ through every family, against the reference's IEEE arithmetic: 0·∞ and ∞ − ∞ are NaN, NaN spreads, ∞ stays ∞
/// with its sign. (The kernel fuzzer injects such values at random; these are the named corner cases.)
/// </summary>
public class SpecialValueTests
{
    private const double Inf = double.PositiveInfinity;

    private const double NaN = double.NaN;

    public static TheoryData<string, double[], double[]> DotCases => new()
    {
        { "0·∞ is NaN", [0, 1, 2, 3], [Inf, 1, 1, 1] },
        { "∞ − ∞ is NaN", [Inf, -Inf, 0.5, 1], [1, 1, 1, 1] },
        { "∞ stays ∞", [Inf, 1, 2, 3], [2, 1, 1, 1] },
        { "−∞ keeps its sign", [1, 2, 3, 4], [-Inf, 1, -Inf, 1] },
        { "NaN times 0 is NaN", [NaN, 1, 2, 3], [0, 1, 1, 1] },
        { "∞ times a negative is −∞", [Inf, 0.5, 0.5, 0.5], [-1, 1, 1, 1] },
    };

    [Theory]
    [MemberData(nameof(DotCases))]
    public void Dot_products_propagate_as_the_reference_does(string what, double[] a, double[] b)
    {
        double expected = ReferenceEinsum.Evaluate("i,i->", new RefArray(a, [4]), new RefArray(b, [4])).Data[0];
        float[] af = a.Select(v => (float)v).ToArray(), bf = b.Select(v => (float)v).ToArray();
        var result = new float[1];

        DeclaredKernels.DotF(new ReadOnlyTensorSpan<float>(af), new ReadOnlyTensorSpan<float>(bf), new TensorSpan<float>(result));
        AssertSame(expected, result[0], what + ", generated dynamic form");

        NumericsKernels.Dot4(af, bf, result);
        AssertSame(expected, result[0], what + ", generated static form");

        AssertSame(expected, Einsum.Evaluate<double>("i,i->", [Tensor.Create(a), Tensor.Create(b)])[0], what + ", Einsum.Evaluate");
    }

    [Fact]
    public void A_matrix_product_keeps_each_elements_class()
    {
        double[] a = [Inf, 0, 1, NaN];
        double[] b = [0, 1, -Inf, 2];
        RefArray expected = ReferenceEinsum.Evaluate("ij,jk->ik", new RefArray(a, [2, 2]), new RefArray(b, [2, 2]));
        var statically = new double[4];
        var dynamically = new double[] { 1, 1, 1, 1 };

        NumericsKernels.MatMul2(a, b, statically);
        DeclaredKernels.MatMulAccumulateD(new ReadOnlyTensorSpan<double>(a, [2, 2]), new ReadOnlyTensorSpan<double>(b, [2, 2]), new TensorSpan<double>(dynamically, [2, 2]));

        for (int i = 0; i < 4; i++)
        {
            AssertSame(expected.Data[i], statically[i], $"element {i}, generated static form");
            AssertSame(expected.Data[i] + 1, dynamically[i], $"element {i}, generated dynamic form, accumulated");
        }
    }

    private static void AssertSame(double expected, double actual, string what) =>
        Assert.True(double.IsNaN(expected) ? double.IsNaN(actual) : expected.Equals(actual), $"{what}: {actual} where the reference has {expected}");
}
