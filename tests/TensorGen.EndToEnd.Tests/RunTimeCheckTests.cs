using System;
using System.Linq;
using System.Numerics.Tensors;
using Xunit;

namespace TensorGen.EndToEnd.Tests;

/// <summary>Wrong shapes, ranks and aliasing throw ArgumentException naming the parameter, before any element is written.</summary>
public class RunTimeCheckTests
{
    private const float Poison = 12345f;

    private static float[] Poisoned(int n) => Enumerable.Repeat(Poison, n).ToArray();

    private static ReadOnlyTensorSpan<float> Dense(float[] data, params nint[] shape)
    {
        var strides = new nint[shape.Length];
        nint stride = 1;
        for (int axis = shape.Length - 1; axis >= 0; axis--)
        {
            strides[axis] = stride;
            stride *= shape[axis];
        }

        return new ReadOnlyTensorSpan<float>(data, shape, strides);
    }

    private static TensorSpan<float> Result(float[] data, params nint[] shape)
    {
        var view = Dense(data, shape);
        return new TensorSpan<float>(data, shape, view.Strides.ToArray());
    }

    [Fact]
    public void A_contracted_index_of_two_sizes_names_the_operand_and_both_shapes()
    {
        float[] a = new float[6], b = new float[20], result = Poisoned(15);
        var e = Assert.Throws<ArgumentException>(() => DynamicKernels.MatMulF(Dense(a, 2, 3), Dense(b, 4, 5), Result(result, 3, 5)));
        Assert.Contains("'b'", e.Message);
        Assert.Contains("[4, 5]", e.Message);
        Assert.Contains("[2, 3]", e.Message);
        Assert.All(result, x => Assert.Equal(Poison, x));
    }

    [Fact]
    public void A_wrong_rank_names_the_operand()
    {
        float[] a = new float[6], b = new float[12], result = Poisoned(8);
        var e = Assert.Throws<ArgumentException>(() => DynamicKernels.MatMulF(Dense(a, 2, 3), Dense(b, 3, 2, 2), Result(result, 2, 4)));
        Assert.Contains("'b'", e.Message);
        Assert.All(result, x => Assert.Equal(Poison, x));
    }

    [Fact]
    public void A_wrong_result_shape_shows_expected_and_actual()
    {
        float[] a = new float[6], b = new float[12], result = Poisoned(12);
        var e = Assert.Throws<ArgumentException>(() => DynamicKernels.MatMulF(Dense(a, 2, 3), Dense(b, 3, 4), Result(result, 3, 4)));
        Assert.Contains("'result'", e.Message);
        Assert.Contains("[2, 4]", e.Message);
        Assert.Contains("[3, 4]", e.Message);
        Assert.All(result, x => Assert.Equal(Poison, x));
    }

    [Fact]
    public void A_result_overlapping_an_input_is_refused()
    {
        float[] shared = Poisoned(16);
        var e = Assert.Throws<ArgumentException>(() => DynamicKernels.MatMulF(Dense(shared, 2, 2), Dense(new float[4], 2, 2),
            new TensorSpan<float>(shared.AsSpan(2), [2, 2], [2, 1])));
        Assert.Contains("'a'", e.Message);
        Assert.Contains("'result'", e.Message);
        Assert.All(shared, x => Assert.Equal(Poison, x));
    }

    [Fact]
    public void A_broadcast_result_is_refused()
    {
        float[] result = Poisoned(4);
        Assert.Throws<ArgumentException>(() => DynamicKernels.MatMulF(Dense(new float[4], 2, 2), Dense(new float[4], 2, 2),
            new TensorSpan<float>(result, [2, 2], [0, 1])));
        Assert.All(result, x => Assert.Equal(Poison, x));
    }

    [Fact]
    public void A_diagonal_of_a_non_square_operand_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => DynamicKernels.Trace(
            new ReadOnlyTensorSpan<double>(new double[6], [2, 3], [3, 1]), new TensorSpan<double>(new double[1], [], [])));
        Assert.Contains("'a'", e.Message);
    }

    [Fact]
    public void A_static_span_of_the_wrong_length_names_the_parameter_and_shape()
    {
        double[] result = Enumerable.Repeat(99.0, 16).ToArray();
        var e = Assert.Throws<ArgumentException>(() => StaticKernels.Dot(new double[7], new double[6], result.AsSpan(0, 1)));
        Assert.Contains("'b'", e.Message);
        Assert.Contains("[7]", e.Message);
        Assert.Equal(99.0, result[0]);
    }

    [Fact]
    public void A_static_result_overlapping_an_input_is_refused()
    {
        double[] shared = Enumerable.Repeat(99.0, 16).ToArray();
        var e = Assert.Throws<ArgumentException>(() => StaticKernels.Transpose(shared.AsSpan(0, 12), shared.AsSpan(4, 12)));
        Assert.Contains("'result'", e.Message);
        Assert.All(shared, x => Assert.Equal(99.0, x));
    }
}
