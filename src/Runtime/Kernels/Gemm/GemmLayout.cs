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
    public static GemmLayout? Create(StepLayout step) =>
        Create(step.Extents, step.Uses, step.LeftStrides, step.RightStrides, step.OutputStrides);

    /// <summary>The GEMM view of a binary contraction over a loop space given index by index.</summary>
    public static GemmLayout? Create(ReadOnlySpan<nint> extents, ReadOnlySpan<StepIndexUse> uses, ReadOnlySpan<nint> leftStrides,
        ReadOnlySpan<nint> rightStrides, ReadOnlySpan<nint> outputStrides)
    {
        var batch = new List<int>();
        var leftFree = new List<int>();
        var rightFree = new List<int>();
        var depth = new List<int>();
        for (int d = 0; d < extents.Length; d++)
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

        bool swapped = PrefersSwap(extents, leftStrides, rightStrides, outputStrides, leftFree, rightFree);
        nint[] a = (swapped ? rightStrides : leftStrides).ToArray();
        nint[] b = (swapped ? leftStrides : rightStrides).ToArray();
        nint[] c = outputStrides.ToArray();
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
    private static bool PrefersSwap(ReadOnlySpan<nint> extents, ReadOnlySpan<nint> leftStrides, ReadOnlySpan<nint> rightStrides,
        ReadOnlySpan<nint> outputStrides, List<int> leftFree, List<int> rightFree) =>
        Score(extents, outputStrides, leftFree, leftStrides) > Score(extents, outputStrides, rightFree, rightStrides);

    /// <summary>2 if the output's unit stride is among <paramref name="columns"/>, plus 1 if the operand's is.</summary>
    private static int Score(ReadOnlySpan<nint> extents, ReadOnlySpan<nint> outputStrides, List<int> columns, ReadOnlySpan<nint> operandStrides)
    {
        int score = 0;
        foreach (int d in columns)
        {
            if (extents[d] > 1)
            {
                score |= (outputStrides[d] == 1 ? 2 : 0) | (operandStrides[d] == 1 ? 1 : 0);
            }
        }

        return score;
    }
}
