using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Emit.Equivariant;
using TensorGen.Equivariance;

namespace TensorGen.Emit.SymmetricContraction;

/// <summary>
/// The statements of a symmetric contraction for one channel (a vector of channels on the CPU, one channel on the GPU), written
/// once from the <see cref="SymmetricContractionSpec"/> and rendered through a <see cref="PathDialect"/> (value type, loads, sums
/// of products). Operands are feature-major: A's coupling index i, the output's component o, the folded coefficients' term t,
/// the padded weights' row r (times the channel blocks, plus the block: <c>rowStride</c> and <c>column</c>).
/// </summary>
internal sealed class SymmetricContractionStatements
{
    private readonly SymmetricContractionSpec _spec;
    private readonly PathDialect _dialect;
    private readonly System.Func<string, string, string, string> _store;

    /// <param name="spec">The contraction.</param>
    /// <param name="dialect">How values are typed, read and summed.</param>
    /// <param name="store">(array, index, value) → the statement writing value.</param>
    public SymmetricContractionStatements(SymmetricContractionSpec spec, PathDialect dialect, System.Func<string, string, string, string> store)
    {
        _spec = spec;
        _dialect = dialect;
        _store = store;
    }

    /// <summary>
    /// folded[t] = Σ_k U[t, k] · W[row_block + element·K + k] for every term: the element's weights folded into the coupling
    /// coefficients once per call, so that an atom's work is one multiply-add per term.
    /// </summary>
    public IEnumerable<string> Fold(string weights, string rowStride, string column, string folded)
    {
        for (int t = 0; t < _spec.Terms.Count; t++)
        {
            SymmetricContractionTerm term = _spec.Terms[t];
            var products = term.Coefficients
                .Select(c => (_dialect.Load(weights, $"(row{N(term.Block)} + {N(c.Parameter)}) * {rowStride} + {column}"), Constant(c.Value)))
                .ToList();
            yield return _store(folded, N(t), _dialect.Sum(products));
        }
    }

    /// <summary>gradWeights[row_block + element·K + k] += Σ_t U[t, k] · sums[t]: the transpose of <see cref="Fold"/>.</summary>
    public IEnumerable<string> Unfold(string sums, string rowStride, string column, string gradWeights)
    {
        var byParameter = _spec.Terms
            .SelectMany((term, t) => term.Coefficients.Select(c => (term.Block, c.Parameter, Term: t, c.Value)))
            .GroupBy(x => (x.Block, x.Parameter))
            .OrderBy(g => g.Key.Block).ThenBy(g => g.Key.Parameter);
        foreach (var group in byParameter)
        {
            string sum = _dialect.Sum(group.Select(x => (_dialect.Load(sums, N(x.Term)), Constant(x.Value))));
            yield return _dialect.Add(gradWeights, $"(row{N(group.Key.Block)} + {N(group.Key.Parameter)}) * {rowStride} + {column}", sum);
        }
    }

    /// <summary>The loads of A and the monomials: p_s = p_prefix · a_last, lowest degree first.</summary>
    public IEnumerable<string> Monomials(string a)
    {
        foreach (int i in _spec.Monomials.Where(m => m.Degree == 1).Select(m => m.Last))
        {
            yield return $"{_dialect.Type} a{N(i)} = {_dialect.Load(a, N(i))};";
        }

        for (int s = 0; s < _spec.Monomials.Count; s++)
        {
            SymmetricMonomial monomial = _spec.Monomials[s];
            if (monomial.Degree > 1)
            {
                yield return $"{_dialect.Type} {Name(s)} = {Name(monomial.Prefix)} * a{N(monomial.Last)};{Comment(monomial)}";
            }
        }
    }

    /// <summary>output[o] = Σ_{terms of o} folded[t] · p_s, every component written.</summary>
    public IEnumerable<string> Outputs(string folded, string output)
    {
        var byComponent = _spec.Terms.Select((term, t) => (term, t)).ToLookup(x => x.term.Component);
        for (int o = 0; o < _spec.OutputDim; o++)
        {
            var products = byComponent[o].Select(x => (_dialect.Load(folded, N(x.t)), Name(x.term.Monomial))).ToList();
            yield return _store(output, N(o), _dialect.Sum(products));
        }
    }

    /// <summary>
    /// The reverse pass for one atom: the weight sums (sums[t] += gradOutput[o] · p_s, later unfolded into the weights' gradient),
    /// each monomial's adjoint d_s = Σ_{terms of s} gradOutput[o] · folded[t] + Σ_{monomials built on s} d_child · a_last(child)
    /// (longest first), and A's gradient Σ d_s · p_prefix(s) over the monomials ending in i, every component written.
    /// </summary>
    public IEnumerable<string> Backward(string folded, string gradOutput, string gradA, string sums)
    {
        var terms = _spec.Terms.Select((term, t) => (term, t)).ToList();
        foreach (int o in terms.Select(x => x.term.Component).Distinct().OrderBy(o => o))
        {
            yield return $"{_dialect.Type} g{N(o)} = {_dialect.Load(gradOutput, N(o))};";
        }

        foreach (var (term, t) in terms)
        {
            yield return _dialect.AddProduct(sums, N(t), $"g{N(term.Component)}", Name(term.Monomial));
        }

        var termsOf = terms.ToLookup(x => x.term.Monomial);
        var children = Enumerable.Range(0, _spec.Monomials.Count).Where(s => _spec.Monomials[s].Prefix >= 0).ToLookup(s => _spec.Monomials[s].Prefix);
        for (int s = _spec.Monomials.Count - 1; s >= 0; s--)
        {
            var products = termsOf[s].Select(x => (_dialect.Load(folded, N(x.t)), $"g{N(x.term.Component)}"))
                .Concat(children[s].Select(c => ($"d{N(c)}", $"a{N(_spec.Monomials[c].Last)}")))
                .ToList();
            foreach (string line in _dialect.DeclareSum($"d{N(s)}", products, constantB: false))
            {
                yield return line;
            }
        }

        for (int i = 0; i < _spec.CouplingDim; i++)
        {
            var products = Enumerable.Range(0, _spec.Monomials.Count)
                .Where(s => _spec.Monomials[s].Last == i)
                .Select(s => _spec.Monomials[s].Prefix < 0 ? ($"d{N(s)}", (string?)null) : ($"d{N(s)}", Name(_spec.Monomials[s].Prefix)))
                .ToList();
            string single = string.Join(" + ", products.Where(p => p.Item2 is null).Select(p => p.Item1));
            string sum = products.Any(p => p.Item2 is not null) ? _dialect.Sum(products.Where(p => p.Item2 is not null).Select(p => (p.Item1, p.Item2!))) : string.Empty;
            string value = single.Length == 0 ? (sum.Length == 0 ? _dialect.Zero : sum) : (sum.Length == 0 ? single : single + " + " + sum);
            yield return _store(gradA, N(i), value);
        }
    }

    /// <summary>The name of monomial s: a_i for a single input, p_s for a product.</summary>
    public string Name(int s) => _spec.Monomials[s].Degree == 1 ? "a" + N(_spec.Monomials[s].Last) : "p" + N(s);

    /// <summary><c>int rowB = first row of block B + element · K_B;</c> for each block with terms: where <see cref="Fold"/> and <see cref="Unfold"/> read and write.</summary>
    public IEnumerable<string> RowBases(string element)
    {
        var used = new HashSet<int>(_spec.Terms.Select(t => t.Block));
        for (int b = 0; b < _spec.Blocks.Count; b++)
        {
            SymmetricContractionBlock block = _spec.Blocks[b];
            if (used.Contains(b))
            {
                yield return $"int row{N(b)} = {N(block.Row)} + ({element} * {N(block.Parameters)});";
            }
        }
    }

    private string Constant(double value) => _dialect.Vector ? $"new Lanes({_dialect.Literal(value)})" : _dialect.Literal(value);

    private static string Comment(SymmetricMonomial monomial) =>
        " // " + string.Join(" ", monomial.Factors.Select(f => "a" + N(f)));

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
