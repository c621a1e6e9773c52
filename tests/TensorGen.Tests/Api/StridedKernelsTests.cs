using System;
using TensorGen.Runtime;
using Xunit;

namespace TensorGen.Tests.Api;

public sealed class StridedKernelsTests
{
    [Fact]
    public void Spans_shorter_than_the_layout_reaches_are_rejected_before_any_write()
    {
        StepLayout step = MatmulStep();
        double[] output = [double.NaN, double.NaN, double.NaN, double.NaN];

        var left = Assert.Throws<ArgumentException>(() => StridedKernels.Contract<double>(step, new double[5], new double[6], output, false));
        var right = Assert.Throws<ArgumentException>(() => StridedKernels.Contract<double>(step, new double[6], new double[5], output, false));
        var result = Assert.Throws<ArgumentException>(() => StridedKernels.Contract<double>(step, new double[6], new double[6], new double[3], false));

        Assert.Equal(("left", "right", "output"), (left.ParamName, right.ParamName, result.ParamName));
        Assert.Contains("reaches element 5 of 'left', but the span has 5 elements", left.Message);
        Assert.All(output, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Accumulate_adds_to_the_output()
    {
        StepLayout step = MatmulStep();
        double[] left = [1, 2, 3, 4, 5, 6];
        double[] right = [1, 0, 0, 1, 1, 1];
        double[] output = [10, 20, 30, 40];

        StridedKernels.Contract<double>(step, left, right, output, accumulate: true);

        Assert.Equal([10 + 4, 20 + 5, 30 + 10, 40 + 11], output);
    }

    [Fact]
    public void A_sum_over_an_empty_index_writes_zero_or_leaves_an_accumulated_output()
    {
        // "ijk->i" with j = 0: k is the innermost summed index, so an empty outer summed index must not be stepped into.
        EinsumBinding binding = EinsumProgram.Create("ijk->i", [], ["a", "r"]).Bind();
        binding.Operand(0, [2, 0, 3], [0, 0, 1]);
        binding.Result([2], [1]);
        double[] output = [double.NaN, double.NaN];

        StridedKernels.Contract<double>(binding.Step(0), ReadOnlySpan<double>.Empty, output, accumulate: false);
        Assert.Equal([0.0, 0.0], output);

        output = [7, 8];
        StridedKernels.Contract<double>(binding.Step(0), ReadOnlySpan<double>.Empty, output, accumulate: true);
        Assert.Equal([7.0, 8.0], output);
    }

    [Fact]
    public void Unary_and_binary_steps_need_their_own_overload()
    {
        EinsumBinding unary = EinsumProgram.Create("ij->ji", [], ["a", "r"]).Bind();
        unary.Operand(0, [2, 2], [2, 1]);
        unary.Result([2, 2], [2, 1]);

        Assert.Throws<ArgumentException>(() => StridedKernels.Contract<double>(unary.Step(0), new double[4], new double[4], new double[4], false));
        Assert.Throws<ArgumentException>(() => StridedKernels.Contract<double>(MatmulStep(), new double[6], new double[4], false));
    }

    /// <summary>"ij,jk->ik" for [2, 3] × [3, 2], dense.</summary>
    private static StepLayout MatmulStep()
    {
        EinsumBinding binding = EinsumProgram.Create("ij,jk->ik", [0, 1], ["a", "b", "c"]).Bind();
        binding.Operand(0, [2, 3], [3, 1]);
        binding.Operand(1, [3, 2], [2, 1]);
        binding.Result([2, 2], [2, 1]);
        return binding.Step(0);
    }
}
