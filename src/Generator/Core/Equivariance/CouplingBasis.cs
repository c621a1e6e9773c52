using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace TensorGen.Equivariance;

/// <summary>
/// One column of MACE's generalized coupling tensor U_ν (one coupling path): its exact non-zero entries U[m, i₁, …, i_ν],
/// m the output irrep's component and i_k indices into the coupling irreps' concatenated dimensions.
/// </summary>
internal sealed class CouplingPath
{
    public CouplingPath(Irrep output, IReadOnlyList<Irrep> chain, IReadOnlyDictionary<CouplingIndex, QuadraticSum> entries)
    {
        Output = output;
        Chain = chain;
        Entries = entries;
    }

    /// <summary>The irrep the path couples into.</summary>
    public Irrep Output { get; }

    /// <summary>The intermediate irreps, first coupling first, ending with <see cref="Output"/> (for headers).</summary>
    public IReadOnlyList<Irrep> Chain { get; }

    /// <summary>The exact non-zero entries.</summary>
    public IReadOnlyDictionary<CouplingIndex, QuadraticSum> Entries { get; }
}

/// <summary>An index (m, i₁, …, i_ν) of a coupling tensor, compared by value.</summary>
internal readonly struct CouplingIndex : IEquatable<CouplingIndex>
{
    public CouplingIndex(int component, int[] inputs)
    {
        Component = component;
        Inputs = inputs;
    }

    public int Component { get; }

    public int[] Inputs { get; }

    public bool Equals(CouplingIndex other) => Component == other.Component && Inputs.SequenceEqual(other.Inputs);

    public override bool Equals(object? obj) => obj is CouplingIndex other && Equals(other);

    public override int GetHashCode()
    {
        int hash = Component;
        foreach (int i in Inputs)
        {
            hash = unchecked((hash * 31) + i);
        }

        return hash;
    }
}

/// <summary>
/// MACE's generalized Clebsch–Gordan coefficients (<c>mace/tools/cg.py</c>: <c>_wigner_nj</c> and <c>U_matrix_real</c>), computed
/// exactly. The ν-fold product of the coupling irreps (every input irrep once, in order) is coupled left to right: each path
/// of the (ν−1)-fold product, in e3nn's irrep order (a stable sort by (l, p), as <c>sorted(ret, key=ir)</c>), times each input
/// irrep, into each irrep of their product by ascending l, with e3nn's real Wigner 3j times √(2l_out+1) ("component"
/// normalization): C[i, left…, k] = Σ_j C_left[j, left…] · w3j(l_out, l_left, l)[i, j, k] · √(2l_out+1). U_ν's columns for an
/// output irrep are the paths that end in it, in that order — the order of MACE's weights' second axis. Correlation 4 keeps
/// only natural-parity intermediates (l, (−1)ˡ) with l &lt; 12, as MACE does without cuequivariance.
/// </summary>
internal static class CouplingBasis
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<CouplingPath>> s_cache = new();

    /// <summary>The columns of U_ν for <paramref name="output"/> (MACE's order), each with its exact entries.</summary>
    public static IReadOnlyList<CouplingPath> Columns(IReadOnlyList<Irrep> coupling, int correlation, Irrep output, Wigner3jPhase phase)
    {
        if (correlation < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(correlation), "The correlation order is at least 1.");
        }

        string key = string.Join("+", coupling) + "|" + correlation.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + output + "|" + phase;
        return s_cache.GetOrAdd(key, _ => Compute(coupling, correlation, output, phase));
    }

    /// <summary>MACE's filter on intermediate irreps for correlation 4 (cg.py: natural parity, l &lt; 12); none otherwise.</summary>
    public static bool KeepsIntermediate(int correlation, Irrep irrep) =>
        correlation != 4 || (irrep.L < 12 && irrep.Parity == (irrep.L % 2 == 0 ? 1 : -1));

    private static IReadOnlyList<CouplingPath> Compute(IReadOnlyList<Irrep> coupling, int correlation, Irrep output, Wigner3jPhase phase)
    {
        int[] offsets = new int[coupling.Count];
        for (int b = 1; b < coupling.Count; b++)
        {
            offsets[b] = offsets[b - 1] + coupling[b - 1].Dim;
        }

        // ν = 1: the identity on each input irrep, in input order (_wigner_nj does not sort its base case).
        var level = new List<CouplingPath>();
        for (int b = 0; b < coupling.Count; b++)
        {
            var entries = new Dictionary<CouplingIndex, QuadraticSum>();
            for (int m = 0; m < coupling[b].Dim; m++)
            {
                entries[new CouplingIndex(m, new[] { offsets[b] + m })] = QuadraticSum.From(Rational.One);
            }

            level.Add(new CouplingPath(coupling[b], new[] { coupling[b] }, entries));
        }

        for (int order = 2; order <= correlation; order++)
        {
            bool last = order == correlation;
            var next = new List<CouplingPath>();
            foreach (CouplingPath left in level)
            {
                for (int b = 0; b < coupling.Count; b++)
                {
                    Irrep right = coupling[b];
                    for (int l = Math.Abs(left.Output.L - right.L); l <= left.Output.L + right.L; l++)
                    {
                        var irrep = new Irrep(l, left.Output.Parity * right.Parity);
                        if (!KeepsIntermediate(correlation, irrep) || (last && irrep != output))
                        {
                            continue;
                        }

                        next.Add(Couple(left, right, offsets[b], irrep, phase));
                    }
                }
            }

            // Python's sorted() is stable: paths of one irrep keep the order they were made in.
            level = last ? next : next.Select((p, i) => (p, i)).OrderBy(t => t.p.Output).ThenBy(t => t.i).Select(t => t.p).ToList();
        }

        return level.Where(p => p.Output == output).ToList();
    }

    /// <summary>C[i, left…, offset + k] = Σ_j left[j, left…] · w3j(l_out, l_left, l_right)[i, j, k] · √(2l_out+1).</summary>
    private static CouplingPath Couple(CouplingPath left, Irrep right, int offset, Irrep irrep, Wigner3jPhase phase)
    {
        Wigner3j symbol = Wigner3j.Get(irrep.L, left.Output.L, right.L, phase);
        SqrtRational normalization = SqrtRational.Sqrt(irrep.Dim);
        var byComponent = left.Entries.GroupBy(e => e.Key.Component).ToDictionary(g => g.Key, g => g.ToList());
        var entries = new Dictionary<CouplingIndex, QuadraticSum>();
        foreach (Wigner3jEntry c in symbol.Entries)
        {
            if (!byComponent.TryGetValue(c.J, out var lefts))
            {
                continue;
            }

            QuadraticSum factor = QuadraticSum.From(c.Exact * normalization);
            foreach (KeyValuePair<CouplingIndex, QuadraticSum> entry in lefts)
            {
                int[] inputs = new int[entry.Key.Inputs.Length + 1];
                Array.Copy(entry.Key.Inputs, inputs, entry.Key.Inputs.Length);
                inputs[inputs.Length - 1] = offset + c.K;
                var index = new CouplingIndex(c.I, inputs);
                QuadraticSum term = entry.Value.Multiply(factor);
                entries[index] = entries.TryGetValue(index, out QuadraticSum? sum) ? sum.Add(term) : term;
            }
        }

        var chain = left.Chain.Concat(new[] { irrep }).ToList();
        return new CouplingPath(irrep, chain, entries.Where(e => !e.Value.IsZero).ToDictionary(e => e.Key, e => e.Value));
    }
}
