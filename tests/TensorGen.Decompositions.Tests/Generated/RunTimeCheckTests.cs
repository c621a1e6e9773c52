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

    [Fact]
    public void Null_decomposed_arguments_are_rejected() =>
        Assert.Throws<ArgumentNullException>(() => DecompositionKernels.SingleCoreNorm(null!));
}
