using System;
using System.Collections.Generic;
using System.Linq;
using Potential.Geometry;
using TensorGen.Runtime.E3nn;
using Xunit;

namespace TensorGen.Potential.Tests;

/// <summary>The cell list against all pairs, the edges' symmetry, the argument check, and the cutoff envelope's smoothness.</summary>
public sealed class NeighborListTests
{
    [Theory]
    [InlineData(3, 4.5, 31)]
    [InlineData(4, 6.0, 32)]
    public void The_cell_list_finds_exactly_the_pairs_within_the_cutoff(int cells, double cutoff, int seed)
    {
        (double[] positions, PeriodicBox box) = TestSystems.Crystal(cells, seed, displacement: 0.4);
        // Some atoms outside the box: the search wraps them, the images say where the pair really is.
        positions[0] += box.X;
        positions[4] -= 2 * box.Y;
        NeighborList withCells = NeighborList.Build(positions, box, cutoff);
        NeighborList allPairs = NeighborList.BuildAllPairs(positions, box, cutoff);
        Assert.Equal(allPairs.Senders, withCells.Senders);
        Assert.Equal(allPairs.Receivers, withCells.Receivers);
        Assert.Equal(allPairs.Images, withCells.Images);
        Assert.True(withCells.EdgeCount > 10 * withCells.AtomCount);

        // Every edge within the cutoff, and its reverse (receiver → sender, opposite image) present.
        double[] vectors = EdgeVectors.Compute(positions, box.LatticeVectors(), withCells);
        var edges = new HashSet<(int, int, int, int, int)>();
        for (int e = 0; e < withCells.EdgeCount; e++)
        {
            Assert.True(Math.Sqrt((vectors[3 * e] * vectors[3 * e]) + (vectors[(3 * e) + 1] * vectors[(3 * e) + 1]) + (vectors[(3 * e) + 2] * vectors[(3 * e) + 2])) < cutoff);
            edges.Add((withCells.Senders[e], withCells.Receivers[e], withCells.Images[3 * e], withCells.Images[(3 * e) + 1], withCells.Images[(3 * e) + 2]));
        }

        Assert.All(edges, e => Assert.Contains((e.Item2, e.Item1, -e.Item3, -e.Item4, -e.Item5), edges));
    }

    [Fact]
    public void A_cutoff_beyond_half_the_box_is_an_argument_error()
    {
        (double[] positions, PeriodicBox box) = TestSystems.Crystal(2, seed: 33);
        var error = Assert.Throws<ArgumentException>(() => NeighborList.Build(positions, box, box.X * 0.6));
        Assert.Equal("cutoff", error.ParamName);
        Assert.Throws<ArgumentException>(() => NeighborList.Build(positions.AsSpan(1).ToArray(), box, 4.5));
    }

    [Fact]
    public void The_cutoff_envelope_is_one_at_zero_and_vanishes_with_two_derivatives_at_the_cutoff()
    {
        const double Cutoff = 5;
        Assert.Equal(1, PolynomialCutoff.Evaluate(0, Cutoff).Value);
        Assert.Equal((0.0, 0.0), PolynomialCutoff.Evaluate(Cutoff * 1.2, Cutoff));
        const double h = 1e-4;
        (double value, double derivative) = PolynomialCutoff.Evaluate(Cutoff - h, Cutoff);
        Assert.True(Math.Abs(value) < 1e-9 && Math.Abs(derivative) < 1e-6, $"u(r_c - h) = {value:E2}, u'(r_c - h) = {derivative:E2}");
        double second = (PolynomialCutoff.Evaluate(Cutoff - h, Cutoff).Derivative - PolynomialCutoff.Evaluate(Cutoff - (2 * h), Cutoff).Derivative) / h;
        Assert.True(Math.Abs(second) < 1e-2, $"u''(r_c) ≈ {second:E2}");

        // The derivative against a central difference inside.
        foreach (double r in new[] { 0.7, 2.5, 4.1 })
        {
            double numeric = (PolynomialCutoff.Evaluate(r + 1e-6, Cutoff).Value - PolynomialCutoff.Evaluate(r - 1e-6, Cutoff).Value) / 2e-6;
            Assert.True(Math.Abs(numeric - PolynomialCutoff.Evaluate(r, Cutoff).Derivative) < 1e-8, $"u'({r})");
        }
    }
}
