using System.Linq;

namespace TensorGen.Equivariance;

/// <summary>
/// Work of a tensor product per batch row, counted as e3nn's formula states it: 2 floating-point operations (a multiply
/// and an add) per non-zero Clebsch–Gordan coefficient per multiplicity pair, and 2 per weight multiply-add. It does not
/// depend on how a kernel factors the sums, so it compares implementations fairly.
/// </summary>
internal static class TensorProductCost
{
    /// <summary>The multiplicity pairs (u, v) the path couples: mul1·mul2, or mul1 for the uu modes.</summary>
    public static long Pairs(TensorProductPath path) =>
        path.Mode is ConnectionMode.Uuw or ConnectionMode.Uuu ? path.Block1.Mul : (long)path.Block1.Mul * path.Block2.Mul;

    /// <summary>Multiply-adds of weights into outputs: uvw mul1·mul2·mul_out·(2l+1), uuw mul1·mul_out·(2l+1), else pairs·(2l+1) when weighted.</summary>
    public static long WeightMultiplies(TensorProductPath path)
    {
        if (!path.HasWeight)
        {
            return 0;
        }

        int d3 = path.BlockOut.Irrep.Dim;
        return path.Mode switch
        {
            ConnectionMode.Uvw => (long)path.Block1.Mul * path.Block2.Mul * path.BlockOut.Mul * d3,
            ConnectionMode.Uuw => (long)path.Block1.Mul * path.BlockOut.Mul * d3,
            _ => Pairs(path) * d3,
        };
    }

    /// <summary>Forward operations of one path per row.</summary>
    public static long ForwardFlops(TensorProductPath path) =>
        path.IsEmpty ? 0 : 2 * ((Pairs(path) * path.Symbol.Entries.Count) + WeightMultiplies(path));

    /// <summary>Forward operations of the product per row.</summary>
    public static long ForwardFlops(TensorProductSpec spec) => spec.Paths.Sum(ForwardFlops);

    /// <summary>
    /// Backward operations per row: the gradients with respect to x1 and x2 each cost what the forward does, and the
    /// weights' gradient the CG part again plus its multiply-adds.
    /// </summary>
    public static long BackwardFlops(TensorProductSpec spec) =>
        spec.Paths.Where(p => !p.IsEmpty).Sum(p => (2 * ForwardFlops(p)) + (p.HasWeight ? ForwardFlops(p) : 0));

    /// <summary>
    /// Double backward operations per row as TensorGen runs them: the forward and the backward product twice over every path
    /// (on swapped arguments) and once more over the weighted paths (in the weights' direction).
    /// </summary>
    public static long DoubleBackwardFlops(TensorProductSpec spec)
    {
        var weighted = spec.Paths.Where(p => !p.IsEmpty && p.HasWeight).ToList();
        long forwardWeighted = weighted.Sum(ForwardFlops);
        long backwardWeighted = weighted.Sum(p => 3 * ForwardFlops(p));
        return (2 * ForwardFlops(spec)) + forwardWeighted + (2 * BackwardFlops(spec)) + backwardWeighted;
    }
}
