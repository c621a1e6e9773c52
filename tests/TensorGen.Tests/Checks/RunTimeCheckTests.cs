using System;
using System.Numerics.Tensors;
using Xunit;

namespace TensorGen.Tests.Checks;

/// <summary>
/// Every shape error of <see cref="Einsum.Evaluate{T}(string, ReadOnlySpan{Tensor{T}}, in TensorSpan{T}, bool)"/> is an
/// <see cref="ArgumentException"/> naming the parameter and showing the shapes involved, thrown before anything is written.
/// </summary>
public sealed class RunTimeCheckTests
{
    [Fact]
    public void Wrong_rank_names_the_operand_and_its_shape()
    {
        var result = new PoisonedResult([2, 5]);

        var error = Assert.Throws<ArgumentException>(() => Einsum.Evaluate("ij,jk->ik", [Dense(2, 3, 4), Dense(3, 5)], result.View));

        Assert.Equal("operands[0]", error.ParamName);
        Assert.StartsWith("Operand 'operands[0]' has shape [2, 3, 4] but expression term \"ij\" needs rank 2", error.Message);
        Assert.True(result.IsUntouched);
    }

    [Fact]
    public void Too_few_dimensions_for_an_ellipsis_term_names_the_operand()
    {
        var result = new PoisonedResult([1]);

        var error = Assert.Throws<ArgumentException>(() => Einsum.Evaluate("...ij->...", [Dense(4)], result.View));

        Assert.Equal("operands[0]", error.ParamName);
        Assert.StartsWith("Operand 'operands[0]' has shape [4] but expression term \"...ij\" needs rank at least 2", error.Message);
        Assert.True(result.IsUntouched);
    }

    [Fact]
    public void Wrong_size_names_both_operands_with_their_shapes()
    {
        var result = new PoisonedResult([2, 5]);

        var error = Assert.Throws<ArgumentException>(() => Einsum.Evaluate("ij,jk->ik", [Dense(2, 3), Dense(4, 5)], result.View));

        Assert.Equal("operands[1]", error.ParamName);
        Assert.StartsWith(
            "Operand 'operands[1]' has shape [4, 5] but expression term \"jk\" needs index 'j' = 3 (from operand 'operands[0]' [2, 3]).",
            error.Message);
        Assert.True(result.IsUntouched);
    }

    [Fact]
    public void Ellipsis_dimensions_that_do_not_broadcast_name_both_operands()
    {
        var result = new PoisonedResult([4]);

        var error = Assert.Throws<ArgumentException>(() => Einsum.Evaluate("...i,...i->...", [Dense(2, 3), Dense(4, 3)], result.View));

        Assert.Equal("operands[1]", error.ParamName);
        Assert.Contains("Operand 'operands[1]' has shape [4, 3]", error.Message);
        Assert.Contains("(part of \"...\") = 2 (from operand 'operands[0]' [2, 3])", error.Message);
        Assert.True(result.IsUntouched);
    }

    [Fact]
    public void Repeated_index_with_unequal_lengths_names_the_operand()
    {
        var result = new PoisonedResult([2]);

        var error = Assert.Throws<ArgumentException>(() => Einsum.Evaluate("ii->i", [Dense(2, 3)], result.View));

        Assert.Equal("operands[0]", error.ParamName);
        Assert.StartsWith("Operand 'operands[0]' has shape [2, 3] but expression term \"ii\" repeats index 'i'", error.Message);
        Assert.Contains("(2 != 3)", error.Message);
        Assert.True(result.IsUntouched);
    }

    [Fact]
    public void Ellipsis_dimensions_without_an_ellipsis_in_the_output_are_rejected_as_numpy_does()
    {
        var result = new PoisonedResult([3, 4]);

        var error = Assert.Throws<ArgumentException>(() => Einsum.Evaluate("...ij->ij", [Dense(2, 3, 4)], result.View));

        Assert.Equal("operands[0]", error.ParamName);
        Assert.Contains("output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided", error.Message);
        Assert.Contains("[2, 3, 4]", error.Message);
        Assert.True(result.IsUntouched);
    }

    [Fact]
    public void Wrong_result_shape_shows_both_shapes()
    {
        var result = new PoisonedResult([2, 4]);

        var error = Assert.Throws<ArgumentException>(() => Einsum.Evaluate("ij,jk->ik", [Dense(2, 3), Dense(3, 5)], result.View));

        Assert.Equal("result", error.ParamName);
        Assert.StartsWith("Result 'result' has shape [2, 4] but expression output \"ik\" needs shape [2, 5].", error.Message);
        Assert.True(result.IsUntouched);
    }

    [Fact]
    public void Result_with_a_broadcast_size_one_dimension_where_the_output_has_more_is_rejected()
    {
        var result = new PoisonedResult([1, 5]);

        var error = Assert.Throws<ArgumentException>(() => Einsum.Evaluate("ij,jk->ik", [Dense(2, 3), Dense(3, 5)], result.View));

        Assert.Equal("result", error.ParamName);
        Assert.Contains("has shape [1, 5]", error.Message);
        Assert.Contains("needs shape [2, 5]", error.Message);
        Assert.True(result.IsUntouched);
    }

    [Fact]
    public void Result_overlapping_an_operand_names_both()
    {
        double[] shared = new double[12];
        shared.AsSpan().Fill(double.NaN);
        var operand = Tensor.Create(shared, 0, [3, 4], []);

        var error = Assert.Throws<ArgumentException>(() => Einsum.Evaluate("ij->j", [operand], new TensorSpan<double>(shared, 8, [4], [])));

        Assert.Equal("result", error.ParamName);
        Assert.Contains("Result 'result' shares memory with operand 'operands[0]'", error.Message);
        Assert.All(shared, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Result_whose_elements_share_memory_is_rejected_with_its_strides()
    {
        var result = new PoisonedResult([2, 3], strides: [0, 1], bufferLength: 3);

        var error = Assert.Throws<ArgumentException>(() => Einsum.Evaluate("ij->ij", [Dense(2, 3)], result.View));

        Assert.Equal("result", error.ParamName);
        Assert.StartsWith("Result 'result' has shape [2, 3] and strides [0, 1]: dimension 0 has length 2 but stride 0", error.Message);
        Assert.True(result.IsUntouched);
    }

    [Fact]
    public void Operand_count_that_does_not_match_the_terms_is_rejected()
    {
        var result = new PoisonedResult([2, 5]);

        var error = Assert.Throws<ArgumentException>(() => Einsum.Evaluate("ij,jk->ik", [Dense(2, 3)], result.View));

        Assert.Equal("operands", error.ParamName);
        Assert.Contains("has 2 operand terms but 1 operand was given", error.Message);
        Assert.True(result.IsUntouched);
    }

    [Fact]
    public void Invalid_expression_carries_the_parsers_message()
    {
        var error = Assert.Throws<ArgumentException>(() => Einsum.Evaluate("ij,j1->i", Dense(2, 3), Dense(3, 1)));

        Assert.Equal("expression", error.ParamName);
        Assert.Contains("Character '1'", error.Message);
    }

    private static Tensor<double> Dense(params nint[] lengths) => Tensor.CreateFromShape<double>(lengths);
}
