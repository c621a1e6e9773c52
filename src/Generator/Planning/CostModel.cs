using System.Collections.Generic;
using System.Linq;

namespace TensorGen.Planning;

/// <summary>
/// opt_einsum's cost units, so plans can be compared with its PathInfo: a step over the index set S costs
/// prod(size(S)) × (terms − 1, at least 1) × (2 if any index is summed, else 1). Costs are doubles so that
/// huge networks saturate instead of wrapping.
/// </summary>
internal static class CostModel
{
    public static double Size(IEnumerable<string> labels, IReadOnlyDictionary<string, long> sizes) =>
        labels.Distinct().Aggregate(1.0, (product, label) => product * sizes[label]);

    public static double Flops(IEnumerable<string> involved, bool hasSummedIndex, int terms, IReadOnlyDictionary<string, long> sizes)
    {
        double factor = System.Math.Max(1, terms - 1) + (hasSummedIndex ? 1 : 0);
        return Size(involved, sizes) * factor;
    }
}
