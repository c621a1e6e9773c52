using System;
using System.Collections.Generic;
using System.Linq;

namespace TensorGen.Planning;

/// <summary>
/// A contraction problem in the form planners work on: each input operand is the set of its index ids, the
/// output is a set of index ids, and each index has a size. Index ids number the distinct labels in order of
/// first appearance (inputs, then output); a label repeated inside one term (a diagonal) counts once, as in
/// opt_einsum's cost model.
/// </summary>
internal sealed class ContractionNetwork
{
    private readonly BitSet[] _tensorsOf;
    private readonly BitSet[] _dangling;

    public ContractionNetwork(IReadOnlyList<IReadOnlyList<string>> inputs, IReadOnlyList<string> output, IReadOnlyDictionary<string, long> sizes)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var labels = new List<string>();
        foreach (string label in inputs.SelectMany(t => t).Concat(output))
        {
            if (!ids.ContainsKey(label))
            {
                ids[label] = labels.Count;
                labels.Add(label);
            }
        }

        Labels = labels.ToArray();
        IndexWords = BitSet.WordsFor(Labels.Length);
        TensorWords = BitSet.WordsFor(inputs.Count);
        InputCount = inputs.Count;
        Sizes = Labels.Select(l => sizes.TryGetValue(l, out long size) ? size : throw new ArgumentException($"No size for index '{l}'.", nameof(sizes))).ToArray();
        Inputs = inputs.Select(t => BitSet.Of(IndexWords, t.Select(l => ids[l]))).ToArray();
        Output = BitSet.Of(IndexWords, output.Select(l => ids[l]));

        var tensorsOf = new List<int>[Labels.Length];
        for (int k = 0; k < tensorsOf.Length; k++)
        {
            tensorsOf[k] = new List<int>();
        }

        for (int t = 0; t < InputCount; t++)
        {
            foreach (int k in Inputs[t].Ids())
            {
                tensorsOf[k].Add(t);
            }
        }

        _tensorsOf = tensorsOf.Select(list => BitSet.Of(TensorWords, list)).ToArray();
        _dangling = Enumerable.Range(0, InputCount)
            .Select(t => BitSet.Of(IndexWords, Inputs[t].Ids().Where(k => !Output.Contains(k) && tensorsOf[k].Count == 1)))
            .ToArray();
    }

    /// <summary>The label of each index id.</summary>
    public string[] Labels { get; }

    /// <summary>The size of each index id.</summary>
    public long[] Sizes { get; }

    public int InputCount { get; }

    public int IndexCount => Labels.Length;

    /// <summary>The index set of each input operand.</summary>
    public BitSet[] Inputs { get; }

    public BitSet Output { get; }

    /// <summary>Words per tensor set (<see cref="BitSet.WordsFor"/> of the input count).</summary>
    public int TensorWords { get; }

    /// <summary>Words per index set.</summary>
    public int IndexWords { get; }

    /// <summary>The inputs that hold index <paramref name="index"/>.</summary>
    public BitSet TensorsOf(int index) => _tensorsOf[index];

    /// <summary>
    /// The indices of input <paramref name="tensor"/> that no other input and not the output holds: they can be
    /// summed out of that tensor alone, by a unary step (as opt_einsum's dp does first).
    /// </summary>
    public BitSet Dangling(int tensor) => _dangling[tensor];

    /// <summary>The number of elements of a tensor over <paramref name="indices"/>, as a double (it cannot wrap).</summary>
    public double Size(BitSet indices)
    {
        double size = 1;
        for (int w = 0; w < indices.WordCount; w++)
        {
            ulong word = indices.Word(w);
            while (word != 0)
            {
                size *= Sizes[(w << 6) + Bits.TrailingZeroCount(word)];
                word &= word - 1;
            }
        }

        return size;
    }

    /// <summary>
    /// The indices that the result of contracting the inputs in <paramref name="tensors"/> keeps: those among
    /// <paramref name="candidates"/> that are in the output or held by an input outside the set.
    /// </summary>
    public BitSet Legs(BitSet candidates, BitSet tensors)
    {
        var kept = new List<int>();
        foreach (int k in candidates.Ids())
        {
            if (Output.Contains(k) || !_tensorsOf[k].IsSubsetOf(tensors))
            {
                kept.Add(k);
            }
        }

        return BitSet.Of(IndexWords, kept);
    }

    /// <summary>The inputs that share an index with an input in <paramref name="tensors"/>, outside the set.</summary>
    public BitSet Neighbours(BitSet tensors, BitSet indices)
    {
        BitSet result = BitSet.Empty(TensorWords);
        foreach (int k in indices.Ids())
        {
            if (!Output.Contains(k))
            {
                result = result.Union(_tensorsOf[k]);
            }
        }

        return result.Except(tensors);
    }

    /// <summary>The labels of an index set, in id order.</summary>
    public IEnumerable<string> LabelsOf(BitSet indices) => indices.Ids().Select(k => Labels[k]);

    /// <summary>
    /// The network whose inputs are <paramref name="operands"/> (index sets of this network: inputs, or results of
    /// subtrees) and whose output is <paramref name="output"/>, for a search over its orders. Indices held by the same
    /// operands (and equally in or out of the output) are fused into one of their sizes' product: every order costs
    /// the same with them fused, and a subtree's frontier of a few operands then has a few indices however large its
    /// intermediates are. A product beyond 2⁶² is split over several fused indices. Labels are <c>f0</c>, <c>f1</c>, ...
    /// </summary>
    public ContractionNetwork Subnetwork(IReadOnlyList<BitSet> operands, BitSet output)
    {
        const long MaxFusedSize = 1L << 62;
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        BitSet all = operands.Aggregate(output, (union, operand) => union.Union(operand));
        foreach (int k in all.Ids())
        {
            string key = string.Concat(operands.Select(o => o.Contains(k) ? '1' : '0')) + (output.Contains(k) ? "+" : "-");
            if (!groups.TryGetValue(key, out List<int>? members))
            {
                groups[key] = members = new List<int>();
                order.Add(key);
            }

            members.Add(k);
        }

        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var fusedOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string key in order)
        {
            var labels = new List<string>();
            long product = 1;
            foreach (int k in groups[key])
            {
                if (labels.Count == 0 || (Sizes[k] != 0 && product > MaxFusedSize / Sizes[k]))
                {
                    labels.Add("f" + sizes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    product = 1;
                }

                product *= Sizes[k];
                sizes[labels[labels.Count - 1]] = product;
            }

            fusedOf[key] = labels;
        }

        var inputs = operands.Select((operand, position) => (IReadOnlyList<string>)order
            .Where(key => key[position] == '1').SelectMany(key => fusedOf[key]).ToList()).ToList();
        return new ContractionNetwork(inputs, order.Where(key => key[key.Length - 1] == '+').SelectMany(key => fusedOf[key]).ToList(), sizes);
    }

    /// <summary>Whether some index has size 0 (every cost is then 0, and scores say nothing).</summary>
    public bool HasEmptyIndex => Sizes.Any(s => s == 0);
}
