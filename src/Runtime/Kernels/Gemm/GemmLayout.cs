using System;
using System.Collections.Generic;

namespace TensorGen.Runtime;

/// <summary>
/// A binary step seen as a batch of GEMMs, <c>C[m, n] (+)= Σ_k A[m, k] · B[k, n]</c> for each batch position (the
/// GETT view of a tensor contraction: Springer and Bientinesi 2018, ACM TOMS 44(3) 28). Indices the output and both
/// operands share are the batch; output indices of one operand are that operand's free rows or columns; every
/// summed index is depth — one present in a single operand is a depth index along which the other operand does not
/// move (stride 0), so diagonals and one-sided sums need no separate pass.
/// </summary>
/// <remarks>
/// A is whichever operand makes the output's unit-stride index a column, so that result tiles are stored as
/// contiguous vectors. Operand numbers in the groups are <see cref="OperandA"/>, <see cref="OperandB"/> and <see cref="OperandC"/>.
/// </remarks>
internal sealed class GemmLayout
{
    public const int OperandA = 0;
    public const int OperandB = 1;
    public const int OperandC = 2;

    private GemmLayout(bool swapped, IndexGroup batch, IndexGroup rows, IndexGroup columns, IndexGroup depth)
    {
        Swapped = swapped;
        Batch = batch;
        Rows = rows;
        Columns = columns;
        Depth = depth;
    }

    /// <summary>True when A is the step's right operand (and B its left).</summary>
    public bool Swapped { get; }

    /// <summary>Indices of A, B and C (offsets for all three).</summary>
    public IndexGroup Batch { get; }

    /// <summary>M: indices of A and C (B's offsets are 0).</summary>
    public IndexGroup Rows { get; }

    /// <summary>N: indices of B and C (A's offsets are 0).</summary>
    public IndexGroup Columns { get; }

    /// <summary>K: summed indices (C's offsets are 0).</summary>
    public IndexGroup Depth { get; }

    /// <summary>Multiply-adds: batch × M × N × K.</summary>
    public double MultiplyAdds => (double)Batch.Extent * Rows.Extent * Columns.Extent * Depth.Extent;

    /// <summary>The GEMM view of a binary step, or null when a group has too many positions to tabulate.</summary>
    public static GemmLayout? Create(StepLayout step)
    {
        ReadOnlySpan<nint> extents = step.Extents;
        ReadOnlySpan<StepIndexUse> uses = step.Uses;
        var batch = new List<int>();
        var leftFree = new List<int>();
        var rightFree = new List<int>();
        var depth = new List<int>();
        for (int d = 0; d < step.Rank; d++)
        {
            StepIndexUse use = uses[d];
            if ((use & StepIndexUse.Output) == 0)
            {
                depth.Add(d);
            }
            else if (use == (StepIndexUse.Left | StepIndexUse.Output))
            {
                leftFree.Add(d);
            }
            else if (use == (StepIndexUse.Right | StepIndexUse.Output))
            {
                rightFree.Add(d);
            }
            else
            {
                batch.Add(d);
            }
        }

        bool swapped = PrefersSwap(step, leftFree, rightFree);
        nint[] a = (swapped ? step.RightStrides : step.LeftStrides).ToArray();
        nint[] b = (swapped ? step.LeftStrides : step.RightStrides).ToArray();
        nint[] c = step.OutputStrides.ToArray();
        nint[][] strides = [a, b, c];

        // Columns in the output's memory order (unit stride last), rows likewise, depth in B's (its panel rows), batch in C's.
        IndexGroup? batchGroup = IndexGroup.Create(batch, extents, strides, OperandC);
        IndexGroup? rowGroup = IndexGroup.Create(swapped ? rightFree : leftFree, extents, strides, OperandC);
        IndexGroup? columnGroup = IndexGroup.Create(swapped ? leftFree : rightFree, extents, strides, OperandC);
        IndexGroup? depthGroup = IndexGroup.Create(depth, extents, strides, OperandB);
        return batchGroup is null || rowGroup is null || columnGroup is null || depthGroup is null
            ? null
            : new GemmLayout(swapped, batchGroup, rowGroup, columnGroup, depthGroup);
    }

    /// <summary>
    /// Swap when the left operand's free indices hold the output's unit stride and the right's do not; with no unit
    /// stride in the output, when the left operand is the one contiguous along its free indices.
    /// </summary>
    private static bool PrefersSwap(StepLayout step, List<int> leftFree, List<int> rightFree)
    {
        int Score(List<int> columns, ReadOnlySpan<nint> columnOperandStrides)
        {
            int score = 0;
            foreach (int d in columns)
            {
                if (step.Extents[d] > 1)
                {
                    score |= (step.OutputStrides[d] == 1 ? 2 : 0) | (columnOperandStrides[d] == 1 ? 1 : 0);
                }
            }

            return score;
        }

        return Score(leftFree, step.LeftStrides) > Score(rightFree, step.RightStrides);
    }
}
