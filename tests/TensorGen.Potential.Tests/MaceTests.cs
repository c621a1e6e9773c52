using System;
using System.Collections.Generic;
using Mace.Geometry;
using Mace.Kernels;
using Mace.Network;
using Mace.Verification;
using Potential.Verification;
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
}
