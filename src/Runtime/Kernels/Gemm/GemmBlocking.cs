using System;

namespace TensorGen.Runtime;

/// <summary>
/// Cache blocking for one kernel tier and element type (Low et al. 2016, "Analytical modeling is enough for
/// high-performance BLIS", ACM TOMS 43(2) 12): the left micro-panel (MR × KC) stays in L1 while the kernel sweeps
/// the right block's panels (KC × NC), which stay in the core's L2; the operands stream through L3.
/// </summary>
internal readonly struct GemmBlocking
{
    /// <summary>L1 data cache per core (Zen 4: 32 KiB; Zen 5: 48 KiB).</summary>
    public const int L1Bytes = 32 * 1024;

    /// <summary>L2 cache per core (Zen 4 and Zen 5: 1 MiB).</summary>
    public const int L2Bytes = 1024 * 1024;

    public GemmBlocking(int rows, int width, int vectorLength, int elementSize)
    {
        Rows = rows;
        Width = width;
        VectorLength = vectorLength;
        Columns = width * vectorLength;

        // KC: the left micro-panel (MR × KC) takes at most a quarter of L1, leaving room for the right panel's stream.
        Depth = Math.Max(64, L1Bytes / 4 / (rows * elementSize)) & ~7;

        // NC: the right block (KC × NC) takes half of L2; the rest holds the result tiles and the next block's start.
        ColumnBlock = Math.Max(Columns, L2Bytes / 2 / (Depth * elementSize) / Columns * Columns);
        ElementSize = elementSize;
    }

    /// <summary>MR: the most rows of a tile.</summary>
    public int Rows { get; }

    /// <summary>The most vectors across a tile.</summary>
    public int Width { get; }

    /// <summary>Elements per vector.</summary>
    public int VectorLength { get; }

    /// <summary>NR: the most columns of a tile (<see cref="Width"/> × <see cref="VectorLength"/>).</summary>
    public int Columns { get; }

    /// <summary>KC: depth positions per block.</summary>
    public int Depth { get; }

    /// <summary>NC: columns per right block, a multiple of NR.</summary>
    public int ColumnBlock { get; }

    public int ElementSize { get; }

    /// <summary>Bytes of packing memory one thread needs: a left panel, a right block and a result tile.</summary>
    public nint BufferBytes => ((nint)Rows * Depth + ((nint)Depth * ColumnBlock) + ((nint)Rows * Columns)) * ElementSize + (3 * 64);
}
