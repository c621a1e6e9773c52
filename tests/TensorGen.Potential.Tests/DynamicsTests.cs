using System;
using Potential.Geometry;
using Potential.Physics;
using Xunit;
using Xunit.Abstractions;

namespace TensorGen.Potential.Tests;

/// <summary>NVE dynamics with the full potential: the total energy stays put while kinetic and potential energy trade places.</summary>
public sealed class DynamicsTests(ITestOutputHelper output)
{
    [Fact]
    public void The_total_energy_does_not_drift_over_300_steps()
    {
        (double[] positions, PeriodicBox box) = TestSystems.Crystal(2, seed: 21, displacement: 0.05);
        int atoms = positions.Length / 3;
        double[] velocities = ArgonCrystal.Velocities(atoms, Units.ArgonMass, temperature: 40, seed: 22);
        var md = new VelocityVerlet(TestSystems.Full, box, Units.ArgonMass, timeStepFs: 2, positions, velocities);
        double start = md.TotalEnergy, deviation = 0, kineticMin = md.KineticEnergy, kineticMax = md.KineticEnergy;
        double firstHalf = 0;
        const int Steps = 300;
        for (int step = 1; step <= Steps; step++)
        {
            md.Step();
            deviation = Math.Max(deviation, Math.Abs(md.TotalEnergy - start));
            kineticMin = Math.Min(kineticMin, md.KineticEnergy);
            kineticMax = Math.Max(kineticMax, md.KineticEnergy);
            if (step == Steps / 2)
            {
                firstHalf = deviation;
            }
        }

        output.WriteLine($"max |E(t) - E(0)| / N = {deviation / atoms:E3} eV/atom (first half {firstHalf / atoms:E3}); kinetic energy swings by {(kineticMax - kineticMin) / atoms:E3} eV/atom");
        // Velocity Verlet with conservative forces: O(Δt²) fluctuations, three orders below the energy the atoms exchange.
        Assert.True(deviation <= 1e-3 * (kineticMax - kineticMin), $"max |ΔE| = {deviation:E3} eV against a kinetic swing of {kineticMax - kineticMin:E3} eV");
        Assert.True(deviation / atoms <= 1e-6, $"max |ΔE| / N = {deviation / atoms:E3} eV/atom");
    }
}
