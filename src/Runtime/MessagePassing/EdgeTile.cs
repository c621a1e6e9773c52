using System;

namespace TensorGen.Runtime.MessagePassing;

/// <summary>
/// The edges of one tile, taken in a segment order (<see cref="EdgeSegments"/>), with their senders and receivers: the row
/// indices a tile gathers from and adds into.
/// </summary>
internal readonly ref struct EdgeTile
{
    private EdgeTile(ReadOnlySpan<int> edges, ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers)
    {
        Edges = edges;
        Senders = senders;
        Receivers = receivers;
    }

    public ReadOnlySpan<int> Edges { get; }

    public ReadOnlySpan<int> Senders { get; }

    public ReadOnlySpan<int> Receivers { get; }

    /// <summary>Edges <c>segments.Order[at .. at + count)</c>, their indices written into <paramref name="rows"/> (3 × <paramref name="count"/> or more).</summary>
    public static unsafe EdgeTile Take(nint senders, nint receivers, EdgeSegments segments, int at, int count, int* rows)
    {
        int* edgeRows = rows, senderRows = rows + count, receiverRows = rows + (2 * count);
        for (int lane = 0; lane < count; lane++)
        {
            int edge = segments.Order[at + lane];
            edgeRows[lane] = edge;
            senderRows[lane] = ((int*)senders)[edge];
            receiverRows[lane] = ((int*)receivers)[edge];
        }

        return new EdgeTile(new ReadOnlySpan<int>(edgeRows, count), new ReadOnlySpan<int>(senderRows, count), new ReadOnlySpan<int>(receiverRows, count));
    }
}
