using System;
using System.Buffers;
using System.Linq;
using System.Numerics.Tensors;
using TensorGen.Runtime;
using TensorGen.Tests.Reference;
using Xunit;

namespace TensorGen.Tests.Api;

/// <summary>
/// The runtime called exactly as the dynamic emitter's code calls it (see docs/architecture.md), on strided
/// views, checked against the reference.
/// </summary>
public sealed class GeneratedCallSequenceTests
{
    private static readonly EinsumProgram Chain = EinsumProgram.Create("ab,bc,cd->ad", [0, 1, 0, 1], ["x", "y", "z", "result"]);

    private static readonly EinsumProgram BatchedMatmul = EinsumProgram.Create("...ij,...jk->...ik", [0, 1], ["a", "b", "result"]);

    [Fact]
    public void Chain_over_transposed_views_matches_the_reference()
    {
        // x is the transpose of a dense [3, 2] buffer; y and z are dense.
        float[] xBuffer = Values(6, seed: 1);
        var x = new ReadOnlyTensorSpan<float>(xBuffer, 0, [2, 3], [1, 2]);
        var y = new ReadOnlyTensorSpan<float>(Values(12, seed: 2), [3, 4]);
        var z = new ReadOnlyTensorSpan<float>(Values(20, seed: 3), [4, 5]);
        float[] resultBuffer = new float[10];
        var result = new TensorSpan<float>(resultBuffer, [2, 5]);

        RunChain(x, y, z, result);

        RefArray expected = ReferenceEinsum.Evaluate("ab,bc,cd->ad", RefArrayViews.FromView(x), RefArrayViews.FromView(y), RefArrayViews.FromView(z));
        Assert.Null(RefArrayComparison.FirstDifference(expected, RefArrayViews.FromView<float>(result), 1e-5));
    }

    [Fact]
    public void One_program_binds_operands_whose_ellipsis_covers_different_ranks()
    {
        foreach ((nint[] a, nint[] b) in new (nint[], nint[])[] { ([2, 3], [3, 4]), ([5, 2, 3], [3, 4]), ([2, 1, 2, 3], [4, 3, 4]), ([2, 3], [6, 3, 4]) })
        {
            var left = Tensor.Create(Values((int)a.Aggregate((nint)1, (p, l) => p * l), seed: 4), a);
            var right = Tensor.Create(Values((int)b.Aggregate((nint)1, (p, l) => p * l), seed: 5), b);
            RefArray expected = ReferenceEinsum.Evaluate("...ij,...jk->...ik", RefArrayViews.FromView<float>(left), RefArrayViews.FromView<float>(right));
            var result = Tensor.CreateFromShape<float>(expected.Shape.Select(s => (nint)s).ToArray());

            EinsumBinding binding = BatchedMatmul.Bind();
            binding.Operand(0, left.Lengths, left.Strides);
            binding.Operand(1, right.Lengths, right.Strides);
            binding.Result(result.Lengths, result.Strides);
            StridedKernels.Contract(binding.Step(0), TensorMemory.Of<float>(left), TensorMemory.Of<float>(right), TensorMemory.Of<float>(result), accumulate: false);

            Assert.Null(RefArrayComparison.FirstDifference(expected, RefArrayViews.FromView<float>(result), 1e-5));
        }
    }

    [Fact]
    public void Step_layout_classifies_batch_free_and_contracted_indices()
    {
        EinsumBinding binding = EinsumProgram.Create("bij,bjk->bik", [0, 1], ["a", "b", "c"]).Bind();
        binding.Operand(0, [2, 3, 4], [12, 4, 1]);
        binding.Operand(1, [2, 4, 5], [20, 5, 1]);
        binding.Result([2, 3, 5], [15, 5, 1]);

        StepLayout step = binding.Step(0);

        Assert.Equal(3, step.KeptCount);
        Assert.Equal([2, 3, 5, 4], step.Extents.ToArray());
        Assert.Equal(
            [StepIndexUse.Left | StepIndexUse.Right | StepIndexUse.Output, StepIndexUse.Left | StepIndexUse.Output,
             StepIndexUse.Right | StepIndexUse.Output, StepIndexUse.Left | StepIndexUse.Right],
            step.Uses.ToArray());
        Assert.Equal([12, 4, 0, 1], step.LeftStrides.ToArray());
        Assert.Equal([20, 0, 1, 5], step.RightStrides.ToArray());
        Assert.Equal([15, 5, 1, 0], step.OutputStrides.ToArray());
        Assert.Equal(24, step.LeftLength);
        Assert.Equal(40, step.RightLength);
        Assert.Equal(30, step.OutputLength);
    }

    [Fact]
    public void Intermediates_are_dense_row_major_over_their_indices()
    {
        EinsumBinding binding = Chain.Bind();
        binding.Operand(0, [2, 3], [3, 1]);
        binding.Operand(1, [3, 4], [4, 1]);
        binding.Operand(2, [4, 5], [5, 1]);
        binding.Result([2, 5], [5, 1]);

        Assert.Equal(2, Chain.StepCount);
        Assert.Equal(8, binding.IntermediateLength(0));
        Assert.Equal([4, 1, 0], binding.Step(0).OutputStrides.ToArray());
        Assert.Equal((2, 3), (binding.Step(1).LeftOperand, binding.Step(1).RightOperand));
        Assert.Equal([0, 1, 5], binding.Step(1).LeftStrides.ToArray());
        Assert.Equal([4, 0, 1], binding.Step(1).RightStrides.ToArray());
    }

    /// <summary>What the dynamic emitter generates for <c>[Einsum("ab,bc,cd->ad")]</c>.</summary>
    private static void RunChain(ReadOnlyTensorSpan<float> x, ReadOnlyTensorSpan<float> y, ReadOnlyTensorSpan<float> z, TensorSpan<float> result)
    {
        var binding = Chain.Bind();
        binding.Operand(0, x.Lengths, x.Strides);
        binding.Operand(1, y.Lengths, y.Strides);
        binding.Operand(2, z.Lengths, z.Strides);
        binding.Result(result.Lengths, result.Strides);
        var xData = TensorMemory.Of(x);
        var yData = TensorMemory.Of(y);
        var zData = TensorMemory.Of(z);
        var resultData = TensorMemory.Of(result);
        TensorMemory.ThrowIfOverlaps(resultData, "result", xData, "x");
        TensorMemory.ThrowIfOverlaps(resultData, "result", yData, "y");
        TensorMemory.ThrowIfOverlaps(resultData, "result", zData, "z");
        float[] t1 = ArrayPool<float>.Shared.Rent(binding.IntermediateLength(0));
        try
        {
            StridedKernels.Contract(binding.Step(0), xData, yData, t1.AsSpan(0, binding.IntermediateLength(0)), accumulate: false);
            // Path [0,1, 0,1]: the second pair is (z, t1), so z is the left operand.
            StridedKernels.Contract(binding.Step(1), zData, t1.AsSpan(0, binding.IntermediateLength(0)), resultData, accumulate: false);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(t1);
        }
    }

    private static float[] Values(int count, int seed) => Enumerable.Range(0, count).Select(i => (((i * 7) + (seed * 13)) % 11) - 5f).ToArray();
}
