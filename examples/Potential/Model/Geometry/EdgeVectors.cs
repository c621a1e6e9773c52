using System;

namespace Potential.Geometry;

/// <summary>Edge vectors from positions and lattice vectors, and the forces from the energy's gradient with respect to them.</summary>
public static class EdgeVectors
{
    /// <summary>
    /// vectors[e] = r[sender] − r[receiver] + Σ_k images[e, k] a_k, with the lattice vectors a_k as the rows of
    /// <paramref name="latticeVectors"/>. A rotated system (positions and lattice vectors rotated, same list) gives rotated vectors.
    /// </summary>
    public static double[] Compute(ReadOnlySpan<double> positions, ReadOnlySpan<double> latticeVectors, NeighborList graph)
    {
        var vectors = new double[graph.EdgeCount * 3];
        for (int e = 0; e < graph.EdgeCount; e++)
        {
            int sender = graph.Senders[e], receiver = graph.Receivers[e];
            for (int c = 0; c < 3; c++)
            {
                double shift = 0;
                for (int k = 0; k < 3; k++)
                {
                    shift += graph.Images[(3 * e) + k] * latticeVectors[(3 * k) + c];
                }

                vectors[(3 * e) + c] = positions[(3 * sender) + c] - positions[(3 * receiver) + c] + shift;
            }
        }

        return vectors;
    }

    /// <summary>F = −∂E/∂r: each edge's gradient pulls its sender one way and its receiver the other (the vector is r_s − r_r + shift).</summary>
    public static void AssembleForces(ReadOnlySpan<double> edgeGradient, NeighborList graph, Span<double> forces)
    {
        forces.Clear();
        for (int e = 0; e < graph.EdgeCount; e++)
        {
            int sender = graph.Senders[e], receiver = graph.Receivers[e];
            for (int c = 0; c < 3; c++)
            {
                forces[(3 * sender) + c] -= edgeGradient[(3 * e) + c];
                forces[(3 * receiver) + c] += edgeGradient[(3 * e) + c];
            }
        }
    }
}
