using System;
using System.Globalization;

namespace TensorGen.Runtime.MessagePassing;

/// <summary>
/// Edges grouped by one endpoint, in compressed-sparse-row form: the edges of node n are <c>Order[Offsets[n] ..
/// Offsets[n + 1])</c>, in their original order (a stable counting sort, O(E + N)). Grouping by receiver lets one thread
/// own each output row of a convolution; grouping by sender, each row of the node features' gradient — so sums run in a
/// fixed order without atomics, and results are bit-identical for any thread count.
/// </summary>
internal sealed class EdgeSegments
{
    private EdgeSegments(int[] order, int[] offsets)
    {
        Order = order;
        Offsets = offsets;
    }

    /// <summary>Edge ids grouped by node, each group in ascending edge id.</summary>
    public int[] Order { get; }

    /// <summary>Node n's edges start at <c>Offsets[n]</c>; <c>Offsets[nodes] = E</c>.</summary>
    public int[] Offsets { get; }

    /// <summary>The segments of <paramref name="endpoints"/> (already checked to lie in [0, nodes)).</summary>
    public static EdgeSegments By(ReadOnlySpan<int> endpoints, int nodes)
    {
        var offsets = new int[nodes + 1];
        foreach (int node in endpoints)
        {
            offsets[node + 1]++;
        }

        for (int n = 0; n < nodes; n++)
        {
            offsets[n + 1] += offsets[n];
        }

        var order = new int[endpoints.Length];
        var next = (int[])offsets.Clone();
        for (int e = 0; e < endpoints.Length; e++)
        {
            order[next[endpoints[e]]++] = e;
        }

        return new EdgeSegments(order, offsets);
    }

    /// <summary>
    /// The first node of worker <paramref name="worker"/>'s range when <paramref name="workers"/> share the edges about
    /// evenly and no node's segment is split: the first node whose segment starts at or after the worker's share.
    /// </summary>
    public int FirstNode(int worker, int workers)
    {
        int nodes = Offsets.Length - 1;
        if (worker == 0)
        {
            return 0;
        }

        if (worker == workers)
        {
            return nodes;
        }

        long share = (long)Offsets[nodes] * worker / workers;
        int low = 0, high = nodes;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (Offsets[middle] < share)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>
    /// Throws when an index array does not have one entry per edge, or an entry is not a row of the tensor it indexes —
    /// before anything is written. The message names the array, the edge, the value and the valid range.
    /// </summary>
    public static void Check(string method, string name, ReadOnlySpan<int> endpoints, int edges, string edgesSource, int rows, string rowsSource)
    {
        if (endpoints.Length != edges)
        {
            throw new ArgumentException(
                $"'{name}' of {method} has {N(endpoints.Length)} entries; expected one per edge: [{N(edges)}] ({edgesSource} has {N(edges)} rows).", name);
        }

        for (int e = 0; e < endpoints.Length; e++)
        {
            if ((uint)endpoints[e] >= (uint)rows)
            {
                throw new ArgumentException(
                    $"'{name}' of {method} has {N(endpoints[e])} at edge {N(e)}; expected a row of {rowsSource}, which has shape [{N(rows)}, …]: 0 to {N(rows - 1)}.", name);
            }
        }
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
