using System.Collections.Generic;
using System.Linq;
using TensorGen.Equivariance;

namespace TensorGen.Emit.Equivariant;

/// <summary>
/// The non-zero structure of one path's Clebsch–Gordan tensor with its path weight folded in, grouped the way the
/// kernels use it: c_ik = Σ_j C_ijk x2_j (x2 folded into the coefficients), then t_k = Σ_i x1_i c_ik.
/// </summary>
internal sealed class PathSparsity
{
    public PathSparsity(TensorProductPath path)
    {
        Terms = path.Symbol.Entries.Select(e => (e.I, e.J, e.K, Coefficient: path.NormalizedWeight * e.Value)).ToList();
        Pairs = Terms.GroupBy(t => (t.I, t.K))
            .OrderBy(g => g.Key.K).ThenBy(g => g.Key.I)
            .Select(g => new FoldedPair(g.Key.I, g.Key.K, g.Select(t => (t.J, t.Coefficient)).ToList()))
            .ToList();
        UsedI = Terms.Select(t => t.I).Distinct().OrderBy(i => i).ToList();
        UsedJ = Terms.Select(t => t.J).Distinct().OrderBy(j => j).ToList();
        UsedK = Terms.Select(t => t.K).Distinct().OrderBy(k => k).ToList();
    }

    /// <summary>(i, j, k, path weight × C_ijk) for each non-zero.</summary>
    public IReadOnlyList<(int I, int J, int K, double Coefficient)> Terms { get; }

    /// <summary>The (i, k) pairs with a non-zero for some j, ordered by k then i.</summary>
    public IReadOnlyList<FoldedPair> Pairs { get; }

    public IReadOnlyList<int> UsedI { get; }

    public IReadOnlyList<int> UsedJ { get; }

    public IReadOnlyList<int> UsedK { get; }
}

/// <summary>c_ik = Σ over <see cref="Terms"/> of coefficient · x2_j.</summary>
internal sealed class FoldedPair
{
    public FoldedPair(int i, int k, IReadOnlyList<(int J, double Coefficient)> terms)
    {
        I = i;
        K = k;
        Terms = terms;
    }

    public int I { get; }

    public int K { get; }

    public IReadOnlyList<(int J, double Coefficient)> Terms { get; }

    public string Name => "c" + CSharpLiteral.Int(I) + "_" + CSharpLiteral.Int(K);
}
