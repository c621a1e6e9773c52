using System;
using System.Linq;
using Potential.Geometry;
using Potential.Physics;

namespace Potential.Verification;

/// <summary>
/// The checks a conservative, equivariant potential must pass, as numbers: the example prints them and exits non-zero when
/// one fails, and the tests assert them.
/// </summary>
public static class ForceChecks
{
    /// <summary>
    /// Fourth-order central differences of the energy, [−E(r + 2h e_k) + 8E(r + h e_k) − 8E(r − h e_k) + E(r − 2h e_k)] / 12h,
    /// against −F_k on <paramref name="samples"/> random coordinates: the largest |difference| / max(|F_k|, 1e-2 max|F|) (the floor
    /// keeps near-zero components from dividing by nothing). The stencil's O(h⁴) truncation lets h be large enough that rounding
    /// in the energy (≈ 1e-16 |E| / h) stays far below the tolerance. The neighbour list is rebuilt for every displaced configuration.
    /// </summary>
    public static CheckResult FiniteDifferences(ForceField field, double[] positions, PeriodicBox box, int samples, int seed, double step = 1e-3,
        double tolerance = 1e-6)
    {
        var forces = new double[positions.Length];
        field.Compute(positions, box, forces);
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
                return field.Compute(displaced, box, scratch);
            }

            double derivative = (-Energy(2 * step) + (8 * Energy(step)) - (8 * Energy(-step)) + Energy(-2 * step)) / (12 * step);
            worst = Math.Max(worst, Math.Abs(-derivative - forces[k]) / Math.Max(Math.Abs(forces[k]), floor));
        }

        return new CheckResult($"finite-difference forces ({samples} coordinates, h = {step:G2} Å)", worst, tolerance);
    }

    /// <summary>
    /// Rotates the whole periodic system (positions and lattice vectors, same neighbour list) by a random rotation: the energy
    /// must not change (relative error) and the forces must rotate (error relative to the largest force).
    /// </summary>
    public static (CheckResult Energy, CheckResult Forces) Rotation(ForceField field, double[] positions, PeriodicBox box, int seed,
        double tolerance = 1e-10)
    {
        NeighborList graph = NeighborList.Build(positions, box, field.Cutoff);
        double[] lattice = box.LatticeVectors();
        var forces = new double[positions.Length];
        double energy = field.Compute(positions, lattice, graph, forces);

        double[] rotation = RandomRotation(new Random(seed));
        var rotatedForces = new double[positions.Length];
        double rotatedEnergy = field.Compute(RotateRows(rotation, positions), RotateRows(rotation, lattice), graph, rotatedForces);

        double[] expected = RotateRows(rotation, forces);
        double forceError = expected.Zip(rotatedForces, (e, a) => Math.Abs(e - a)).Max() / forces.Max(Math.Abs);
        return (new CheckResult("rotation: |E(Rr) - E(r)| / |E|", Math.Abs(rotatedEnergy - energy) / Math.Abs(energy), tolerance),
            new CheckResult("rotation: max |F(Rr) - R F(r)| / max |F|", forceError, tolerance));
    }

    /// <summary>Translates every atom by a random vector (neighbour list rebuilt): energy and forces unchanged.</summary>
    public static (CheckResult Energy, CheckResult Forces) Translation(ForceField field, double[] positions, PeriodicBox box, int seed,
        double tolerance = 1e-10)
    {
        var random = new Random(seed);
        double[] shift = [box.X * random.NextDouble(), box.Y * random.NextDouble(), box.Z * random.NextDouble()];
        double[] moved = positions.Select((x, i) => x + shift[i % 3]).ToArray();
        var forces = new double[positions.Length];
        var movedForces = new double[positions.Length];
        double energy = field.Compute(positions, box, forces);
        double movedEnergy = field.Compute(moved, box, movedForces);
        double forceError = forces.Zip(movedForces, (e, a) => Math.Abs(e - a)).Max() / forces.Max(Math.Abs);
        return (new CheckResult("translation: |E(r + t) - E(r)| / |E|", Math.Abs(movedEnergy - energy) / Math.Abs(energy), tolerance),
            new CheckResult("translation: max |F(r + t) - F(r)| / max |F|", forceError, tolerance));
    }

    /// <summary>A uniformly random rotation matrix (row-major 3×3) from a random unit quaternion (Shoemake 1992).</summary>
    public static double[] RandomRotation(Random random)
    {
        double u1 = random.NextDouble(), u2 = 2 * Math.PI * random.NextDouble(), u3 = 2 * Math.PI * random.NextDouble();
        double a = Math.Sqrt(1 - u1), b = Math.Sqrt(u1);
        double w = a * Math.Sin(u2), x = a * Math.Cos(u2), y = b * Math.Sin(u3), z = b * Math.Cos(u3);
        return
        [
            1 - (2 * ((y * y) + (z * z))), 2 * ((x * y) - (z * w)), 2 * ((x * z) + (y * w)),
            2 * ((x * y) + (z * w)), 1 - (2 * ((x * x) + (z * z))), 2 * ((y * z) - (x * w)),
            2 * ((x * z) - (y * w)), 2 * ((y * z) + (x * w)), 1 - (2 * ((x * x) + (y * y))),
        ];
    }

    /// <summary>Each consecutive triple (x, y, z) of <paramref name="rows"/> multiplied by the 3×3 matrix.</summary>
    public static double[] RotateRows(double[] rotation, double[] rows)
    {
        var result = new double[rows.Length];
        for (int i = 0; i < rows.Length; i += 3)
        {
            for (int r = 0; r < 3; r++)
            {
                result[i + r] = (rotation[3 * r] * rows[i]) + (rotation[(3 * r) + 1] * rows[i + 1]) + (rotation[(3 * r) + 2] * rows[i + 2]);
            }
        }

        return result;
    }
}
