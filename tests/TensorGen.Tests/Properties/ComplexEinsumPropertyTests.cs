using System;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using CsCheck;
using TensorGen.Tests.Kernels;
using TensorGen.Tests.Reference;
using Xunit;

namespace TensorGen.Tests.Properties;

/// <summary>
/// Random valid einsum calls over random strided views of <see cref="Complex"/> elements (the real property tests' generator):
/// <see cref="Einsum"/> against the independent complex reference, exactly (parts are multiples of 1/8), nothing conjugated,
/// and nothing written outside the result's view.
/// </summary>
public sealed class ComplexEinsumPropertyTests
{
    [Fact]
    public void Evaluate_on_complex_into_a_strided_result_matches_the_reference_and_writes_nothing_else() =>
        EinsumProblem.Generator.Sample(AssertIntoStridedResult, iter: 600);

    private static void AssertIntoStridedResult(EinsumProblem problem)
    {
        Tensor<Complex>[] operands = problem.CreateComplexOperands();
        ComplexRefArray expected = ReferenceEinsum.Evaluate(problem.Expression, operands
            .Select((t, n) => ComplexOperandViews.FromView(t) with { Shape = problem.Shapes[n] })
            .ToArray());
        int[] shape = EinsumProblem.TensorShape(expected.Shape);
        nint[] strides = problem.ResultLayout.Strides(shape, allowBroadcast: false);
        var buffer = new Complex[problem.ResultLayout.BufferLength(shape, strides)];
        buffer.AsSpan().Fill(new Complex(double.NaN, double.NaN));
        var result = new TensorSpan<Complex>(buffer, problem.ResultLayout.Offset, shape.Select(l => (nint)l).ToArray(), strides);
        if (problem.Accumulate)
        {
            Complex[] initial = Enumerable.Range(0, expected.Data.Length).Select(i => new Complex((i % 5) - 2.0, (i % 3) - 1.0)).ToArray();
            int flat = 0;
            foreach (nint[] index in ComplexOperandViews.Indices(shape))
            {
                result[index] = initial[flat++];
            }

            expected = expected with { Data = expected.Data.Zip(initial, (e, i) => e + i).ToArray() };
        }

        Einsum.Evaluate(problem.Expression, operands, result, problem.Accumulate);

        ComplexRefArray actual = ComplexOperandViews.FromView(result);
        Assert.Null((expected with { Shape = shape }).FirstDifference(actual, 0));
        var written = problem.ResultLayout.ElementOffsets(shape, strides).ToHashSet();
        int stray = Enumerable.Range(0, buffer.Length).FirstOrDefault(i => !written.Contains(i) && !double.IsNaN(buffer[i].Real), -1);
        Assert.True(stray < 0, $"Element {stray} of the result's buffer, outside the view, was written.");
    }
}
