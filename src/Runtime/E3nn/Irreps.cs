using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using CoreIrreps = TensorGen.Equivariance.Irreps;

namespace TensorGen.Runtime.E3nn;

/// <summary>
/// A direct sum of irreps at run time, e3nn's <c>o3.Irreps</c>: parsed with the generator's own parser (<c>"16x0e + 8x1o + 2e"</c>,
/// parity e, o or y), the blocks in the order written, features in e3nn's <c>mul_ir</c> layout. Equal by value and by order,
/// as e3nn's tuple: <c>1x0e+1x0e</c> is not <c>2x0e</c> (<see cref="Simplify"/> makes it so).
/// </summary>
public readonly struct Irreps : IEquatable<Irreps>, IReadOnlyList<MulIrrep>
{
    private readonly MulIrrep[]? _blocks;

    /// <summary>The blocks, in order.</summary>
    public Irreps(IEnumerable<MulIrrep> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        _blocks = blocks.ToArray();
        if (_blocks.Any(b => b.Mul < 0 || b.Irrep.L < 0 || (b.Irrep.Parity != 1 && b.Irrep.Parity != -1)))
        {
            throw new ArgumentException("Every block has a multiplicity ≥ 0, a degree l ≥ 0 and a parity of +1 or -1.", nameof(blocks));
        }
    }

    /// <summary>Parses e3nn's grammar, e.g. <c>"16x0e+8x1o"</c>; the empty text is no irreps.</summary>
    /// <exception cref="ArgumentException">The text is not e3nn's grammar (the message says where).</exception>
    public static Irreps Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = TensorGen.Equivariance.IrrepsParser.Parse(text, TensorGen.Equivariance.EquivarianceText.None);
        if (result.Irreps is null)
        {
            throw new ArgumentException(result.Error?.Message ?? $"\"{text}\" is not irreps.", nameof(text));
        }

        return Of(result.Irreps);
    }

    /// <summary>No blocks.</summary>
    public static Irreps Empty => new(Array.Empty<MulIrrep>());

    private MulIrrep[] Blocks => _blocks ?? Array.Empty<MulIrrep>();

    /// <summary>The number of blocks (e3nn's <c>len</c>).</summary>
    public int Count => Blocks.Length;

    /// <summary>Block <paramref name="index"/>.</summary>
    public MulIrrep this[int index] => Blocks[index];

    /// <summary>Σ mul × (2l + 1) (e3nn's <c>dim</c>).</summary>
    public int Dim => Blocks.Sum(b => b.Dim);

    /// <summary>Σ mul (e3nn's <c>num_irreps</c>).</summary>
    public int NumIrreps => Blocks.Sum(b => b.Mul);

    /// <summary>The degree of every irrep copy, in order (e3nn's <c>ls</c>).</summary>
    public IReadOnlyList<int> Ls => Blocks.SelectMany(b => Enumerable.Repeat(b.Irrep.L, b.Mul)).ToArray();

    /// <summary>The largest l of an irrep copy (e3nn's <c>lmax</c>, <c>max(ls)</c>: blocks of multiplicity 0 do not count).</summary>
    /// <exception cref="InvalidOperationException">No irrep copies (e3nn raises ValueError).</exception>
    public int LMax => NumIrreps == 0
        ? throw new InvalidOperationException($"\"{this}\" has no irrep copies, so no lmax (e3nn raises ValueError).")
        : Blocks.Where(b => b.Mul > 0).Max(b => b.Irrep.L);

    /// <summary>Where each block's features are, <c>start..stop</c> (e3nn's <c>slices()</c>).</summary>
    public IReadOnlyList<Range> Slices()
    {
        var slices = new Range[Count];
        int start = 0;
        for (int b = 0; b < Count; b++)
        {
            slices[b] = new Range(start, start + Blocks[b].Dim);
            start += Blocks[b].Dim;
        }

        return slices;
    }

    /// <summary>The copies of <paramref name="irrep"/> in all blocks (e3nn's <c>count</c>).</summary>
    public int CountOf(Irrep irrep) => Blocks.Where(b => b.Irrep == irrep).Sum(b => b.Mul);

    /// <summary>Neighbouring blocks of one irrep merged, zero multiplicities dropped (e3nn's <c>simplify()</c>); the layout is unchanged.</summary>
    public Irreps Simplify() => Of(ToCore().Simplify());

    /// <summary>
    /// The blocks sorted stably by irrep (e3nn's <c>sort()</c>): the sorted irreps, <c>P</c> with <c>P[old] = new</c> and its inverse
    /// <c>Inverse[new] = old</c> (e3nn's <c>p</c> and <c>inv</c>).
    /// </summary>
    public (Irreps Irreps, int[] P, int[] Inverse) Sort()
    {
        var (sorted, permutation) = ToCore().Sort();
        var inverse = new int[permutation.Length];
        for (int old = 0; old < permutation.Length; old++)
        {
            inverse[permutation[old]] = old;
        }

        return (Of(sorted), permutation, inverse);
    }

    /// <summary><c>Sort().Irreps.Simplify()</c> (e3nn's <c>regroup()</c>).</summary>
    public Irreps Regroup() => Sort().Irreps.Simplify();

    /// <summary>The blocks of both, one after the other (e3nn's <c>+</c>).</summary>
    public static Irreps operator +(Irreps left, Irreps right) => new(left.Blocks.Concat(right.Blocks));

    /// <inheritdoc/>
    public bool Equals(Irreps other) => Blocks.AsSpan().SequenceEqual(other.Blocks);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Irreps other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (MulIrrep block in Blocks)
        {
            hash.Add(block);
        }

        return hash.ToHashCode();
    }

    /// <summary>Equal blocks in the same order.</summary>
    public static bool operator ==(Irreps left, Irreps right) => left.Equals(right);

    /// <summary>Not <c>==</c>.</summary>
    public static bool operator !=(Irreps left, Irreps right) => !left.Equals(right);

    /// <summary>e3nn's text: the blocks joined by <c>+</c>, e.g. <c>16x0e+8x1o</c>; empty for no blocks.</summary>
    public override string ToString() => string.Join("+", Blocks.Select(b => b.ToString()));

    /// <inheritdoc/>
    public IEnumerator<MulIrrep> GetEnumerator() => ((IEnumerable<MulIrrep>)Blocks).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal CoreIrreps ToCore() =>
        new(Blocks.Select(b => new TensorGen.Equivariance.MulIrrep(b.Mul, new TensorGen.Equivariance.Irrep(b.Irrep.L, b.Irrep.Parity))));

    internal static Irreps Of(CoreIrreps irreps) => new(irreps.Blocks.Select(b => new MulIrrep(b.Mul, Irrep.Of(b.Irrep))));
}
