using System;
using Potential.Geometry;
using Potential.Network;

namespace Potential.Physics;

/// <summary>The potential energy of a periodic system and the forces F = −∂E/∂r: the network, plus an optional pair term.</summary>
public sealed class ForceField
{
    /// <param name="model">The network.</param>
    /// <param name="pair">The pair term (null: the network alone, as the force checks use it).</param>
    public ForceField(NequipModel model, LennardJones? pair)
    {
        Model = model;
        Pair = pair;
    }

    /// <summary>The network.</summary>
    public NequipModel Model { get; }

    /// <summary>The pair term, if any.</summary>
    public LennardJones? Pair { get; }

    /// <summary>The cutoff of the neighbour list.</summary>
    public double Cutoff => Pair is null ? Model.Cutoff : Math.Max(Model.Cutoff, Pair.Cutoff);

    /// <summary>The energy and forces (written into <paramref name="forces"/> [N, 3]) with a neighbour list built for these positions.</summary>
    public double Compute(double[] positions, PeriodicBox box, double[] forces) =>
        Compute(positions, box.LatticeVectors(), NeighborList.Build(positions, box, Cutoff), forces);

    /// <summary>
    /// The energy and forces on a given list, with the lattice vectors as rows of <paramref name="latticeVectors"/> (rotate the
    /// positions and the lattice together and the forces rotate).
    /// </summary>
    public double Compute(double[] positions, double[] latticeVectors, NeighborList graph, double[] forces)
    {
        if (positions.Length != graph.AtomCount * 3 || forces.Length != positions.Length || latticeVectors.Length != 9)
        {
            throw new ArgumentException($"positions [{positions.Length}] and forces [{forces.Length}] must both hold 3 x {graph.AtomCount} numbers and the lattice 9 (holds {latticeVectors.Length}).");
        }

        double[] vectors = EdgeVectors.Compute(positions, latticeVectors, graph);
        var edgeGradient = new double[vectors.Length];
        double energy = Model.Evaluate(vectors, graph, edgeGradient);
        if (Pair is not null)
        {
            energy += Pair.Evaluate(vectors, graph, edgeGradient);
        }

        EdgeVectors.AssembleForces(edgeGradient, graph, forces);
        return energy;
    }
}
