using System.Linq;
using System.Numerics.Tensors;
using TensorGen.Runtime;
using TensorGen.Tests.Reference;
using Xunit;

namespace TensorGen.Tests.Api;

/// <summary>Programs created <see cref="EinsumProgram.WithReplanning"/>: the cost check at run time.</summary>
public sealed class ReplanTests
{
    private static readonly string[] Names = ["a", "b", "c", "result"];

    /// <summary>The compiled order (ab·bc first) costs 500× more at these sizes than bc·cd first: the binding runs a new plan.</summary>
    [Fact]
    public void A_much_costlier_compiled_order_is_replaced_for_the_calls_sizes()
    {
        EinsumProgram program = EinsumProgram.Create("ab,bc,cd->ad", [0, 1, 0, 1], Names).WithReplanning();
        EinsumBinding binding = Bind(program, [1000, 2], [2, 1000], [1000, 2], [1000, 2]);

        Assert.True(program.Replans);
        Assert.Equal("bc,cd->bd", binding.Step(0).Contraction);
    }

    [Fact]
    public void A_compiled_order_that_is_optimal_for_the_sizes_is_kept()
    {
        EinsumProgram program = EinsumProgram.Create("ab,bc,cd->ad", [1, 2, 0, 1], Names).WithReplanning();
        EinsumBinding binding = Bind(program, [1000, 2], [2, 1000], [1000, 2], [1000, 2]);

        Assert.Equal("bc,cd->bd", binding.Step(0).Contraction);
    }

    /// <summary>
    /// No slack: at these sizes bc·cd first costs 3·4·5 + 2·3·5 = 90 multiply-adds and ab·bc first 2·3·4 + 2·4·5 = 64, and
    /// the binding runs the cheaper one (TensorOperations.jl's check would keep an order up to twice as costly).
    /// </summary>
    [Fact]
    public void Any_costlier_compiled_order_is_replaced()
    {
        EinsumProgram program = EinsumProgram.Create("ab,bc,cd->ad", [1, 2, 0, 1], Names).WithReplanning();
        EinsumBinding binding = Bind(program, [2, 3], [3, 4], [4, 5], [2, 5]);

        Assert.Equal("ab,bc->ac", binding.Step(0).Contraction);
    }

    [Fact]
    public void Without_replanning_the_compiled_order_runs_whatever_the_sizes()
    {
        EinsumProgram program = EinsumProgram.Create("ab,bc,cd->ad", [0, 1, 0, 1], Names);
        EinsumBinding binding = Bind(program, [1000, 2], [2, 1000], [1000, 2], [1000, 2]);

        Assert.False(program.Replans);
        Assert.Equal("ab,bc->ac", binding.Step(0).Contraction);
    }

    /// <summary>The replanned steps compute what the reference does.</summary>
    [Fact]
    public void A_replanned_call_computes_the_same_numbers()
    {
        EinsumProgram program = EinsumProgram.Create("ab,bc,cd->ad", [0, 1, 0, 1], Names).WithReplanning();
        RefArray[] operands = [Values([300, 2], 1), Values([2, 300], 2), Values([300, 3], 3)];
        Tensor<double>[] tensors = operands.Select(RefArrayViews.ToTensor<double>).ToArray();
        EinsumBinding binding = Bind(program, [300, 2], [2, 300], [300, 3], [300, 3]);
        Tensor<double> result = Tensor.CreateFromShape<double>([300, 3]);

        BoundProgramRunner.Run(binding, tensors, TensorMemory.Of(result.AsTensorSpan()), accumulate: false);

        Assert.Equal("bc,cd->bd", binding.Step(0).Contraction);
        RefArray expected = ReferenceEinsum.Evaluate("ab,bc,cd->ad", operands);
        Assert.Null(RefArrayComparison.FirstDifference(expected, RefArrayViews.FromView<double>(result), 1e-12));
    }

    private static EinsumBinding Bind(EinsumProgram program, nint[] a, nint[] b, nint[] c, nint[] result)
    {
        EinsumBinding binding = program.Bind();
        binding.Operand(0, a, [a[1], 1]);
        binding.Operand(1, b, [b[1], 1]);
        binding.Operand(2, c, [c[1], 1]);
        binding.Result(result, [result[1], 1]);
        return binding;
    }

    private static RefArray Values(int[] shape, int seed) =>
        new(Enumerable.Range(0, shape[0] * shape[1]).Select(i => (double)(((i * 7) + seed) % 5) - 2).ToArray(), shape);
}
