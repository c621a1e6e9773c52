using System;
using System.Collections.Generic;

namespace Potential.Geometry;

/// <summary>
/// The directed edges of a periodic system within a cutoff, both directions of every pair: edge e carries the vector
/// r[Senders[e]] − r[Receivers[e]] + Σ_k Images[3e + k] a_k (a_k the lattice vectors), the minimum image of the pair. Edges are
/// ordered by receiver, then sender, then image, whatever found them, so the fused convolution never reorders them and two
/// lists of the same system compare equal.
/// </summary>
public sealed class NeighborList
{
    private NeighborList(int atomCount, int[] senders, int[] receivers, int[] images)
    {
        AtomCount = atomCount;
        Senders = senders;
        Receivers = receivers;
        Images = images;
    }

    /// <summary>The number of atoms (nodes).</summary>
    public int AtomCount { get; }

    /// <summary>The atom each edge's message comes from.</summary>
    public int[] Senders { get; }

    /// <summary>The atom each edge's message is summed into.</summary>
    public int[] Receivers { get; }

    /// <summary>Three image counts per edge: how many lattice vectors along each axis are added to the sender.</summary>
    public int[] Images { get; }

    /// <summary>The number of directed edges.</summary>
    public int EdgeCount => Senders.Length;

    /// <summary>
    /// Every pair closer than <paramref name="cutoff"/> under the minimum image convention, found with a cell list (cells at
    /// least a cutoff wide, the 27 around each atom) when every axis holds three cells, otherwise by testing all pairs.
    /// </summary>
    /// <exception cref="ArgumentException">The cutoff is not below half the shortest box edge (the minimum image would not be unique), or the positions are not 3 per atom.</exception>
    public static NeighborList Build(ReadOnlySpan<double> positions, PeriodicBox box, double cutoff)
    {
        int[] cells = [(int)(box.X / cutoff), (int)(box.Y / cutoff), (int)(box.Z / cutoff)];
        return cells[0] >= 3 && cells[1] >= 3 && cells[2] >= 3
            ? BuildWithCells(positions, box, cutoff, cells)
            : BuildAllPairs(positions, box, cutoff);
    }

    /// <summary>The same list by testing every pair (O(N²)): the reference for the cell list and the route for small boxes.</summary>
    public static NeighborList BuildAllPairs(ReadOnlySpan<double> positions, PeriodicBox box, double cutoff)
    {
        int atoms = CheckArguments(positions, box, cutoff);
        var found = new List<Edge>[atoms];
        for (int receiver = 0; receiver < atoms; receiver++)
        {
            found[receiver] = [];
            for (int sender = 0; sender < atoms; sender++)
            {
                TryAdd(positions, box, cutoff, receiver, sender, found[receiver]);
            }
        }

        return Assemble(atoms, found);
    }

    private static NeighborList BuildWithCells(ReadOnlySpan<double> positions, PeriodicBox box, double cutoff, int[] cells)
    {
        int atoms = CheckArguments(positions, box, cutoff);
        int cellCount = cells[0] * cells[1] * cells[2];
        var members = new List<int>[cellCount];
        for (int c = 0; c < cellCount; c++)
        {
            members[c] = [];
        }

        var home = new int[atoms * 3];
        for (int a = 0; a < atoms; a++)
        {
            for (int k = 0; k < 3; k++)
            {
                double fraction = positions[(3 * a) + k] / box.Length(k);
                fraction -= Math.Floor(fraction);
                home[(3 * a) + k] = Math.Min((int)(fraction * cells[k]), cells[k] - 1);
            }

            members[CellIndex(home[3 * a], home[(3 * a) + 1], home[(3 * a) + 2], cells)].Add(a);
        }

        var found = new List<Edge>[atoms];
        for (int receiver = 0; receiver < atoms; receiver++)
        {
            found[receiver] = [];
            for (int dx = -1; dx <= 1; dx++)
            {
                for (int dy = -1; dy <= 1; dy++)
                {
                    for (int dz = -1; dz <= 1; dz++)
                    {
                        int cell = CellIndex(home[3 * receiver] + dx, home[(3 * receiver) + 1] + dy, home[(3 * receiver) + 2] + dz, cells);
                        foreach (int sender in members[cell])
                        {
                            TryAdd(positions, box, cutoff, receiver, sender, found[receiver]);
                        }
                    }
                }
            }
        }

        return Assemble(atoms, found);
    }

    private static int CheckArguments(ReadOnlySpan<double> positions, PeriodicBox box, double cutoff)
    {
        if (positions.Length % 3 != 0)
        {
            throw new ArgumentException($"positions holds {positions.Length} numbers; expected 3 per atom.", nameof(positions));
        }

        if (!(cutoff > 0) || !(2 * cutoff < box.ShortestEdge))
        {
            throw new ArgumentException(
                $"The cutoff {cutoff} Å must be positive and below half the shortest box edge ({box.ShortestEdge} Å) for a unique minimum image; use a larger box.",
                nameof(cutoff));
        }

        return positions.Length / 3;
    }

    private static int CellIndex(int x, int y, int z, int[] cells) =>
        (((Wrap(x, cells[0]) * cells[1]) + Wrap(y, cells[1])) * cells[2]) + Wrap(z, cells[2]);

    private static int Wrap(int index, int count) => ((index % count) + count) % count;

    /// <summary>Adds the edge sender → receiver when the minimum image of r[sender] − r[receiver] is within the cutoff.</summary>
    private static void TryAdd(ReadOnlySpan<double> positions, PeriodicBox box, double cutoff, int receiver, int sender, List<Edge> edges)
    {
        if (sender == receiver)
        {
            return;
        }

        double squared = 0;
        Span<int> image = stackalloc int[3];
        for (int k = 0; k < 3; k++)
        {
            double length = box.Length(k);
            double d = positions[(3 * sender) + k] - positions[(3 * receiver) + k];
            image[k] = -(int)Math.Round(d / length, MidpointRounding.AwayFromZero);
            d += image[k] * length;
            squared += d * d;
        }

        if (squared < cutoff * cutoff)
        {
            edges.Add(new Edge(sender, image[0], image[1], image[2]));
        }
    }

    private static NeighborList Assemble(int atoms, List<Edge>[] found)
    {
        int count = 0;
        foreach (List<Edge> edges in found)
        {
            edges.Sort();
            count += edges.Count;
        }

        var senders = new int[count];
        var receivers = new int[count];
        var images = new int[count * 3];
        int e = 0;
        for (int receiver = 0; receiver < atoms; receiver++)
        {
            foreach (Edge edge in found[receiver])
            {
                senders[e] = edge.Sender;
                receivers[e] = receiver;
                images[3 * e] = edge.X;
                images[(3 * e) + 1] = edge.Y;
                images[(3 * e) + 2] = edge.Z;
                e++;
            }
        }

        return new NeighborList(atoms, senders, receivers, images);
    }

    private readonly record struct Edge(int Sender, int X, int Y, int Z) : IComparable<Edge>
    {
        public int CompareTo(Edge other)
        {
            int order = Sender.CompareTo(other.Sender);
            order = order != 0 ? order : X.CompareTo(other.X);
            order = order != 0 ? order : Y.CompareTo(other.Y);
            return order != 0 ? order : Z.CompareTo(other.Z);
        }
    }
}
