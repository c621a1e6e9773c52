using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace TensorGen.Planning;

/// <summary>
/// opt_einsum's cost units, so plans can be compared with its PathInfo: a step over the index set S costs
/// prod(size(S)) × (terms − 1, at least 1) × (2 if any index is summed, else 1) — for a pairwise step 2·prod(S)
/// when it sums, prod(S) for an outer or Hadamard product, and 2·size for a unary sum-out. Planners search
/// with doubles (huge networks saturate instead of wrapping); reported totals are exact integers.
/// </summary>
internal static class CostModel
{
    /// <summary>cotengra's recommended weight of one written element against one FLOP in <see cref="PlanningObjective.Combo"/>.</summary>
    public const double ComboWriteWeight = 64;

    public static double Size(IEnumerable<string> labels, IReadOnlyDictionary<string, long> sizes) =>
        labels.Distinct().Aggregate(1.0, (product, label) => product * sizes[label]);

    public static double Flops(IEnumerable<string> involved, bool hasSummedIndex, int terms, IReadOnlyDictionary<string, long> sizes) =>
        StepFlops(Size(involved, sizes), terms, hasSummedIndex);

    /// <summary>A step's cost from the size of its loop nest (the product of every involved index's size).</summary>
    public static double StepFlops(double loopSize, int terms, bool hasSummedIndex) =>
        loopSize * Factor(terms, hasSummedIndex);

    /// <summary>The exact cost of a step over the indices <paramref name="involved"/> of <paramref name="network"/>.</summary>
    public static BigInteger ExactStepFlops(ContractionNetwork network, BitSet involved, int terms, bool hasSummedIndex) =>
        ExactSize(network, involved) * Factor(terms, hasSummedIndex);

    /// <summary>The exact number of elements of a tensor over <paramref name="indices"/>.</summary>
    public static BigInteger ExactSize(ContractionNetwork network, BitSet indices)
    {
        BigInteger size = BigInteger.One;
        foreach (int k in indices.Ids())
        {
            size *= network.Sizes[k];
        }

        return size;
    }

    private static int Factor(int terms, bool hasSummedIndex) => System.Math.Max(1, terms - 1) + (hasSummedIndex ? 1 : 0);
}
