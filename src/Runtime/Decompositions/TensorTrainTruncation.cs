using System;

namespace TensorGen.Decompositions;

/// <summary>
/// How TT-SVD and TT rounding truncate: every bond at most <see cref="MaxRank"/>, and within that the smallest
/// ranks whose discarded singular values keep ‖X − X̂‖ ≤ <see cref="RelativeTolerance"/> · ‖X‖ — each of the N−1
/// truncations is allowed ε‖X‖/√(N−1) (Oseledets 2011, Theorem 2.2). When the rank cap binds, the error can be larger.
/// </summary>
public sealed class TensorTrainTruncation
{
    /// <param name="maxRank">The largest bond rank; at least 1.</param>
    /// <param name="relativeTolerance">ε ≥ 0; 0 keeps every non-zero singular value the cap allows.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is out of range.</exception>
    public TensorTrainTruncation(int maxRank = int.MaxValue, double relativeTolerance = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRank, 1);
        if (!(relativeTolerance >= 0) || double.IsInfinity(relativeTolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(relativeTolerance), relativeTolerance, "The relative tolerance is a finite number ≥ 0.");
        }

        MaxRank = maxRank;
        RelativeTolerance = relativeTolerance;
    }

    /// <summary>The largest bond rank kept.</summary>
    public int MaxRank { get; }

    /// <summary>ε: the bound on ‖X − X̂‖ / ‖X‖ while no rank cap binds.</summary>
    public double RelativeTolerance { get; }

    /// <summary>Truncate to relative error <paramref name="relativeTolerance"/>, ranks unbounded.</summary>
    public static TensorTrainTruncation ToTolerance(double relativeTolerance) => new(relativeTolerance: relativeTolerance);

    /// <summary>Truncate every bond to at most <paramref name="maxRank"/>, losing only what that cap forces.</summary>
    public static TensorTrainTruncation ToRank(int maxRank) => new(maxRank);
}
