using System;
using Mace.Geometry;
using Mace.Network;
using Potential.Geometry;

namespace Mace.Verification;

/// <summary>The energy of a periodic system under a <see cref="MaceModel"/> and the forces F = −∂E/∂r.</summary>
public sealed class MaceForceField(MaceModel model)
{
    /// <summary>The model.</summary>
    public MaceModel Model { get; } = model;

    /// <summary>The energy and forces (written into <paramref name="forces"/> [N, 3]) with a neighbour list built for these positions.</summary>
    public double Compute(double[] positions, int[] elements, PeriodicBox box, double[] forces) =>
        Compute(positions, elements, box.LatticeVectors(), NeighborList.Build(positions, box, Model.Cutoff), forces);

    /// <summary>The same for a system.</summary>
    public double Compute(AtomicSystem system, double[] forces) => Compute(system.Positions, system.Elements, system.Box, forces);

    /// <summary>
    /// The energy and forces on a given list, with the lattice vectors as the rows of <paramref name="latticeVectors"/> (rotate the
    /// positions and the lattice together and the forces rotate).
    /// </summary>
    public double Compute(double[] positions, int[] elements, double[] latticeVectors, NeighborList graph, double[] forces)
    {
        if (positions.Length != graph.AtomCount * 3 || forces.Length != positions.Length || latticeVectors.Length != 9)
        {
            throw new ArgumentException($"positions [{positions.Length}] and forces [{forces.Length}] must both hold 3 x {graph.AtomCount} numbers and the lattice 9 (holds {latticeVectors.Length}).");
        }

        double[] vectors = EdgeVectors.Compute(positions, latticeVectors, graph);
        var edgeGradient = new double[vectors.Length];
        double energy = Model.Evaluate(vectors, graph, elements, edgeGradient);
        EdgeVectors.AssembleForces(edgeGradient, graph, forces);
        return energy;
    }
}
