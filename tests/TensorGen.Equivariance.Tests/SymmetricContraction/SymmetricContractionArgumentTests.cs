using System;
using System.Linq;
using System.Numerics.Tensors;
using TensorGen.Equivariance.Tests.Consumer;
using Xunit;

namespace TensorGen.Equivariance.Tests.SymmetricContraction;

/// <summary>What the generated methods refuse at run time, before anything is written: shapes, element indices, overlaps.</summary>
public sealed class SymmetricContractionArgumentTests
{
    // Medium3: A [Z, 27], weights [369], output [Z, 12].
    [Theory]
    [InlineData(0, new[] { 4, 26 }, "a")]
    [InlineData(1, new[] { 368 }, "weights")]
    [InlineData(1, new[] { 3, 123 }, "weights")]
    [InlineData(3, new[] { 4, 13 }, "output")]
    [InlineData(3, new[] { 5, 12 }, "output")]
    public void A_wrong_shape_throws_naming_the_parameter_and_writes_nothing(int which, int[] shape, string name)
    {
        int[][] shapes = { new[] { 4, 27 }, new[] { 369 }, new[] { 4 }, new[] { 4, 12 } };
        shapes[which] = shape;
        double[][] data = shapes.Select(s => Enumerable.Repeat(42.0, s.Aggregate(1, (p, n) => p * n)).ToArray()).ToArray();
        var error = Assert.Throws<ArgumentException>(() => SymmetricContractionKernels.Medium3(
            new ReadOnlyTensorSpan<double>(data[0], shapes[0].Select(n => (nint)n).ToArray()),
            new ReadOnlyTensorSpan<double>(data[1], shapes[1].Select(n => (nint)n).ToArray()),
            new int[] { 0, 1, 2, 0 },
            new TensorSpan<double>(data[3], shapes[3].Select(n => (nint)n).ToArray())));
        Assert.Equal(name, error.ParamName);
        Assert.Contains("[", error.Message, StringComparison.Ordinal);
        Assert.All(data[3], v => Assert.Equal(42.0, v));
    }

    [Theory]
    [InlineData(new[] { 0, 1, 3, 0 }, "3 at atom 2")]
    [InlineData(new[] { 0, -1, 2, 0 }, "-1 at atom 1")]
    [InlineData(new[] { 0, 1, 2 }, "3 entries")]
    public void A_bad_element_index_throws_naming_it_and_writes_nothing(int[] elements, string expected)
    {
        var output = Enumerable.Repeat(42.0, 48).ToArray();
        var error = Assert.Throws<ArgumentException>(() => SymmetricContractionKernels.Medium3(
            new ReadOnlyTensorSpan<double>(new double[108], [4, 27]), new ReadOnlyTensorSpan<double>(new double[369]), elements,
            new TensorSpan<double>(output, [4, 12])));
        Assert.Equal("elements", error.ParamName);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.All(output, v => Assert.Equal(42.0, v));
    }

    [Fact]
    public void An_output_overlapping_A_throws()
    {
        var memory = new double[108 + 48];
        var error = Assert.Throws<ArgumentException>(() => SymmetricContractionKernels.Medium3(
            new ReadOnlyTensorSpan<double>(memory, 0, [4, 27], [27, 1]), new ReadOnlyTensorSpan<double>(new double[369]), new int[4],
            new TensorSpan<double>(memory, 100, [4, 12], [12, 1])));
        Assert.Equal("output", error.ParamName);
    }

    [Fact]
    public void Gradients_that_overlap_each_other_throw()
    {
        var memory = new double[108 + 369];
        var error = Assert.Throws<ArgumentException>(() => SymmetricContractionKernels.Medium3Backward(
            new ReadOnlyTensorSpan<double>(new double[108], [4, 27]), new ReadOnlyTensorSpan<double>(new double[369]), new int[4],
            new ReadOnlyTensorSpan<double>(new double[48], [4, 12]), new TensorSpan<double>(memory, 0, [4, 27], [27, 1]),
            new TensorSpan<double>(memory, 50, [369], [1])));
        Assert.Equal("gradWeights", error.ParamName);
    }

    [Fact]
    public void No_atoms_write_a_zero_weight_gradient()
    {
        var gradWeights = Enumerable.Repeat(42.0, 369).ToArray();
        SymmetricContractionKernels.Medium3Backward(new ReadOnlyTensorSpan<double>(Array.Empty<double>(), [0, 27]), new ReadOnlyTensorSpan<double>(new double[369]),
            ReadOnlySpan<int>.Empty, new ReadOnlyTensorSpan<double>(Array.Empty<double>(), [0, 12]), new TensorSpan<double>(Array.Empty<double>(), [0, 27]),
            new TensorSpan<double>(gradWeights));
        Assert.All(gradWeights, v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void Strided_views_are_read_and_written_through_their_strides()
    {
        var random = new Random(2);
        double[] a = SymmetricContractionCases.Random(random, 3 * 27), weights = SymmetricContractionCases.Random(random, 369);
        int[] elements = { 2, 0, 1 };
        double[] dense = SymmetricContractionCases.RunForward(SymmetricContractionKernels.Medium3, a, weights, elements, 12);

        // A transposed in memory ([27, 3] stored, viewed [3, 27]), weights every other element, output with padded rows.
        var aT = new double[81];
        for (int z = 0; z < 3; z++)
        {
            for (int f = 0; f < 27; f++)
            {
                aT[(f * 3) + z] = a[(z * 27) + f];
            }
        }

        var wide = new double[738];
        for (int i = 0; i < 369; i++)
        {
            wide[2 * i] = weights[i];
        }

        var output = new double[3 * 20];
        SymmetricContractionKernels.Medium3(new ReadOnlyTensorSpan<double>(aT, 0, [3, 27], [1, 3]), new ReadOnlyTensorSpan<double>(wide, 0, [369], [2]), elements,
            new TensorSpan<double>(output, 0, [3, 12], [20, 1]));
        for (int z = 0; z < 3; z++)
        {
            Assert.Equal(dense.Skip(z * 12).Take(12).ToArray(), output.Skip(z * 20).Take(12).ToArray());
        }
    }
}
