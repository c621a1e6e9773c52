using Potential.Geometry;
using Potential.Network;
using Potential.Physics;

namespace TensorGen.Potential.Tests;

/// <summary>
/// The example's potential on small systems: 2×2×2 fcc cells (32 atoms, all-pairs neighbour search) or 3×3×3 (108 atoms, cell
/// list), a 4.5 Å cutoff between the first (3.72 Å) and second (5.26 Å) neighbour shells, the example's weight scales.
/// </summary>
internal static class TestSystems
{
    public const double Cutoff = 4.5;

    public static readonly NequipModel Model = NequipModel.Create(new ModelSettings(Cutoff, AverageNeighbors: 12, EnergyScale: 0.1, Seed: 15, RadialWeightScale: 4));

    /// <summary>The network alone: what the force checks are about.</summary>
    public static readonly ForceField Network = new(Model, pair: null);

    /// <summary>The network and the Lennard-Jones core, as the dynamics runs it.</summary>
    public static readonly ForceField Full = new(Model, LennardJones.Argon(Cutoff));

    public static (double[] Positions, PeriodicBox Box) Crystal(int cellsPerSide, int seed, double displacement = 0.05) =>
        ArgonCrystal.Create(cellsPerSide, displacement, seed);
}
