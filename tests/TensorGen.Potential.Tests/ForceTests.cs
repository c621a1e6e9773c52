using System;
using Potential.Geometry;
using Potential.Verification;
using Xunit;
using Xunit.Abstractions;

namespace TensorGen.Potential.Tests;

/// <summary>The analytic forces (reverse mode through every generated kernel) against central differences, rotations and translations.</summary>
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
