using System;

namespace Potential.Geometry;

/// <summary>An orthorhombic periodic box with edges along x, y and z (lengths in Å).</summary>
public readonly record struct PeriodicBox(double X, double Y, double Z)
{
    /// <summary>The lattice vectors as the rows of a 3×3 matrix (row k is the image shift along axis k).</summary>
    public double[] LatticeVectors() => [X, 0, 0, 0, Y, 0, 0, 0, Z];

    /// <summary>The edge length along an axis (0, 1, 2).</summary>
    public double Length(int axis) => axis switch { 0 => X, 1 => Y, 2 => Z, _ => throw new ArgumentOutOfRangeException(nameof(axis)) };

    /// <summary>The shortest edge.</summary>
    public double ShortestEdge => Math.Min(X, Math.Min(Y, Z));

    /// <summary>The volume in Å³.</summary>
    public double Volume => X * Y * Z;
}
