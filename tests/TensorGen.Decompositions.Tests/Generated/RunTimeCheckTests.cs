using System;
using System.Numerics.Tensors;
using Xunit;

namespace TensorGen.Decompositions.Tests.Generated;

/// <summary>Generated kernels check their arguments before computing and name what is wrong.</summary>
public class RunTimeCheckTests
{
    private static readonly Random s_random = new(7);

    [Fact]
    public void A_decomposed_argument_of_another_order_is_rejected()
    {
        TensorTrain<double> x = TensorTrain.Random<double>([2, 2, 2], [2, 2], s_random);
        var error = Assert.Throws<ArgumentException>(() => DecompositionKernels.TrainInner(x, x));
        Assert.Equal("x", error.ParamName);
        Assert.Contains("order 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Static_kernels_check_every_component_against_the_declaration()
    {
        TensorTrain<double> x = TensorTrain.Random<double>([3, 2, 4, 2], [2, 3, 2], s_random);
        TensorTrain<double> wrongBond = TensorTrain.Random<double>([3, 2, 4, 2], [2, 2, 2], s_random);
        var error = Assert.Throws<ArgumentException>(() => DecompositionKernels.TrainInnerStatic(x, wrongBond));
        Assert.Equal("y", error.ParamName);
        Assert.Contains("core 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("[2, 2, 3]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dynamic_kernels_check_the_result_shape()
    {
        CpTensor<double> x = CpTensor.Random<double>([3, 4, 5], 2, s_random);
        Tensor<double> result = Tensor.CreateFromShape<double>([3, 4, 4]);
        var error = Assert.Throws<ArgumentException>(() => DecompositionKernels.CpReconstruct(x, result.AsTensorSpan()));
        Assert.Equal("result", error.ParamName);
    }

    [Fact]
    public void Static_kernels_check_dense_operand_lengths()
    {
        CpTensor<double> x = CpTensor.Random<double>([4, 5, 6], 3, s_random);
        var error = Assert.Throws<ArgumentException>(() => DecompositionKernels.CpModeProductStatic(x, new double[9], new double[48]));
        Assert.Equal("u", error.ParamName);
    }

    /// <summary>
    /// Fuzz regression: the einsum kernel behind a dynamic decomposition kernel broadcast a length of 1 as numpy does, so a vector
    /// of length 1 for a mode of 4 (or of 3 for a mode of 1) was accepted and gave a wrong result instead of an ArgumentException.
    /// </summary>
    [Theory]
    [InlineData(4, 1)]
    [InlineData(1, 3)]
    [InlineData(4, 5)]
    public void A_vector_whose_length_is_not_its_modes_size_is_rejected_before_writing(int modeSize, int vectorLength)
    {
        TuckerTensor<double> x = TuckerTensor.Random<double>([6, 5, modeSize], [2, 3, 1], s_random);
        var result = new double[5];
        Array.Fill(result, 42.0);
        var error = Assert.Throws<ArgumentException>(() => DecompositionKernels.TuckerVectorProduct(x, Tensor.Create(new double[6], [6]),
            Tensor.Create(new double[vectorLength], [vectorLength]), new TensorSpan<double>(result, [5])));
        Assert.Equal("v2", error.ParamName);
        Assert.All(result, v => Assert.Equal(42.0, v));
    }

    [Fact]
    public void Decomposed_operands_of_different_mode_sizes_are_rejected_even_when_one_is_1()
    {
        TensorTrain<double> x = TensorTrain.Random<double>([2, 2, 1, 2, 2], [2, 2, 2, 2], s_random), y = TensorTrain.Random<double>([2, 2, 3, 2, 2], [2, 2, 2, 2], s_random);
        var error = Assert.Throws<ArgumentException>(() => DecompositionKernels.TrainInner(x, y));
        Assert.Contains("does not broadcast", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_decomposed_arguments_are_rejected() =>
        Assert.Throws<ArgumentNullException>(() => DecompositionKernels.SingleCoreNorm(null!));
}
