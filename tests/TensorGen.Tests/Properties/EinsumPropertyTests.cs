using System;
using System.Linq;
using System.Numerics.Tensors;
using CsCheck;
using TensorGen.Tests.Reference;
using Xunit;

namespace TensorGen.Tests.Properties;

/// <summary>Random valid einsum calls over random strided views: <see cref="Einsum"/> against the independent reference.</summary>
public sealed class EinsumPropertyTests
{
    [Fact]
    public void Evaluate_into_a_strided_result_matches_the_reference_and_writes_nothing_else() =>
        EinsumProblem.Generator.Sample(AssertIntoStridedResult, iter: 2000);

    [Fact]
    public void Evaluate_allocating_matches_the_reference() =>
        EinsumProblem.Generator.Sample(AssertAllocating, iter: 300);

    private static void AssertIntoStridedResult(EinsumProblem problem)
    {
        Tensor<double>[] operands = problem.CreateOperands();
        RefArray expected = Reference(problem, operands);
        int[] shape = EinsumProblem.TensorShape(expected.Shape);
        nint[] strides = problem.ResultLayout.Strides(shape, allowBroadcast: false);
        double[] buffer = new double[problem.ResultLayout.BufferLength(shape, strides)];
        buffer.AsSpan().Fill(double.NaN);
        var result = new TensorSpan<double>(buffer, problem.ResultLayout.Offset, shape.Select(l => (nint)l).ToArray(), strides);
        if (problem.Accumulate)
        {
            double[] initial = Enumerable.Range(0, expected.Data.Length).Select(i => (i % 5) - 2.0).ToArray();
            Fill(result, initial);
            expected = expected with { Data = expected.Data.Zip(initial, (e, i) => e + i).ToArray() };
        }

        Einsum.Evaluate(problem.Expression, operands, result, problem.Accumulate);

        RefArray actual = RefArrayViews.FromView<double>(result);
        Assert.Null(RefArrayComparison.FirstDifference(expected with { Shape = shape }, actual, 1e-12));
        var written = problem.ResultLayout.ElementOffsets(shape, strides).ToHashSet();
        int stray = Enumerable.Range(0, buffer.Length).FirstOrDefault(i => !written.Contains(i) && !double.IsNaN(buffer[i]), -1);
        Assert.True(stray < 0, $"Element {stray} of the result's buffer, outside the view, was written.");
    }

    private static void AssertAllocating(EinsumProblem problem)
    {
        Tensor<double>[] operands = problem.CreateOperands();
        RefArray expected = Reference(problem, operands);

        Tensor<double> result = Einsum.Evaluate(problem.Expression, operands);

        RefArray actual = RefArrayViews.FromView<double>(result);
        Assert.Null(RefArrayComparison.FirstDifference(expected with { Shape = EinsumProblem.TensorShape(expected.Shape) }, actual, 1e-12));
    }

    /// <summary>The reference's result, from the operand views as they are (scalars back to shape []).</summary>
    private static RefArray Reference(EinsumProblem problem, Tensor<double>[] operands) =>
        ReferenceEinsum.Evaluate(problem.Expression, operands
            .Select((t, n) => RefArrayViews.FromView<double>(t) with { Shape = problem.Shapes[n] })
            .ToArray());

    /// <summary>Writes <paramref name="values"/> into the view in row-major order.</summary>
    private static void Fill(TensorSpan<double> view, double[] values)
    {
        var index = new nint[view.Rank];
        for (int flat = 0; flat < values.Length; flat++)
        {
            view[index] = values[flat];
            for (int d = view.Rank - 1; d >= 0 && ++index[d] == view.Lengths[d]; d--)
            {
                index[d] = 0;
            }
        }
    }
}
