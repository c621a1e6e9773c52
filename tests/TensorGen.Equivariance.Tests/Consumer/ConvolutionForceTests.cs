using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics.Tensors;
using TensorGen.Tests.Reference;
using Xunit;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>
/// The interaction as a potential uses it: edge vectors → [SphericalHarmonics] → [TensorProductConvolution]. The gradient
/// with respect to the edge vectors (the forces' chain: [TensorProductConvolutionBackward] then [SphericalHarmonicsBackward])
/// against central differences, and the layer's equivariance: rotating the node features and the edge vectors rotates the
/// output by the Wigner-D matrices of its irreps.
/// </summary>
public sealed class ConvolutionForceTests
{
    private const int Nodes = 6, Edges = 17;

    [Fact]
    public void Edge_vector_gradients_through_the_harmonics_match_central_differences()
    {
        var random = new Random(21);
        TensorProductDescription d = ConvolutionKernels.Nequip;
        var (x, vectors, w, senders, receivers) = System(random);
        double[] g = ProductHarness.Random(random, Nodes * d.DimOut);

        double[] y = Harmonics(vectors);
        var (gx, gy, gw) = (new double[x.Length], new double[y.Length], new double[w.Length]);
        ConvolutionKernels.NequipInteractionBackward(new ReadOnlyTensorSpan<double>(x, [Nodes, d.Dim1]), new ReadOnlyTensorSpan<double>(y, [Edges, 9]),
            new ReadOnlyTensorSpan<double>(w, [Edges, d.WeightCount]), senders, receivers, new ReadOnlyTensorSpan<double>(g, [Nodes, d.DimOut]),
            new TensorSpan<double>(gx, [Nodes, d.Dim1]), new TensorSpan<double>(gy, [Edges, 9]), new TensorSpan<double>(gw, [Edges, d.WeightCount]));
        var gradVectors = new double[vectors.Length];
        ConvolutionKernels.EdgeHarmonicsBackward(new ReadOnlyTensorSpan<double>(vectors, [Edges, 3]), new ReadOnlyTensorSpan<double>(gy, [Edges, 9]),
            new TensorSpan<double>(gradVectors, [Edges, 3]));

        for (int i = 0; i < vectors.Length; i++)
        {
            double h = 1e-6;
            double[] plus = (double[])vectors.Clone(), minus = (double[])vectors.Clone();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (Dot(Layer(x, plus, w, senders, receivers), g) - Dot(Layer(x, minus, w, senders, receivers), g)) / (2 * h);
            double scale = Math.Max(Math.Abs(gradVectors[i]), gradVectors.Max(Math.Abs) * 1e-2);
            Assert.True(Math.Abs(numeric - gradVectors[i]) <= 1e-6 * scale, $"dE/dr[{i}]: central difference {numeric:R}, analytic {gradVectors[i]:R}");
        }
    }

    [Fact]
    public void Rotating_features_and_edge_vectors_rotates_the_output()
    {
        var random = new Random(22);
        TensorProductDescription d = ConvolutionKernels.Nequip;
        var (x, vectors, w, senders, receivers) = System(random);
        double[] output = Layer(x, vectors, w, senders, receivers);
        for (int trial = 0; trial < 3; trial++)
        {
            (double a, double b, double c) = (random.NextDouble() * 6, random.NextDouble() * 3, random.NextDouble() * 6);
            double[] rotatedX = Rotate(x, ReferenceTensorProduct.Blocks(d.Irreps1), a, b, c);
            double[] rotatedVectors = Rotate(vectors, [(1, 1)], a, b, c);
            double[] expected = Rotate(output, ReferenceTensorProduct.Blocks(d.IrrepsOut), a, b, c);
            AssertRelative(expected, Layer(rotatedX, rotatedVectors, w, senders, receivers), "D(R) output vs output of rotated inputs");
        }
    }

    private static (double[] X, double[] Vectors, double[] W, int[] Senders, int[] Receivers) System(Random random)
    {
        TensorProductDescription d = ConvolutionKernels.Nequip;
        int[] senders = Enumerable.Range(0, Edges).Select(_ => random.Next(Nodes)).ToArray();
        int[] receivers = Enumerable.Range(0, Edges).Select(_ => random.Next(Nodes)).ToArray();
        return (ProductHarness.Random(random, Nodes * d.Dim1), ProductHarness.Random(random, Edges * 3), ProductHarness.Random(random, Edges * d.WeightCount), senders, receivers);
    }

    private static double[] Harmonics(double[] vectors)
    {
        var y = new double[Edges * 9];
        ConvolutionKernels.EdgeHarmonics(new ReadOnlyTensorSpan<double>(vectors, [Edges, 3]), new TensorSpan<double>(y, [Edges, 9]));
        return y;
    }

    private static double[] Layer(double[] x, double[] vectors, double[] w, int[] senders, int[] receivers)
    {
        TensorProductDescription d = ConvolutionKernels.Nequip;
        var output = new double[Nodes * d.DimOut];
        ConvolutionKernels.NequipInteraction(new ReadOnlyTensorSpan<double>(x, [Nodes, d.Dim1]), new ReadOnlyTensorSpan<double>(Harmonics(vectors), [Edges, 9]),
            new ReadOnlyTensorSpan<double>(w, [Edges, d.WeightCount]), senders, receivers, new TensorSpan<double>(output, [Nodes, d.DimOut]));
        return output;
    }

    /// <summary>Each row's blocks multiplied by Wigner.D(l, α, β, γ), in a plain loop (l = 1 rotates (x, y, z) as the vectors).</summary>
    private static double[] Rotate(double[] rows, IReadOnlyList<(int Mul, int L)> blocks, double alpha, double beta, double gamma)
    {
        int dim = blocks.Sum(b => b.Mul * ((2 * b.L) + 1));
        var result = new double[rows.Length];
        for (int row = 0; row < rows.Length / dim; row++)
        {
            int offset = row * dim;
            foreach (var (mul, l) in blocks)
            {
                double[,] matrix = Wigner.D(l, alpha, beta, gamma);
                int n = (2 * l) + 1;
                for (int copy = 0; copy < mul; copy++, offset += n)
                {
                    for (int i = 0; i < n; i++)
                    {
                        for (int j = 0; j < n; j++)
                        {
                            result[offset + i] += matrix[i, j] * rows[offset + j];
                        }
                    }
                }
            }
        }

        return result;
    }

    private static double Dot(double[] a, double[] b) => a.Zip(b, (p, q) => p * q).Sum();

    /// <summary>Double results: within <paramref name="tolerance"/> of the largest expected magnitude (at least 1).</summary>
    private static void AssertRelative(double[] expected, double[] actual, string what, double tolerance = 1e-10) =>
        TensorGen.Equivariance.Tests.Conformance.TensorProductConformanceTests.AssertClose(expected, actual, what,
            tolerance * Math.Max(1.0, expected.Select(Math.Abs).DefaultIfEmpty(0).Max()));
}
