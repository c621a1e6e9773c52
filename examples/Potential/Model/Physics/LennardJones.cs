using System;
using Potential.Geometry;
using TensorGen.Runtime.E3nn;

namespace Potential.Physics;

/// <summary>
/// A Lennard-Jones pair term φ(r) = 4ε[(σ/r)¹² − (σ/r)⁶] · u(r), smoothly cut by the same envelope as the model. It holds the
/// atoms apart (the random network alone has no repulsive core), so the dynamics stays a solid; the network adds the many-body part.
/// </summary>
/// <param name="Epsilon">The well depth ε in eV.</param>
/// <param name="Sigma">σ in Å.</param>
/// <param name="Cutoff">r_c in Å.</param>
public sealed record LennardJones(double Epsilon, double Sigma, double Cutoff)
{
    /// <summary>Argon (ε = 10.3 meV, σ = 3.40 Å).</summary>
    public static LennardJones Argon(double cutoff) => new(0.0103, 3.40, cutoff);

    /// <summary>The pair energy over the directed edges (½ per edge: each pair appears twice); adds ∂E/∂(edge vector) into <paramref name="edgeGradient"/>.</summary>
    public double Evaluate(double[] edgeVectors, NeighborList graph, double[] edgeGradient)
    {
        double energy = 0;
        for (int e = 0; e < graph.EdgeCount; e++)
        {
            double x = edgeVectors[3 * e], y = edgeVectors[(3 * e) + 1], z = edgeVectors[(3 * e) + 2];
            double r = Math.Sqrt((x * x) + (y * y) + (z * z));
            double s6 = Math.Pow(Sigma / r, 6);
            double pair = 4 * Epsilon * ((s6 * s6) - s6);
            double pairDerivative = 4 * Epsilon * ((-12 * s6 * s6) + (6 * s6)) / r;
            (double u, double du) = PolynomialCutoff.Evaluate(r, Cutoff);
            energy += 0.5 * pair * u;
            double radial = 0.5 * ((pairDerivative * u) + (pair * du)) / r;
            edgeGradient[3 * e] += radial * x;
            edgeGradient[(3 * e) + 1] += radial * y;
            edgeGradient[(3 * e) + 2] += radial * z;
        }

        return energy;
    }
}
