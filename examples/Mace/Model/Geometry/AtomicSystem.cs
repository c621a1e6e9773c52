using System;
using Potential.Geometry;

namespace Mace.Geometry;

/// <summary>Atoms in a periodic box: positions [N, 3] in Å and each atom's element index.</summary>
public sealed record AtomicSystem(double[] Positions, int[] Elements, PeriodicBox Box)
{
    /// <summary>The number of atoms.</summary>
    public int AtomCount => Elements.Length;

    /// <summary>
    /// A simple-cubic arrangement of <paramref name="sitesPerSide"/>³ sites with spacing <paramref name="spacing"/> Å, each coordinate
    /// displaced by N(0, displacement²), each site given one of <paramref name="elementCount"/> elements at random (every element at
    /// least once): a generated, disordered periodic system with a fixed seed.
    /// </summary>
    public static AtomicSystem Generate(int sitesPerSide, double spacing, int elementCount, double displacement, int seed)
    {
        var random = new Random(seed);
        int atoms = sitesPerSide * sitesPerSide * sitesPerSide;
        if (atoms < elementCount)
        {
            throw new ArgumentException($"{atoms} sites cannot hold {elementCount} elements.", nameof(sitesPerSide));
        }

        var positions = new double[atoms * 3];
        var elements = new int[atoms];
        int n = 0;
        for (int i = 0; i < sitesPerSide; i++)
        {
            for (int j = 0; j < sitesPerSide; j++)
            {
                for (int k = 0; k < sitesPerSide; k++)
                {
                    int[] site = [i, j, k];
                    for (int c = 0; c < 3; c++)
                    {
                        double gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                        positions[(3 * n) + c] = (site[c] + 0.5) * spacing + (displacement * gaussian);
                    }

                    // The first sites take each element once, so none is missing; the rest are drawn.
                    elements[n] = n < elementCount ? n : random.Next(elementCount);
                    n++;
                }
            }
        }

        double edge = sitesPerSide * spacing;
        return new AtomicSystem(positions, elements, new PeriodicBox(edge, edge, edge));
    }
}
