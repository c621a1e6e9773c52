using System.Linq;
using System.Numerics.Tensors;
using TensorGen.Tests.Reference;
using Xunit;

namespace TensorGen.Tests.Checks;

/// <summary>Corners of numpy's semantics, each against the independent reference with dense operands.</summary>
public sealed class EdgeCaseTests
{
    [Theory]
    [InlineData("ijk->i", new[] { 2, 0, 3 })]                       // an empty summed index outside the innermost
    [InlineData("ijk->k", new[] { 0, 2, 3 })]
    [InlineData("ij,jk->ik", new[] { 2, 0 }, new[] { 0, 3 })]       // matmul over an empty inner dimension: zeros
    [InlineData("ij,jk->ik", new[] { 0, 2 }, new[] { 2, 3 })]       // an empty output
    [InlineData("i,i->", new[] { 0 }, new[] { 0 })]                 // an empty dot product is 0
    [InlineData("ij->", new[] { 0, 0 })]
    [InlineData("ii,i->i", new[] { 1, 1 }, new[] { 3 })]            // a 1×1 diagonal broadcast against 3
    [InlineData("ij,ij->ij", new[] { 1, 3 }, new[] { 2, 1 })]       // size-1 broadcasting on both sides
    [InlineData("ij,jk->ik", new[] { 2, 1 }, new[] { 4, 5 })]       // a contracted index of length 1 against 4
    [InlineData("i,i->i", new[] { 1 }, new[] { 0 })]                // 1 broadcasts to 0
    [InlineData(",->", new int[0], new int[0])]                     // scalars only
    [InlineData(",ij", new int[0], new[] { 2, 3 })]
    [InlineData("...,...->...", new[] { 2, 1 }, new[] { 3 })]
    [InlineData("i...->...", new[] { 3 })]                          // "..." covering nothing
    [InlineData("ij->...ji", new[] { 2, 3 })]                       // "..." in the output alone
    [InlineData("...ii->...i", new[] { 2, 3, 3 })]
    [InlineData("i...i", new[] { 3, 2, 3 })]
    [InlineData("ij...,jk...->ik...", new[] { 2, 3, 4, 1 }, new[] { 3, 2, 5 })]
    [InlineData("ba", new[] { 3, 4 })]                              // implicit output sorts by code point
    [InlineData("Ba,aB", new[] { 3, 4 }, new[] { 4, 3 })]
    [InlineData("\U0001D6FC\U0001D6FD,\U0001D6FD\u03B3", new[] { 2, 3 }, new[] { 3, 4 })] // letters outside the BMP
    [InlineData("ab,bc,cd,de->ae", new[] { 2, 3 }, new[] { 3, 1 }, new[] { 1, 4 }, new[] { 4, 2 })]
    [InlineData("a,b,c,d,e->edcba", new[] { 2 }, new[] { 1 }, new[] { 3 }, new[] { 2 }, new[] { 2 })]
    public void Evaluate_matches_the_reference(string expression, params int[][] shapes)
    {
        RefArray[] operands = shapes.Select((shape, n) => new RefArray(
            Enumerable.Range(0, shape.Aggregate(1, (p, s) => p * s)).Select(i => (((i * 5) + (n * 3)) % 7) - 3.0).ToArray(), shape)).ToArray();
        RefArray expected = ReferenceEinsum.Evaluate(expression, operands);

        Tensor<double> result = Einsum.Evaluate(expression, operands.Select(RefArrayViews.ToTensor<double>).ToArray());

        RefArray actual = RefArrayViews.FromView<double>(result);
        Assert.Null(RefArrayComparison.FirstDifference(expected with { Shape = expected.Rank == 0 ? [1] : expected.Shape }, actual, 1e-12));
    }

    /// <summary>
    /// An index of size 0 empties the whole sum, so every result element is 0 (as the reference and numpy's single loop
    /// say), even where an operand holds NaN or ∞: the fuzzer found a plan of steps multiplying them by an earlier step's
    /// empty sum (NaN · 0, ∞ · 0) and returning NaN.
    /// </summary>
    [Theory]
    [InlineData("i,j,jk->i", double.NaN)]
    [InlineData("i,j,jk->i", double.PositiveInfinity)]
    [InlineData(",kl,ml", double.NegativeInfinity)]
    public void A_special_value_times_an_empty_sum_is_zero(string expression, double special)
    {
        Tensor<double>[] operands = expression.StartsWith(',')
            ? [Tensor.Create([special], [1]), Tensor.CreateFromShape<double>([3, 0]), Tensor.CreateFromShape<double>([2, 0])]
            : [Tensor.Create([special, 1.0], [2]), Tensor.CreateFromShape<double>([0]), Tensor.CreateFromShape<double>([0, 3])];

        Tensor<double> result = Einsum.Evaluate(expression, operands);

        Assert.All(RefArrayViews.FromView<double>(result).Data, value => Assert.Equal(0.0, value));
    }
}
