using System;
using System.Collections.Generic;
using System.Linq;
using TensorGen.Planning;

namespace TensorGen.Benchmarks;

/// <summary>The network families planning is measured on: every index (a bond) joins two tensors and has size <c>bond</c>.</summary>
public enum NetworkFamily
{
    /// <summary>A matrix chain with an open index at each end.</summary>
    Chain,

    /// <summary>A closed ring of matrices (a trace of their product).</summary>
    Ring,

    /// <summary>A closed 2D square lattice, as square as the size allows.</summary>
    Lattice,

    /// <summary>A random 3-regular graph (the pairing model, seeded): no structure for a planner to exploit.</summary>
    RandomRegular,
}

/// <summary>Builds the networks of <see cref="NetworkFamily"/> as planners take them.</summary>
internal static class PlanningNetworks
{
    public static ContractionNetwork Create(NetworkFamily family, int tensors, long bond = 2, int seed = 1)
    {
        List<(int A, int B)> edges = family switch
        {
            NetworkFamily.Chain => Enumerable.Range(0, tensors - 1).Select(i => (i, i + 1)).ToList(),
            NetworkFamily.Ring => Enumerable.Range(0, tensors).Select(i => (i, (i + 1) % tensors)).ToList(),
            NetworkFamily.Lattice => Lattice(tensors),
            _ => RandomRegular(tensors, 3, seed),
        };

        var terms = Enumerable.Range(0, tensors).Select(_ => new List<string>()).ToList();
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        for (int e = 0; e < edges.Count; e++)
        {
            string label = "k" + e.ToString(System.Globalization.CultureInfo.InvariantCulture);
            terms[edges[e].A].Add(label);
            terms[edges[e].B].Add(label);
            sizes[label] = bond;
        }

        var output = new List<string>();
        if (family == NetworkFamily.Chain)
        {
            // Open ends, so that the chain is a matrix product rather than a trace.
            terms[0].Insert(0, "left");
            terms[tensors - 1].Add("right");
            sizes["left"] = bond;
            sizes["right"] = bond;
            output.AddRange(["left", "right"]);
        }

        return new ContractionNetwork(terms.Select(t => (IReadOnlyList<string>)t).ToList(), output, sizes);
    }

    private static List<(int, int)> Lattice(int tensors)
    {
        int width = (int)Math.Round(Math.Sqrt(tensors));
        int height = tensors / width;
        var edges = new List<(int, int)>();
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int node = (y * width) + x;
                if (x + 1 < width)
                {
                    edges.Add((node, node + 1));
                }

                if (y + 1 < height)
                {
                    edges.Add((node, node + width));
                }
            }
        }

        // Any tensors beyond the full rectangle hang off the last row.
        for (int extra = width * height; extra < tensors; extra++)
        {
            edges.Add((extra - width, extra));
        }

        return edges;
    }

    /// <summary>A random <paramref name="degree"/>-regular multigraph-free graph by the pairing model, retried until simple.</summary>
    private static List<(int, int)> RandomRegular(int tensors, int degree, int seed)
    {
        var random = new Random(seed);
        while (true)
        {
            var stubs = Enumerable.Range(0, tensors).SelectMany(t => Enumerable.Repeat(t, degree)).OrderBy(_ => random.Next()).ToList();
            var edges = new List<(int, int)>();
            var seen = new HashSet<(int, int)>();
            bool simple = true;
            for (int i = 0; i + 1 < stubs.Count && simple; i += 2)
            {
                (int a, int b) = (Math.Min(stubs[i], stubs[i + 1]), Math.Max(stubs[i], stubs[i + 1]));
                simple = a != b && seen.Add((a, b));
                edges.Add((a, b));
            }

            if (simple)
            {
                return edges;
            }
        }
    }
}
