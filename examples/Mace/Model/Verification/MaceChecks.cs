using System;
using System.Linq;
using Mace.Geometry;
using Potential.Geometry;
using Potential.Verification;

namespace Mace.Verification;

/// <summary>
/// The checks a conservative, equivariant, permutation-invariant potential must pass, as numbers (the NequIP example's
/// <see cref="CheckResult"/>): the example prints them and exits non-zero when one fails, and the tests assert them. Energies are
/// compared relative to the interaction energy E − Σ E0, not to E: the constant reference energies would hide an error.
/// </summary>
public static class MaceChecks
{
    /// <summary>Every check with the example's sample sizes and tolerances.</summary>
    public static CheckResult[] All(MaceForceField field, AtomicSystem system, int samples, int seed) =>
    [
        FiniteDifferences(field, system, samples, seed),
        .. Pair(Rotation(field, system, seed + 1)),
        .. Pair(Translation(field, system, seed + 2)),
        .. Pair(Permutation(field, system, seed + 3)),
    ];

    /// <summary>
    /// Fourth-order central differences of the energy, [−E(r + 2h e_k) + 8E(r + h e_k) − 8E(r − h e_k) + E(r − 2h e_k)] / 12h,
    /// against −F_k on <paramref name="samples"/> random coordinates: the largest |difference| / max(|F_k|, 1e-2 max|F|). The O(h⁴)
    /// stencil lets h be large enough that rounding in E (≈ 1e-16 |E| / h) stays far below the tolerance; the neighbour list is
    /// rebuilt for every displaced configuration.
    /// </summary>
    public static CheckResult FiniteDifferences(MaceForceField field, AtomicSystem system, int samples, int seed, double step = 1e-3,
        double tolerance = 1e-6)
    {
        double[] positions = system.Positions;
        var forces = new double[positions.Length];
        field.Compute(system, forces);
        double floor = 1e-2 * forces.Max(Math.Abs);
        var random = new Random(seed);
        var scratch = new double[positions.Length];
        double worst = 0;
        for (int s = 0; s < samples; s++)
        {
            int k = random.Next(positions.Length);
            double[] displaced = (double[])positions.Clone();
            double Energy(double offset)
            {
                displaced[k] = positions[k] + offset;
                return field.Compute(displaced, system.Elements, system.Box, scratch);
            }

            double derivative = (-Energy(2 * step) + (8 * Energy(step)) - (8 * Energy(-step)) + Energy(-2 * step)) / (12 * step);
            worst = Math.Max(worst, Math.Abs(-derivative - forces[k]) / Math.Max(Math.Abs(forces[k]), floor));
        }

        return new CheckResult($"finite-difference forces ({samples} coordinates, h = {step:G2} Å)", worst, tolerance);
    }

    /// <summary>
    /// Rotates the whole periodic system (positions and lattice vectors, same neighbour list) by a random rotation: the energy must
    /// not change and the forces must rotate as vectors (error relative to the largest force).
    /// </summary>
    public static (CheckResult Energy, CheckResult Forces) Rotation(MaceForceField field, AtomicSystem system, int seed, double tolerance = 1e-10)
    {
        NeighborList graph = NeighborList.Build(system.Positions, system.Box, field.Model.Cutoff);
        double[] lattice = system.Box.LatticeVectors();
        var forces = new double[system.Positions.Length];
        double energy = field.Compute(system.Positions, system.Elements, lattice, graph, forces);

        double[] rotation = ForceChecks.RandomRotation(new Random(seed));
        var rotatedForces = new double[forces.Length];
        double rotatedEnergy = field.Compute(ForceChecks.RotateRows(rotation, system.Positions), system.Elements,
            ForceChecks.RotateRows(rotation, lattice), graph, rotatedForces);
        return Compare("rotation", field, system, energy, rotatedEnergy, ForceChecks.RotateRows(rotation, forces), rotatedForces, tolerance);
    }

    /// <summary>Translates every atom by a random vector (neighbour list rebuilt): energy and forces unchanged.</summary>
    public static (CheckResult Energy, CheckResult Forces) Translation(MaceForceField field, AtomicSystem system, int seed, double tolerance = 1e-10)
    {
        var random = new Random(seed);
        PeriodicBox box = system.Box;
        double[] shift = [box.X * random.NextDouble(), box.Y * random.NextDouble(), box.Z * random.NextDouble()];
        double[] moved = system.Positions.Select((x, i) => x + shift[i % 3]).ToArray();
        var forces = new double[moved.Length];
        var movedForces = new double[moved.Length];
        double energy = field.Compute(system, forces);
        double movedEnergy = field.Compute(moved, system.Elements, box, movedForces);
        return Compare("translation", field, system, energy, movedEnergy, forces, movedForces, tolerance);
    }

    /// <summary>
    /// Relabels the atoms by a random permutation that maps every atom to one of the same element (neighbour list rebuilt, so the edges
    /// come in another order): the energy is unchanged and atom i of the relabelled system feels the force of the atom it came from.
    /// </summary>
    public static (CheckResult Energy, CheckResult Forces) Permutation(MaceForceField field, AtomicSystem system, int seed, double tolerance = 1e-10)
    {
        var random = new Random(seed);
        int atoms = system.AtomCount;
        var source = new int[atoms];
        foreach (int element in system.Elements.Distinct())
        {
            int[] members = Enumerable.Range(0, atoms).Where(a => system.Elements[a] == element).ToArray();
            int[] shuffled = members.OrderBy(_ => random.Next()).ToArray();
            for (int i = 0; i < members.Length; i++)
            {
                source[members[i]] = shuffled[i];
            }
        }

        var permuted = new double[system.Positions.Length];
        for (int a = 0; a < atoms; a++)
        {
            Array.Copy(system.Positions, 3 * source[a], permuted, 3 * a, 3);
        }

        var forces = new double[permuted.Length];
        var permutedForces = new double[permuted.Length];
        double energy = field.Compute(system, forces);
        double permutedEnergy = field.Compute(permuted, system.Elements, system.Box, permutedForces);
        var expected = new double[forces.Length];
        for (int a = 0; a < atoms; a++)
        {
            Array.Copy(forces, 3 * source[a], expected, 3 * a, 3);
        }

        return Compare("same-element permutation", field, system, energy, permutedEnergy, expected, permutedForces, tolerance);
    }

    private static (CheckResult Energy, CheckResult Forces) Compare(string name, MaceForceField field, AtomicSystem system, double energy,
        double transformedEnergy, double[] expectedForces, double[] forces, double tolerance)
    {
        double interaction = Math.Abs(energy - field.Model.ReferenceEnergy(system.Elements));
        double forceError = expectedForces.Zip(forces, (e, a) => Math.Abs(e - a)).Max() / expectedForces.Max(Math.Abs);
        return (new CheckResult($"{name}: |dE| / |E - sum E0|", Math.Abs(transformedEnergy - energy) / interaction, tolerance),
            new CheckResult($"{name}: max |dF| / max |F|", forceError, tolerance));
    }

    private static CheckResult[] Pair((CheckResult A, CheckResult B) pair) => [pair.A, pair.B];
}
