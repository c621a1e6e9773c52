using System;
using System.Collections.Generic;
using System.Linq;
using TensorGen.Model;

namespace TensorGen.Equivariance;

/// <summary>
/// A direct sum of irreps in the order written, e.g. <c>16x0e+8x1o+2x2e</c> (e3nn's <c>Irreps</c>): the feature
/// layout is e3nn's <c>mul_ir</c> — the blocks one after another, each <c>[mul][2l+1]</c> with the component fastest.
/// Equal by value.
/// </summary>
internal sealed class Irreps : IEquatable<Irreps>
{
    public Irreps(IEnumerable<MulIrrep> blocks)
    {
        Blocks = blocks.ToEquatableArray();
        var offsets = new int[Blocks.Count];
        int offset = 0;
        for (int b = 0; b < Blocks.Count; b++)
        {
            offsets[b] = offset;
            offset = checked(offset + Blocks[b].Dim);
        }

        Offsets = offsets;
        Dim = offset;
    }

    public static Irreps Empty { get; } = new(Array.Empty<MulIrrep>());

    public EquatableArray<MulIrrep> Blocks { get; }

    public int Count => Blocks.Count;

    public MulIrrep this[int index] => Blocks[index];

    /// <summary>Where each block starts in the feature vector.</summary>
    public IReadOnlyList<int> Offsets { get; }

    /// <summary>Σ mul × (2l + 1).</summary>
    public int Dim { get; }

    /// <summary>The largest l, or −1 when empty.</summary>
    public int LMax => Blocks.Count == 0 ? -1 : Blocks.Max(b => b.Irrep.L);

    /// <summary>
    /// Adjacent blocks of the same irrep merged and zero multiplicities dropped (e3nn <c>Irreps.simplify</c>). The
    /// feature layout does not change.
    /// </summary>
    public Irreps Simplify()
    {
        var blocks = new List<MulIrrep>();
        foreach (MulIrrep block in Blocks)
        {
            if (blocks.Count > 0 && blocks[blocks.Count - 1].Irrep == block.Irrep)
            {
                blocks[blocks.Count - 1] = new MulIrrep(blocks[blocks.Count - 1].Mul + block.Mul, block.Irrep);
            }
            else if (block.Mul > 0)
            {
                blocks.Add(block);
            }
        }

        return new Irreps(blocks);
    }

    /// <summary>
    /// The blocks sorted by irrep, stably (e3nn <c>Irreps.sort</c>), and where each block went:
    /// <c>Permutation[i]</c> is the new index of block i.
    /// </summary>
    public (Irreps Sorted, int[] Permutation) Sort()
    {
        int[] order = Enumerable.Range(0, Count).OrderBy(i => Blocks[i].Irrep).ThenBy(i => i).ToArray();
        int[] permutation = new int[Count];
        for (int newIndex = 0; newIndex < order.Length; newIndex++)
        {
            permutation[order[newIndex]] = newIndex;
        }

        return (new Irreps(order.Select(i => Blocks[i])), permutation);
    }

    /// <summary>Whether some block has this irrep.</summary>
    public bool Contains(Irrep irrep) => Blocks.Any(b => b.Irrep == irrep);

    public bool Equals(Irreps? other) => other is not null && Blocks.Equals(other.Blocks);

    public override bool Equals(object? obj) => Equals(obj as Irreps);

    public override int GetHashCode() => Blocks.GetHashCode();

    /// <summary>e3nn's text form, e.g. <c>16x0e+8x1o</c> (empty for no blocks).</summary>
    public override string ToString() => string.Join("+", Blocks.Select(b => b.ToString()));
}
