using System;
using System.Linq;
using Potential.Geometry;
using Potential.Verification;
using TensorGen.Equivariance;
using Xunit;
using Xunit.Abstractions;

namespace TensorGen.Potential.Tests;

/// <summary>The analytic forces (reverse mode through every generated kernel) against central differences; rotations (forces and node features) and translations.</summary>
public sealed class ForceTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Forces_match_central_differences_of_the_energy(int seed)
    {
        (double[] positions, PeriodicBox box) = TestSystems.Crystal(2, seed, displacement: 0.1);
        AssertPassed(ForceChecks.FiniteDifferences(TestSystems.Network, positions, box, samples: 24, seed: seed));
        AssertPassed(ForceChecks.FiniteDifferences(TestSystems.Full, positions, box, samples: 12, seed: seed + 10));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Rotating_the_system_leaves_the_energy_and_rotates_the_forces(int seed)
    {
        (double[] positions, PeriodicBox box) = TestSystems.Crystal(2, seed, displacement: 0.1);
        var (energy, forces) = ForceChecks.Rotation(TestSystems.Network, positions, box, seed);
        AssertPassed(energy);
        AssertPassed(forces);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(9)]
    public void Rotating_the_system_rotates_the_node_features_by_the_wigner_d_matrices(int seed)
    {
        // R = Wigner.D(1, α, β, γ) acts on (x, y, z); each l block of the last layer's features must come out multiplied by D^l.
        (double[] positions, PeriodicBox box) = TestSystems.Crystal(2, seed, displacement: 0.1);
        NeighborList graph = NeighborList.Build(positions, box, TestSystems.Cutoff);
        var random = new Random(seed);
        (double alpha, double beta, double gamma) = (random.NextDouble() * 2 * Math.PI, random.NextDouble() * Math.PI, random.NextDouble() * 2 * Math.PI);
        double[,] d1 = Wigner.D(1, alpha, beta, gamma);
        double[] rotation = Enumerable.Range(0, 9).Select(i => d1[i / 3, i % 3]).ToArray();

        double[] features = TestSystems.Model.NodeFeatures(EdgeVectors.Compute(positions, box.LatticeVectors(), graph), graph);
        double[] rotated = TestSystems.Model.NodeFeatures(
            EdgeVectors.Compute(ForceChecks.RotateRows(rotation, positions), ForceChecks.RotateRows(rotation, box.LatticeVectors()), graph), graph);

        (int Mul, int L)[] blocks = [(8, 0), (8, 1), (8, 2)];
        int dim = blocks.Sum(b => b.Mul * ((2 * b.L) + 1));
        double largest = features.Max(Math.Abs), worst = 0;
        for (int atom = 0; atom < graph.AtomCount; atom++)
        {
            int offset = atom * dim;
            foreach (var (mul, l) in blocks)
            {
                double[,] matrix = Wigner.D(l, alpha, beta, gamma);
                int n = (2 * l) + 1;
                for (int copy = 0; copy < mul; copy++, offset += n)
                {
                    for (int i = 0; i < n; i++)
                    {
                        double expected = 0;
                        for (int j = 0; j < n; j++)
                        {
                            expected += matrix[i, j] * features[offset + j];
                        }

                        worst = Math.Max(worst, Math.Abs(expected - rotated[offset + i]));
                    }
                }
            }
        }

        output.WriteLine($"max |D(R) h - h(R r)| = {worst:E3} (features up to {largest:E3})");
        Assert.True(worst <= 1e-10 * largest, $"max |D(R) h - h(R r)| = {worst:E3} against features up to {largest:E3}");
    }

    [Fact]
    public void Translating_the_system_changes_nothing()
    {
        // 108 atoms: the cell list finds the neighbours, and the translation moves atoms across cell and box boundaries.
        (double[] positions, PeriodicBox box) = TestSystems.Crystal(3, seed: 6, displacement: 0.1);
        var (energy, forces) = ForceChecks.Translation(TestSystems.Network, positions, box, seed: 6);
        AssertPassed(energy);
        AssertPassed(forces);
    }

    [Fact]
    public void The_network_forces_are_not_negligible_beside_the_pair_term()
    {
        // Otherwise the checks above would pass on the Lennard-Jones core alone and say nothing about the network.
        (double[] positions, PeriodicBox box) = TestSystems.Crystal(2, seed: 7, displacement: 0.1);
        var network = new double[positions.Length];
        var full = new double[positions.Length];
        TestSystems.Network.Compute(positions, box, network);
        TestSystems.Full.Compute(positions, box, full);
        double networkNorm = Vectors.Norm(network), pairNorm = Vectors.Norm(Vectors.Subtract(full, network));
        Assert.True(networkNorm > 0.1 * pairNorm, $"|F_network| = {networkNorm:E3}, |F_pair| = {pairNorm:E3}");
    }

    private void AssertPassed(CheckResult result)
    {
        output.WriteLine(result.ToString());
        Assert.True(result.Passed, result.ToString());
    }
}
