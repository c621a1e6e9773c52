using System;
using System.Collections.Generic;
using System.Linq;
using Mace.Geometry;
using Mace.Kernels;
using Mace.Network;
using Mace.Verification;
using Potential.Geometry;
using Potential.Verification;
using TensorGen.Equivariance;
using Xunit;
using Xunit.Abstractions;

namespace TensorGen.Potential.Tests;

/// <summary>
/// examples/Mace's model and checks on a smaller system: 27 atoms of 3 elements on jittered simple-cubic sites (box 7.8 Å), a 3.8 Å
/// cutoff (the first two shells, 18 neighbours). Forces against fourth-order central differences, rotation, translation and
/// same-element permutation, each with the example's tolerances.
/// </summary>
public sealed class MaceTests(ITestOutputHelper output)
{
    private const double Cutoff = 3.8;

    private static readonly MaceForceField s_field =
        new(MaceModel.Create(new MaceSettings(Cutoff, AverageNeighbors: 18, Seed: 7, ReferenceEnergies: [-1.25, -2.5, -3.75])));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_example_checks_pass_on_a_small_system(int seed)
    {
        AtomicSystem system = AtomicSystem.Generate(sitesPerSide: 3, spacing: 2.6, elementCount: MaceKernels.Elements, displacement: 0.15, seed: seed);
        foreach (CheckResult check in MaceChecks.All(s_field, system, samples: 12, seed: seed + 20))
        {
            output.WriteLine(check.ToString());
            Assert.True(check.Passed, check.ToString());
        }
    }

    [Fact]
    public void The_forces_are_not_trivially_zero_and_every_element_contributes()
    {
        AtomicSystem system = AtomicSystem.Generate(sitesPerSide: 3, spacing: 2.6, elementCount: MaceKernels.Elements, displacement: 0.15, seed: 3);
        var forces = new double[system.Positions.Length];
        double energy = s_field.Compute(system, forces);
        double largest = 0;
        foreach (double f in forces)
        {
            largest = Math.Max(largest, Math.Abs(f));
        }

        output.WriteLine($"E = {energy:F8} eV, max |F| = {largest:F6} eV/Å");
        // The checks compare relative errors, which a model with vanishing forces would pass; these weights give forces of order 1 eV/Å.
        Assert.InRange(largest, 0.1, 100);
        Assert.Equal(MaceKernels.Elements, new HashSet<int>(system.Elements).Count);

        // Changing one atom's element changes the energy: the per-element weights (embedding, contraction, E0) are all read.
        int[] swapped = (int[])system.Elements.Clone();
        swapped[0] = (swapped[0] + 1) % MaceKernels.Elements;
        double other = s_field.Compute(system.Positions, swapped, system.Box, new double[forces.Length]);
        Assert.True(Math.Abs(other - energy) > 1e-3, $"E changed by {other - energy} eV when atom 0 changed element.");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void Rotating_the_system_rotates_the_intermediate_features_by_the_wigner_d_matrices(int seed)
    {
        // R = Wigner.D(1, α, β, γ) acts on (x, y, z); every l block of layer 1's output (8x0e+8x1o, after the first symmetric
        // contraction) and of layer 2's atomic basis (8x0e+8x1o+8x2e) must come out multiplied by D^l — a check of the equivariant
        // channels the energy's invariance sees only through their contraction.
        AtomicSystem system = AtomicSystem.Generate(sitesPerSide: 3, spacing: 2.6, elementCount: MaceKernels.Elements, displacement: 0.15, seed: seed);
        NeighborList graph = NeighborList.Build(system.Positions, system.Box, Cutoff);
        var random = new Random(seed);
        (double alpha, double beta, double gamma) = (random.NextDouble() * 2 * Math.PI, random.NextDouble() * Math.PI, random.NextDouble() * 2 * Math.PI);
        double[,] d1 = Wigner.D(1, alpha, beta, gamma);
        double[] rotation = Enumerable.Range(0, 9).Select(i => d1[i / 3, i % 3]).ToArray();
        double[] lattice = system.Box.LatticeVectors();

        var (features, atomicBasis) = s_field.Model.Intermediates(EdgeVectors.Compute(system.Positions, lattice, graph), graph, system.Elements);
        var (rotatedFeatures, rotatedBasis) = s_field.Model.Intermediates(
            EdgeVectors.Compute(ForceChecks.RotateRows(rotation, system.Positions), ForceChecks.RotateRows(rotation, lattice), graph), graph, system.Elements);

        AssertRotates(features, rotatedFeatures, [(8, 0), (8, 1)], (alpha, beta, gamma), "layer 1 output");
        AssertRotates(atomicBasis, rotatedBasis, [(8, 0), (8, 1), (8, 2)], (alpha, beta, gamma), "layer 2 atomic basis");
    }

    private void AssertRotates(double[] features, double[] rotated, (int Mul, int L)[] blocks, (double Alpha, double Beta, double Gamma) angles, string name)
    {
        int dim = blocks.Sum(b => b.Mul * ((2 * b.L) + 1));
        double largest = features.Max(Math.Abs), worst = 0, largestVector = 0;
        for (int offset = 0; offset < features.Length;)
        {
            foreach (var (mul, l) in blocks)
            {
                double[,] matrix = Wigner.D(l, angles.Alpha, angles.Beta, angles.Gamma);
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
                        largestVector = l > 0 ? Math.Max(largestVector, Math.Abs(features[offset + i])) : largestVector;
                    }
                }
            }
        }

        output.WriteLine($"{name}: max |D(R) h - h(R r)| = {worst:E3} (features up to {largest:E3}, l > 0 up to {largestVector:E3}, {dim} per atom)");
        Assert.True(largestVector > 1e-3 * largest, $"{name}: the l > 0 channels are negligible ({largestVector:E3} against {largest:E3}).");
        Assert.True(worst <= 1e-10 * largest, $"{name}: max |D(R) h - h(R r)| = {worst:E3} against features up to {largest:E3}");
    }
}
