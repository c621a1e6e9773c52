using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using TensorGen.Planning;

namespace TensorGen.Runtime;

/// <summary>
/// The loops around the micro-kernel (BLIS's five loops: Van Zee and van de Geijn 2015, Fig. 2) for one thread's
/// <see cref="GemmWork"/>: batch positions, column blocks (NC), depth blocks (KC, right panels packed once per block),
/// row panels (MR, left panel packed or read in place and kept in L1), column panels (NR), micro-kernel.
/// </summary>
/// <remarks>
/// An operand is read in place instead of packed when its strides allow the kernel's access pattern: the left operand
/// when a tile's rows and a depth block each have one stride and one of them is 1 (the broadcasts of a depth step share
/// cache lines), unless it is larger than half of L2 and re-read for many column panels; the right operand when its
/// columns are contiguous and it fits in half of L2; the result when its columns are contiguous and its rows have one
/// stride. Tiles at the right edge go through zero-padded panels and a
/// tile buffer, so no kernel reads or writes outside the operands.
/// </remarks>
internal static unsafe class GemmDriver<T, TKernel>
    where T : unmanaged, INumberBase<T>
    where TKernel : struct, IMicroKernel<T>
{
    [MethodImpl(HotPath.Optimize)]
    public static void Run(GemmLayout layout, T* a, T* b, T* c, bool accumulate, GemmWork work)
    {
        var blocking = new GemmBlocking(default(TKernel).MaxRows, default(TKernel).MaxWidth, default(TKernel).VectorLength, sizeof(T));
        PackBuffers buffers = PackBuffers.ForCurrentThread(blocking.BufferBytes);
        T* rowPanel = (T*)buffers.Start;
        T* columnPanels = rowPanel + ((nint)blocking.Rows * blocking.Depth);
        T* tile = columnPanels + ((nint)blocking.Depth * blocking.ColumnBlock);

        IndexGroup rows = layout.Rows, columns = layout.Columns, depth = layout.Depth;
        bool bUnitColumns = columns.Stride(GemmLayout.OperandB) == 1;
        nint bDepthStride = depth.Stride(GemmLayout.OperandB);
        bool bInPlace = bUnitColumns && bDepthStride >= 0
            && (double)depth.Extent * columns.Extent * sizeof(T) <= GemmBlocking.L2Bytes / 2;
        nint cRowStride = rows.Stride(GemmLayout.OperandC);
        bool cUnitColumns = columns.Stride(GemmLayout.OperandC) == 1;
        bool cInPlace = cUnitColumns && cRowStride >= 0;

        nint[] aBatch = layout.Batch.Offsets(GemmLayout.OperandA), bBatch = layout.Batch.Offsets(GemmLayout.OperandB);
        nint[] cBatch = layout.Batch.Offsets(GemmLayout.OperandC);
        ReadOnlySpan<nint> aRows = rows.Offsets(GemmLayout.OperandA), cRows = rows.Offsets(GemmLayout.OperandC);
        ReadOnlySpan<nint> bColumns = columns.Offsets(GemmLayout.OperandB), cColumns = columns.Offsets(GemmLayout.OperandC);
        ReadOnlySpan<nint> aDepth = depth.Offsets(GemmLayout.OperandA), bDepth = depth.Offsets(GemmLayout.OperandB);
        int mr = blocking.Rows, nr = blocking.Columns, v = blocking.VectorLength;

        // Column blocks of equal size (whole panels), rather than full blocks and a ragged last one.
        nint workColumns = work.ColumnEnd - work.ColumnStart;
        nint columnBlocks = (workColumns + blocking.ColumnBlock - 1) / blocking.ColumnBlock;
        nint columnBlock = columnBlocks <= 1 ? blocking.ColumnBlock : ((workColumns + columnBlocks - 1) / columnBlocks + nr - 1) / nr * nr;

        // A left panel read in place is re-read from memory for every column panel; packed, from L1. Pack a left operand
        // larger than half of L2 when its panels are re-read often.
        bool aReusedFromMemory = (double)rows.Extent * depth.Extent * sizeof(T) > GemmBlocking.L2Bytes / 2 && columnBlock >= 4 * nr;

        for (nint t = work.BatchStart; t < work.BatchEnd; t++)
        {
            T* aBase = a + aBatch[t], bBase = b + bBatch[t], cBase = c + cBatch[t];
            for (nint jc = work.ColumnStart; jc < work.ColumnEnd; jc += columnBlock)
            {
                int nc = (int)Math.Min(columnBlock, work.ColumnEnd - jc);
                for (nint pc = 0; pc < depth.Extent; pc += blocking.Depth)
                {
                    int kc = (int)Math.Min(blocking.Depth, depth.Extent - pc);
                    bool addToC = accumulate || pc > 0;
                    ReadOnlySpan<nint> aDepthBlock = aDepth.Slice((int)pc, kc), bDepthBlock = bDepth.Slice((int)pc, kc);
                    nint aDepthStride = aReusedFromMemory ? -1 : UniformStride(aDepthBlock);

                    // Pack the block's right panels (only the ragged last one when B is read in place).
                    for (int jp = 0; jp < nc; jp += nr)
                    {
                        int panelColumns = Math.Min(nr, nc - jp);
                        int panelWidth = PanelWidth(panelColumns, v);
                        if (!bInPlace || panelColumns != panelWidth)
                        {
                            PanelPacking.PackColumns(columnPanels + ((nint)jp * kc), panelWidth, bBase, bDepthBlock,
                                bColumns.Slice((int)(jc + jp), panelColumns), bUnitColumns);
                        }
                    }

                    for (nint ic = work.RowStart; ic < work.RowEnd; ic += mr)
                    {
                        int tileRows = (int)Math.Min(mr, work.RowEnd - ic);
                        ReadOnlySpan<nint> aTileRows = aRows.Slice((int)ic, tileRows);
                        nint aRowStride = aDepthStride < 0 ? -1 : UniformStride(aTileRows);
                        T* aPanel;
                        nint panelRowStride, panelDepthStride;
                        if (aRowStride >= 0 && (aRowStride == 1 || aDepthStride == 1 || tileRows == 1 || kc == 1))
                        {
                            aPanel = aBase + aTileRows[0] + aDepthBlock[0];
                            panelRowStride = aRowStride;
                            panelDepthStride = aDepthStride;
                        }
                        else
                        {
                            PanelPacking.PackRows(rowPanel, mr, aBase, aTileRows, aDepthBlock);
                            aPanel = rowPanel;
                            panelRowStride = 1;
                            panelDepthStride = mr;
                        }

                        for (int jp = 0; jp < nc; jp += nr)
                        {
                            int tileColumns = Math.Min(nr, nc - jp);
                            int width = PanelWidth(tileColumns, v);
                            nint j = jc + jp;
                            T* bPanel;
                            nint panelStride;
                            if (bInPlace && tileColumns == width)
                            {
                                bPanel = bBase + bDepthBlock[0] + bColumns[(int)j];
                                panelStride = bDepthStride;
                            }
                            else
                            {
                                bPanel = columnPanels + ((nint)jp * kc);
                                panelStride = width;
                            }

                            if (cInPlace && tileColumns == width)
                            {
                                T* cTile = cBase + cRows[(int)ic] + cColumns[(int)j];
                                MicroTile<T, TKernel>.Multiply(tileRows, width / v, kc, aPanel, panelRowStride, panelDepthStride,
                                    bPanel, panelStride, cTile, cRowStride, addToC);
                            }
                            else
                            {
                                MicroTile<T, TKernel>.Multiply(tileRows, width / v, kc, aPanel, panelRowStride, panelDepthStride,
                                    bPanel, panelStride, tile, nr, addToC: false);
                                MicroTile<T, TKernel>.Scatter(tile, nr, cBase, cRows.Slice((int)ic, tileRows),
                                    cColumns.Slice((int)j, tileColumns), cUnitColumns, addToC);
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>The step between consecutive offsets when it is the same throughout (0 for one offset), else −1.</summary>
    private static nint UniformStride(ReadOnlySpan<nint> offsets)
    {
        if (offsets.Length < 2)
        {
            return 0;
        }

        nint stride = offsets[1] - offsets[0];
        for (int i = 2; i < offsets.Length; i++)
        {
            if (offsets[i] - offsets[i - 1] != stride)
            {
                return -1;
            }
        }

        return stride;
    }

    /// <summary>The panel width for <paramref name="columns"/> columns: whole vectors.</summary>
    private static int PanelWidth(int columns, int vectorLength) => (columns + vectorLength - 1) / vectorLength * vectorLength;
}
