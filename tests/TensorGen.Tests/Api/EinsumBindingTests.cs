using System;
using TensorGen.Runtime;
using Xunit;

namespace TensorGen.Tests.Api;

/// <summary>How <see cref="EinsumProgram"/> and <see cref="EinsumBinding"/> reject misuse and name the generated method's parameters.</summary>
public sealed class EinsumBindingTests
{
    [Fact]
    public void Messages_name_the_generated_methods_parameters()
    {
        EinsumBinding binding = EinsumProgram.Create("ij,jk->ik", [0, 1], ["left", "right", "product"]).Bind();
        binding.Operand(0, [2, 3], [3, 1]);
        binding.Operand(1, [4, 5], [5, 1]);

        var error = Assert.Throws<ArgumentException>(() => binding.Result([2, 5], [5, 1]));

        Assert.Equal("right", error.ParamName);
        Assert.StartsWith("Operand 'right' has shape [4, 5] but expression term \"jk\" needs index 'j' = 3 (from operand 'left' [2, 3]).", error.Message);
    }

    [Fact]
    public void Result_message_uses_the_results_name()
    {
        EinsumBinding binding = EinsumProgram.Create("ij->ji", [], ["m", "transposed"]).Bind();
        binding.Operand(0, [2, 3], [3, 1]);

        var error = Assert.Throws<ArgumentException>(() => binding.Result([2, 3], [3, 1]));

        Assert.Equal("transposed", error.ParamName);
        Assert.StartsWith("Result 'transposed' has shape [2, 3] but expression output \"ji\" needs shape [3, 2].", error.Message);
    }

    [Fact]
    public void A_scalar_term_takes_shape_one_as_well_as_an_empty_shape()
    {
        EinsumBinding binding = EinsumProgram.Create(",i->", [0, 1], ["s", "v", "r"]).Bind();
        binding.Operand(0, [1], [0]);
        binding.Operand(1, [3], [1]);
        binding.Result([1], [0]);
        Assert.Equal(1, binding.Step(0).OutputLength);

        binding.Operand(0, [], []);
        binding.Result([], []);
        Assert.Equal(1, binding.Step(0).OutputLength);
    }

    [Fact]
    public void Negative_strides_are_rejected()
    {
        EinsumBinding binding = EinsumProgram.Create("i->i", [], ["v", "r"]).Bind();

        var error = Assert.Throws<ArgumentException>(() => binding.Operand(0, [3], [-1]));

        Assert.Equal("v", error.ParamName);
        Assert.Contains("cannot be negative", error.Message);
    }

    [Fact]
    public void Lengths_and_strides_of_different_ranks_are_rejected()
    {
        EinsumBinding binding = EinsumProgram.Create("i->i", [], ["v", "r"]).Bind();
        binding.Operand(0, [3], [1]);

        var error = Assert.Throws<ArgumentException>(() => binding.Result([3], [1, 1]));

        Assert.Equal("r", error.ParamName);
    }

    [Fact]
    public void Result_strides_that_map_two_elements_to_one_address_are_rejected()
    {
        EinsumBinding binding = EinsumProgram.Create("ij->ij", [], ["m", "r"]).Bind();
        binding.Operand(0, [3, 2], [2, 1]);

        // Offsets 0, 3, 2, 5, 4, 7 are distinct although strides do not nest; 0, 2, 2, 4, 4, 6 are not.
        binding.Result([3, 2], [2, 3]);
        var error = Assert.Throws<ArgumentException>(() => binding.Result([3, 2], [2, 2]));

        Assert.Equal("r", error.ParamName);
        Assert.Contains("map two of its elements to the same memory", error.Message);
    }

    [Fact]
    public void Result_before_every_operand_is_bound_is_an_invalid_operation()
    {
        EinsumBinding binding = EinsumProgram.Create("ij,jk->ik", [0, 1], ["a", "b", "c"]).Bind();
        binding.Operand(0, [2, 3], [3, 1]);

        var error = Assert.Throws<InvalidOperationException>(() => binding.Result([2, 5], [5, 1]));

        Assert.Contains("Operand 1 ('b') is not bound", error.Message);
    }

    [Fact]
    public void Steps_before_result_are_an_invalid_operation()
    {
        EinsumBinding binding = EinsumProgram.Create("i->i", [], ["v", "r"]).Bind();
        binding.Operand(0, [3], [1]);

        Assert.Throws<InvalidOperationException>(() => binding.Step(0));
        Assert.Throws<InvalidOperationException>(() => binding.IntermediateLength(0));
    }

    [Fact]
    public void The_final_step_has_no_intermediate()
    {
        EinsumBinding binding = EinsumProgram.Create("ij,jk->ik", [0, 1], ["a", "b", "c"]).Bind();
        binding.Operand(0, [2, 3], [3, 1]);
        binding.Operand(1, [3, 5], [5, 1]);
        binding.Result([2, 5], [5, 1]);

        Assert.Throws<ArgumentOutOfRangeException>(() => binding.IntermediateLength(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => binding.Operand(2, [1], [1]));
    }

    [Theory]
    [InlineData("ij,jk->ik", new[] { 0 }, "pairs")]
    [InlineData("ij,jk->ik", new int[0], "The path leaves 2 operands")]
    [InlineData("ij,jk,kl->il", new[] { 0, 3, 0, 1 }, "names positions outside the 3 operands left")]
    public void A_path_that_does_not_fit_the_expression_is_rejected(string expression, int[] path, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => EinsumProgram.Create(expression, path, new string[expression.Split(',').Length + 1]));

        Assert.Equal("path", error.ParamName);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Parameter_names_must_cover_the_operands_and_the_result()
    {
        var error = Assert.Throws<ArgumentException>(() => EinsumProgram.Create("ij,jk->ik", [0, 1], ["a", "b"]));

        Assert.Equal("parameterNames", error.ParamName);
    }

    [Fact]
    public void An_invalid_expression_carries_the_parsers_message()
    {
        var error = Assert.Throws<ArgumentException>(() => EinsumProgram.Create("ij->ii", [], ["a", "b"]));

        Assert.Equal("expression", error.ParamName);
        Assert.Contains("appears twice in the output", error.Message);
    }
}
