using System;
using Potential.Geometry;

namespace Potential.Physics;

/// <summary>The generated system: an fcc argon crystal, every atom displaced at random, with Maxwell–Boltzmann velocities.</summary>
public static class ArgonCrystal
{
    /// <summary>Argon's fcc lattice constant near its triple point, in Å.</summary>
    public const double LatticeConstant = 5.26;

    /// <summary>n×n×n fcc cells (4n³ atoms) with each coordinate displaced by N(0, <paramref name="displacement"/>²) Å.</summary>
    public static (double[] Positions, PeriodicBox Box) Create(int cellsPerSide, double displacement, int seed)
    {
        var random = new Random(seed);
        double a = LatticeConstant;
        double[][] basis = [[0, 0, 0], [0.5, 0.5, 0], [0.5, 0, 0.5], [0, 0.5, 0.5]];
        var positions = new double[4 * cellsPerSide * cellsPerSide * cellsPerSide * 3];
        int p = 0;
        for (int i = 0; i < cellsPerSide; i++)
        {
            for (int j = 0; j < cellsPerSide; j++)
            {
                for (int k = 0; k < cellsPerSide; k++)
                {
                    foreach (double[] b in basis)
                    {
                        positions[p++] = ((i + b[0]) * a) + (displacement * Normal(random));
                        positions[p++] = ((j + b[1]) * a) + (displacement * Normal(random));
                        positions[p++] = ((k + b[2]) * a) + (displacement * Normal(random));
                    }
                }
            }
        }

        double side = cellsPerSide * a;
        return (positions, new PeriodicBox(side, side, side));
    }

    /// <summary>Velocities (Å per time unit) at exactly <paramref name="temperature"/> K over 3N − 3 degrees of freedom, zero total momentum.</summary>
    public static double[] Velocities(int atoms, double mass, double temperature, int seed)
    {
        var random = new Random(seed);
        var velocities = new double[atoms * 3];
        double sigma = Math.Sqrt(Units.Boltzmann * temperature / mass);
        for (int i = 0; i < velocities.Length; i++)
        {
            velocities[i] = sigma * Normal(random);
        }

        for (int c = 0; c < 3; c++)
        {
            double mean = 0;
            for (int a = 0; a < atoms; a++)
            {
                mean += velocities[(3 * a) + c] / atoms;
            }

            for (int a = 0; a < atoms; a++)
            {
                velocities[(3 * a) + c] -= mean;
            }
        }

        double kinetic = 0;
        foreach (double v in velocities)
        {
            kinetic += 0.5 * mass * v * v;
        }

        double scale = temperature > 0 ? Math.Sqrt(1.5 * (atoms - 1) * Units.Boltzmann * temperature / kinetic) : 0;
        for (int i = 0; i < velocities.Length; i++)
        {
            velocities[i] *= scale;
        }

        return velocities;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
