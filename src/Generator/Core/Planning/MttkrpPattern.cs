using System.Linq;
using TensorGen.Parsing;

namespace TensorGen.Planning;

/// <summary>
/// The matricized-tensor times Khatri–Rao product of a 3-way tensor, in any mode and any index order:
/// <c>out[f, r] = Σ_{u, w} X[f, u, w] · U[u, r] · W[w, r]</c> (Kolda and Bader 2009, SIAM Review 51(3) 455, §3.3;
/// e.g. <c>ijk,jr,kr->ir</c>). Computed as one GEMM per slice <c>X[f, :, :]</c> followed by a row-wise product with
/// <c>U</c>, it never forms the Khatri–Rao product <c>(U ⊙ W)[uw, r]</c> nor the pairwise plan's
/// <c>f × w × r</c> intermediate (Phan, Tichavský and Cichocki 2013, IEEE TSP 61(19) 4834).
/// </summary>
internal sealed class MttkrpPattern
{
    private MttkrpPattern(int tensor, int firstFactor, int secondFactor, string free, string rank, string first, string second)
    {
        Tensor = tensor;
        FirstFactor = firstFactor;
        SecondFactor = secondFactor;
        Free = free;
        Rank = rank;
        First = first;
        Second = second;
    }

    /// <summary>The operand position of X.</summary>
    public int Tensor { get; }

    /// <summary>The operand position of U, the factor contracted with the reduced product (indices <see cref="First"/>, <see cref="Rank"/>).</summary>
    public int FirstFactor { get; }

    /// <summary>The operand position of W, the factor in each slice's GEMM (indices <see cref="Second"/>, <see cref="Rank"/>).</summary>
    public int SecondFactor { get; }

    /// <summary>f: X's index the output keeps.</summary>
    public string Free { get; }

    /// <summary>r: the factors' shared index, kept by the output.</summary>
    public string Rank { get; }

    /// <summary>u: X's index summed against U.</summary>
    public string First { get; }

    /// <summary>w: X's index summed against W (the GEMM's depth).</summary>
    public string Second { get; }

    /// <summary>The pattern's roles in <paramref name="expression"/>, or null when it is not an MTTKRP of a 3-way tensor.</summary>
    public static MttkrpPattern? Match(EinsumExpression expression)
    {
        if (expression.HasEllipsis || expression.Inputs.Count != 3 || expression.Output.Labels.Count != 2
            || expression.Inputs.Any(t => t.Labels.Distinct().Count() != t.Labels.Count))
        {
            return null;
        }

        int tensor = -1;
        for (int n = 0; n < 3; n++)
        {
            if (expression.Inputs[n].Labels.Count == 3)
            {
                tensor = n;
            }
        }

        int[] factors = Enumerable.Range(0, 3).Where(n => n != tensor).ToArray();
        if (tensor < 0 || factors.Any(n => expression.Inputs[n].Labels.Count != 2))
        {
            return null;
        }

        var x = expression.Inputs[tensor].Labels;
        var a = expression.Inputs[factors[0]].Labels;
        var b = expression.Inputs[factors[1]].Labels;
        string? rank = a.FirstOrDefault(l => b.Contains(l) && !x.Contains(l));
        if (rank is null)
        {
            return null;
        }

        string first = a.Single(l => l != rank), second = b.Single(l => l != rank);
        string? free = x.FirstOrDefault(l => l != first && l != second);
        var output = expression.Output.Labels;
        bool shaped = first != second && x.Contains(first) && x.Contains(second) && free is not null
            && output.Contains(free) && output.Contains(rank);
        return shaped ? new MttkrpPattern(tensor, factors[0], factors[1], free!, rank, first, second) : null;
    }
}
