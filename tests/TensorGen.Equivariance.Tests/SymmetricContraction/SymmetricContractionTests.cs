using System;
using System.Collections.Generic;
using System.Linq;
using TensorGen.Equivariance.Tests.Consumer;
using Xunit;
using static TensorGen.Equivariance.Tests.SymmetricContraction.SymmetricContractionCases;

namespace TensorGen.Equivariance.Tests.SymmetricContraction;

/// <summary>
/// The generated symmetric contractions against the tests' own dense reference (plain loops over every index tuple, double), under
/// random rotations and inversion (Wigner D, O(3) equivariance), and their gradients against central finite differences.
/// </summary>
public sealed class SymmetricContractionTests
{
    public static IEnumerable<object[]> Configurations =>
        from irreps in new[] { SymmetricContractionKernels.MediumIn, SymmetricContractionKernels.LargeIn }
        from correlation in new[] { 1, 2, 3 }
        select new object[] { irreps, correlation };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void The_output_matches_the_dense_reference(string irrepsIn, int correlation)
    {
        var reference = new ReferenceSymmetricContraction(irrepsIn, OutputOf(irrepsIn), correlation, elements: 3);
        var random = new Random(17 + correlation);
        int[] elements = { 0, 2, 1, 2, 0 };
        double[] a = Random(random, elements.Length * reference.DimIn), weights = Random(random, reference.WeightCount);
        double[] output = RunForward(Forward(irrepsIn, correlation), a, weights, elements, reference.DimOut);
        double[] expected = reference.Evaluate(a, weights, elements);
        Assert.True(Error(output, expected) <= 1e-10, $"error {Error(output, expected)}");
        Assert.True(expected.Select(Math.Abs).Max() > 0.1, "the reference is not trivially zero");
    }

    [Theory]
    [InlineData(SymmetricContractionKernels.MediumIn, 3, false)]
    [InlineData(SymmetricContractionKernels.MediumIn, 3, true)]
    [InlineData(SymmetricContractionKernels.LargeIn, 3, false)]
    [InlineData(SymmetricContractionKernels.LargeIn, 2, true)]
    public void Rotating_and_inverting_A_rotates_and_inverts_the_output(string irrepsIn, int correlation, bool inversion)
    {
        var reference = new ReferenceSymmetricContraction(irrepsIn, OutputOf(irrepsIn), correlation, elements: 3);
        var random = new Random(5 + correlation);
        int[] elements = { 1, 0, 2 };
        double[] a = Random(random, elements.Length * reference.DimIn), weights = Random(random, reference.WeightCount);
        ForwardKernel kernel = Forward(irrepsIn, correlation);
        for (int trial = 0; trial < 3; trial++)
        {
            double alpha = random.NextDouble() * 2 * Math.PI, beta = random.NextDouble() * Math.PI, gamma = random.NextDouble() * 2 * Math.PI;
            double[] rotatedInput = Transform(a, irrepsIn, alpha, beta, gamma, inversion);
            double[] output = RunForward(kernel, rotatedInput, weights, elements, reference.DimOut);
            double[] expected = Transform(RunForward(kernel, a, weights, elements, reference.DimOut), OutputOf(irrepsIn), alpha, beta, gamma, inversion);
            Assert.True(Error(output, expected) <= 1e-11, $"trial {trial}: error {Error(output, expected)}");
        }
    }

    [Theory]
    [InlineData(SymmetricContractionKernels.MediumIn, 1)]
    [InlineData(SymmetricContractionKernels.MediumIn, 2)]
    [InlineData(SymmetricContractionKernels.MediumIn, 3)]
    [InlineData(SymmetricContractionKernels.LargeIn, 3)]
    public void The_gradients_match_central_differences(string irrepsIn, int correlation)
    {
        var reference = new ReferenceSymmetricContraction(irrepsIn, OutputOf(irrepsIn), correlation, elements: 3);
        var random = new Random(41 + correlation);
        int[] elements = { 2, 0, 2, 1 };
        double[] a = Random(random, elements.Length * reference.DimIn), weights = Random(random, reference.WeightCount);
        double[] gradOutput = Random(random, elements.Length * reference.DimOut);
        ForwardKernel forward = Forward(irrepsIn, correlation);
        var (gradA, gradWeights) = RunBackward(Backward(irrepsIn, correlation)!, a, weights, elements, gradOutput);
        double Loss(double[] x, double[] w) => RunForward(forward, x, w, elements, reference.DimOut).Zip(gradOutput, (o, g) => o * g).Sum();

        const double Step = 1e-5;
        foreach (int i in Enumerable.Range(0, 40).Select(_ => random.Next(a.Length)))
        {
            double[] plus = (double[])a.Clone(), minus = (double[])a.Clone();
            plus[i] += Step;
            minus[i] -= Step;
            double numeric = (Loss(plus, weights) - Loss(minus, weights)) / (2 * Step);
            Assert.True(Math.Abs(numeric - gradA[i]) <= 1e-6 * Math.Max(1, Math.Abs(numeric)), $"gradA[{i}]: {gradA[i]} vs {numeric}");
        }

        foreach (int i in Enumerable.Range(0, 40).Select(_ => random.Next(weights.Length)))
        {
            double[] plus = (double[])weights.Clone(), minus = (double[])weights.Clone();
            plus[i] += Step;
            minus[i] -= Step;
            double numeric = (Loss(a, plus) - Loss(a, minus)) / (2 * Step);
            Assert.True(Math.Abs(numeric - gradWeights[i]) <= 1e-6 * Math.Max(1, Math.Abs(numeric)), $"gradWeights[{i}]: {gradWeights[i]} vs {numeric}");
        }

        Assert.Contains(gradWeights, g => Math.Abs(g) > 1e-3);
    }

    [Fact]
    public void Float_kernels_agree_with_double_to_single_precision()
    {
        var reference = new ReferenceSymmetricContraction(SymmetricContractionKernels.MediumIn, SymmetricContractionKernels.MediumOut, 3, elements: 3);
        var random = new Random(3);
        int[] elements = Enumerable.Range(0, 37).Select(i => i % 3).ToArray();
        double[] a = Random(random, elements.Length * reference.DimIn), weights = Random(random, reference.WeightCount);
        double[] gradOutput = Random(random, elements.Length * reference.DimOut);
        double[] expected = RunForward(SymmetricContractionKernels.Medium3, a, weights, elements, reference.DimOut);
        var (gradA, gradWeights) = RunBackward(SymmetricContractionKernels.Medium3Backward, a, weights, elements, gradOutput);

        float[] F(double[] x) => x.Select(v => (float)v).ToArray();
        double[] D(float[] x) => x.Select(v => (double)v).ToArray();
        var output = new float[expected.Length];
        var gradAFloat = new float[a.Length];
        var gradWeightsFloat = new float[weights.Length];
        int atoms = elements.Length;
        SymmetricContractionKernels.Medium3Float(new(F(a), [atoms, reference.DimIn]), new(F(weights)), elements, new(output, [atoms, reference.DimOut]));
        SymmetricContractionKernels.Medium3FloatBackward(new(F(a), [atoms, reference.DimIn]), new(F(weights)), elements,
            new(F(gradOutput), [atoms, reference.DimOut]), new(gradAFloat, [atoms, reference.DimIn]), new(gradWeightsFloat));
        Assert.True(Error(D(output), expected) <= 1e-5, $"output {Error(D(output), expected)}");
        Assert.True(Error(D(gradAFloat), gradA) <= 1e-5, $"gradA {Error(D(gradAFloat), gradA)}");
        Assert.True(Error(D(gradWeightsFloat), gradWeights) <= 1e-5, $"gradWeights {Error(D(gradWeightsFloat), gradWeights)}");
    }

    [Fact]
    public void Many_atoms_on_several_threads_give_each_atom_its_own_result()
    {
        var reference = new ReferenceSymmetricContraction(SymmetricContractionKernels.MediumIn, SymmetricContractionKernels.MediumOut, 3, elements: 3);
        var random = new Random(11);
        int[] elements = Enumerable.Range(0, 4000).Select(_ => random.Next(3)).ToArray();
        double[] a = Random(random, elements.Length * reference.DimIn), weights = Random(random, reference.WeightCount);
        double[] all = RunForward(SymmetricContractionKernels.Medium3, a, weights, elements, reference.DimOut);
        foreach (int z in new[] { 0, 1999, 3999 })
        {
            double[] single = RunForward(SymmetricContractionKernels.Medium3, a.Skip(z * reference.DimIn).Take(reference.DimIn).ToArray(), weights,
                new[] { elements[z] }, reference.DimOut);
            Assert.Equal(single, all.Skip(z * reference.DimOut).Take(reference.DimOut).ToArray());
        }
    }

    /// <summary>x' = D(R) x per channel of each block (times the block's parity under inversion), e3nn's mul_ir layout.</summary>
    private static double[] Transform(double[] x, string irreps, double alpha, double beta, double gamma, bool inversion)
    {
        var blocks = irreps.Split('+').Select(b => b.Split('x')).Select(b => (Mul: int.Parse(b[0]), L: int.Parse(b[1][..^1]), Parity: b[1][^1] == 'e' ? 1 : -1)).ToList();
        int dim = blocks.Sum(b => b.Mul * ((2 * b.L) + 1));
        var result = new double[x.Length];
        for (int z = 0; z < x.Length / dim; z++)
        {
            int offset = z * dim;
            foreach (var (mul, l, parity) in blocks)
            {
                double[,] d = Wigner.D(l, alpha, beta, gamma);
                int n = (2 * l) + 1;
                double sign = inversion ? parity : 1;
                for (int c = 0; c < mul; c++)
                {
                    for (int i = 0; i < n; i++)
                    {
                        double sum = 0;
                        for (int j = 0; j < n; j++)
                        {
                            sum += d[i, j] * x[offset + (c * n) + j];
                        }

                        result[offset + (c * n) + i] = sign * sum;
                    }
                }

                offset += mul * n;
            }
        }

        return result;
    }
}
