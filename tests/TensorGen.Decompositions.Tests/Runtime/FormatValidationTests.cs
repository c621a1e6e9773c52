using System;
using System.Numerics.Tensors;
using Xunit;

namespace TensorGen.Decompositions.Tests.Runtime;

/// <summary>Malformed components are rejected with an ArgumentException that says what is wrong.</summary>
public class FormatValidationTests
{
    private static Tensor<double> Zeros(params nint[] shape) => Tensor.CreateFromShape<double>(shape);

    [Fact]
    public void Cp_factors_must_share_the_rank()
    {
        var error = Assert.Throws<ArgumentException>(() => new CpTensor<double>([Zeros(3, 2), Zeros(4, 3)]));
        Assert.Contains("factors[1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cp_weights_must_be_a_vector() =>
        Assert.Throws<ArgumentException>(() => new CpTensor<double>(Zeros(2, 1), [Zeros(3, 2)]));

    [Fact]
    public void Tucker_needs_one_factor_per_core_mode()
    {
        var error = Assert.Throws<ArgumentException>(() => new TuckerTensor<double>(Zeros(2, 2, 2), [Zeros(3, 2), Zeros(3, 2)]));
        Assert.Contains("3 modes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tucker_factor_columns_match_the_core() =>
        Assert.Throws<ArgumentException>(() => new TuckerTensor<double>(Zeros(2, 3), [Zeros(3, 2), Zeros(3, 2)]));

    [Fact]
    public void Train_bonds_must_chain()
    {
        var error = Assert.Throws<ArgumentException>(() => new TensorTrain<double>([Zeros(1, 2, 3), Zeros(2, 2, 1)]));
        Assert.Contains("core 0 ends with bond 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_boundary_bonds_are_one()
    {
        Assert.Throws<ArgumentException>(() => new TensorTrain<double>([Zeros(2, 2, 1)]));
        Assert.Throws<ArgumentException>(() => new TensorTrain<double>([Zeros(1, 2, 2)]));
        Assert.Throws<ArgumentException>(() => new TensorTrainMatrix<double>([Zeros(1, 2, 2, 2)]));
    }

    [Fact]
    public void Empty_lengths_are_rejected() =>
        Assert.Throws<ArgumentException>(() => new TensorTrain<double>([Zeros(1, 0, 1)]));

    [Fact]
    public void Unsupported_element_types_are_rejected() =>
        Assert.Throws<NotSupportedException>(() => new TensorTrain<int>([Tensor.CreateFromShape<int>([1, 2, 1])]));

    [Fact]
    public void Operations_check_the_other_operand_shape()
    {
        var random = new Random(1);
        TensorTrain<double> x = TensorTrain.Random<double>([2, 3], [2], random), y = TensorTrain.Random<double>([2, 4], [2], random);
        var error = Assert.Throws<ArgumentException>(() => x.Inner(y));
        Assert.Contains("[2, 3]", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => x.ModeProduct(2, Zeros(2, 2)));
        Assert.Throws<ArgumentException>(() => x.ModeProduct(1, Zeros(2, 2)));
    }
}
