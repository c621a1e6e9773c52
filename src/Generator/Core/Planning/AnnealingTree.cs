using System;
using System.Collections.Generic;

namespace TensorGen.Planning;

/// <summary>
/// A contraction tree in flat arrays that can be changed in place by local moves, for simulated annealing (Kalachev,
/// Panteleev and Yung, arXiv:2108.05665, §3; cotengra's <c>simulated_anneal_tree</c>). A rotation turns
/// ((x, y), c) into ((x, c), y): only the inner node's result changes, so a move costs a few set operations and its
/// change of cost is exact. Costs are one slice's: within a slice the sliced indices are fixed, so no step loops over
/// them; the total is that times the slice count. Leaves are the inputs with dangling indices summed out
/// (<see cref="NetworkArrays"/>).
/// </summary>
internal sealed class AnnealingTree
{
    private readonly NetworkArrays _arrays;
    private readonly ContractionNetwork _network;
    private readonly int _iw;
    private readonly int _tw;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly int[] _parent;
    private readonly ulong[] _legs;
    private readonly ulong[] _tensors;
    private readonly double[] _cost;
    private readonly double[] _size;
    private readonly ulong[] _involved;
    private readonly ulong[] _sliced;
    private readonly ulong[][] _holders;

    /// <summary>The tree of an SSA path (as <see cref="HyperGreedyTrial.Path"/>), nothing sliced.</summary>
    public AnnealingTree(NetworkArrays arrays, IReadOnlyList<(int Left, int Right)> path)
    {
        _arrays = arrays;
        _network = arrays.Network;
        _iw = arrays.IndexWords;
        _tw = arrays.TensorWords;
        int n = arrays.InputCount;
        int nodes = Math.Max(1, (2 * n) - 1);
        _left = new int[nodes];
        _right = new int[nodes];
        _parent = new int[nodes];
        _legs = new ulong[nodes * _iw];
        _involved = new ulong[nodes * _iw];
        _tensors = new ulong[nodes * _tw];
        _cost = new double[nodes];
        _size = new double[nodes];
        _sliced = new ulong[_iw];
        _holders = new ulong[arrays.IndexCount][];
        for (int k = 0; k < arrays.IndexCount; k++)
        {
            var words = new ulong[_tw];
            foreach (int t in arrays.Holders[k])
            {
                words[t >> 6] |= 1UL << (t & 63);
            }

            _holders[k] = words;
        }

        for (int v = 0; v < nodes; v++)
        {
            _left[v] = _right[v] = _parent[v] = -1;
        }

        for (int t = 0; t < n; t++)
        {
            foreach (int k in arrays.Legs[t])
            {
                _legs[(t * _iw) + (k >> 6)] |= 1UL << (k & 63);
            }

            _tensors[(t * _tw) + (t >> 6)] |= 1UL << (t & 63);
        }

        for (int s = 0; s < path.Count; s++)
        {
            int v = n + s;
            _left[v] = path[s].Left;
            _right[v] = path[s].Right;
            _parent[path[s].Left] = v;
            _parent[path[s].Right] = v;
        }

        Root = nodes - 1;
        for (int v = n; v < nodes; v++)
        {
            Update(v);
        }
    }

    public int Root { get; private set; }

    public int NodeCount => _left.Length;

    /// <summary>The slice count: the product of the sliced indices' sizes.</summary>
    public double SliceCount { get; private set; } = 1;

    /// <summary>The sum of one slice's step costs (the unary sum-outs at the leaves not included).</summary>
    public double SliceFlops
    {
        get
        {
            double sum = 0;
            for (int v = _arrays.InputCount; v < _cost.Length; v++)
            {
                sum += _cost[v];
            }

            return sum;
        }
    }

    /// <summary>The total cost, all slices and the leaves' unary sum-outs included (opt_einsum's units).</summary>
    public double TotalFlops => (SliceFlops * SliceCount) + (_arrays.UnaryFlops * SliceCount);

    /// <summary>The largest intermediate of one slice, the root (the output) excluded.</summary>
    public double Peak
    {
        get
        {
            double peak = 0;
            for (int v = _arrays.InputCount; v < _cost.Length; v++)
            {
                if (v != Root)
                {
                    peak = Math.Max(peak, _size[v]);
                }
            }

            return peak;
        }
    }

    public bool IsLeaf(int v) => v < _arrays.InputCount;

    /// <summary>One slice's cost of the step that makes node <paramref name="v"/>.</summary>
    public double CostOf(int v) => _cost[v];

    /// <summary>One slice's size of node <paramref name="v"/>'s result.</summary>
    public double SizeOf(int v) => _size[v];

    /// <summary>The sliced indices.</summary>
    public BitSet Sliced => BitSet.Of(_iw, Ids(_sliced, 0));

    /// <summary>Slices <paramref name="sliced"/> (replacing what was sliced) and recounts every cost.</summary>
    public void Slice(BitSet sliced)
    {
        SliceCount = 1;
        for (int w = 0; w < _iw; w++)
        {
            _sliced[w] = sliced.Word(w);
        }

        foreach (int k in sliced.Ids())
        {
            SliceCount *= _arrays.Sizes[k];
        }

        for (int v = _arrays.InputCount; v < _cost.Length; v++)
        {
            Recost(v);
        }
    }

    /// <summary>Slices index <paramref name="k"/> as well, recounting the steps that loop over it.</summary>
    public void AddSlice(int k) => SetSlice(k, true);

    /// <summary>Stops slicing index <paramref name="k"/>, recounting the steps that loop over it.</summary>
    public void RemoveSlice(int k) => SetSlice(k, false);

    /// <summary>Marks in <paramref name="candidates"/> the unsliced indices of every intermediate over <paramref name="limit"/>; whether there was one.</summary>
    public bool MarkOversized(double limit, bool[] candidates)
    {
        bool over = false;
        for (int v = _arrays.InputCount; v < _cost.Length; v++)
        {
            if (v == Root || _size[v] <= limit)
            {
                continue;
            }

            over = true;
            for (int w = 0; w < _iw; w++)
            {
                ulong word = _legs[(v * _iw) + w] & ~_sliced[w];
                while (word != 0)
                {
                    candidates[(w << 6) + Bits.TrailingZeroCount(word)] = true;
                    word &= word - 1;
                }
            }
        }

        return over;
    }

    /// <summary>Adds to <paramref name="through"/>[k] one slice's cost of every step that loops over unsliced index k; one slice's total.</summary>
    public double AccumulateThrough(double[] through)
    {
        double total = 0;
        for (int v = _arrays.InputCount; v < _cost.Length; v++)
        {
            double cost = _cost[v];
            total += cost;
            for (int w = 0; w < _iw; w++)
            {
                ulong word = _involved[(v * _iw) + w] & ~_sliced[w];
                while (word != 0)
                {
                    through[(w << 6) + Bits.TrailingZeroCount(word)] += cost;
                    word &= word - 1;
                }
            }
        }

        return total;
    }

    /// <summary>Sets <paramref name="needs"/>[k], for each sliced index k, to the largest intermediate there would be without slicing it.</summary>
    public void MeasureUnslicing(double[] needs)
    {
        for (int v = _arrays.InputCount; v < _cost.Length; v++)
        {
            if (v == Root)
            {
                continue;
            }

            for (int w = 0; w < _iw; w++)
            {
                ulong word = _legs[(v * _iw) + w] & _sliced[w];
                while (word != 0)
                {
                    int k = (w << 6) + Bits.TrailingZeroCount(word);
                    word &= word - 1;
                    needs[k] = Math.Max(needs[k], _size[v] * _arrays.Sizes[k]);
                }
            }
        }
    }

    /// <summary>Whether <paramref name="k"/> is sliced.</summary>
    public bool IsSliced(int k) => (_sliced[k >> 6] & (1UL << (k & 63))) != 0;

    private void SetSlice(int k, bool on)
    {
        ulong bit = 1UL << (k & 63);
        if (((_sliced[k >> 6] & bit) != 0) == on)
        {
            return;
        }

        _sliced[k >> 6] ^= bit;
        SliceCount = on ? SliceCount * _arrays.Sizes[k] : SliceCount / _arrays.Sizes[k];
        for (int v = _arrays.InputCount; v < _cost.Length; v++)
        {
            if ((_involved[(v * _iw) + (k >> 6)] & bit) != 0)
            {
                Recost(v);
            }
        }
    }

    /// <summary>Whether <paramref name="k"/> is among node <paramref name="v"/>'s involved indices (its step loops over it, sliced or not).</summary>
    public bool Involves(int v, int k) => (_involved[(v * _iw) + (k >> 6)] & (1UL << (k & 63))) != 0;

    /// <summary>The indices of node <paramref name="v"/>'s result that are not sliced.</summary>
    public IEnumerable<int> UnslicedLegs(int v)
    {
        for (int w = 0; w < _iw; w++)
        {
            ulong word = _legs[(v * _iw) + w] & ~_sliced[w];
            while (word != 0)
            {
                yield return (w << 6) + Bits.TrailingZeroCount(word);
                word &= word - 1;
            }
        }
    }

    /// <summary>Node <paramref name="v"/>'s children (−1 for a leaf).</summary>
    public (int Left, int Right) ChildrenOf(int v) => (_left[v], _right[v]);

    /// <summary>
    /// Makes internal node <paramref name="v"/> the contraction of <paramref name="left"/> and <paramref name="right"/> and recounts
    /// it (its children must be up to date): the step by which a re-planned subtree is put in place.
    /// </summary>
    public void Join(int v, int left, int right)
    {
        _left[v] = left;
        _right[v] = right;
        _parent[left] = v;
        _parent[right] = v;
        Update(v);
    }

    /// <summary>The unsliced indices of node <paramref name="v"/>'s result, as a set.</summary>
    public BitSet UnslicedLegSet(int v) => BitSet.Of(_iw, UnslicedLegs(v));

    /// <summary>The internal nodes, children before parents.</summary>
    public List<int> InternalNodesBottomUp()
    {
        var order = new List<int>(_left.Length - _arrays.InputCount);
        var stack = new Stack<(int Node, bool Expanded)>();
        stack.Push((Root, false));
        while (stack.Count > 0)
        {
            var (v, expanded) = stack.Pop();
            if (IsLeaf(v))
            {
                continue;
            }

            if (expanded)
            {
                order.Add(v);
                continue;
            }

            stack.Push((v, true));
            stack.Push((_right[v], false));
            stack.Push((_left[v], false));
        }

        return order;
    }

    /// <summary>The indices node <paramref name="v"/>'s step loops over, sliced ones included.</summary>
    public IEnumerable<int> InvolvedIndices(int v) => Ids(_involved, v * _iw);

    /// <summary>
    /// Tries the rotation at internal node <paramref name="p"/> given by <paramref name="choice"/> (bit 0: which child is
    /// opened, bit 1: which grandchild moves up). Returns the change of one slice's cost, the move made (take it back with
    /// <see cref="Undo"/>); or NaN, nothing changed, when the move does not apply (that child is a leaf) or would make an
    /// intermediate exceed <paramref name="memoryLimit"/>.
    /// </summary>
    public double Rotate(int p, int choice, double memoryLimit, out Move move)
    {
        move = default;
        int a = (choice & 1) == 0 ? _left[p] : _right[p];
        int c = (choice & 1) == 0 ? _right[p] : _left[p];
        if (IsLeaf(a))
        {
            return double.NaN;
        }

        // ((x, y), c) → ((x, c), y): y goes up to p, c comes down into a.
        int y = (choice & 2) == 0 ? _right[a] : _left[a];
        double before = _cost[a] + _cost[p];
        move = new Move(p, a, c, y);
        Swap(a, y, c);
        Swap(p, c, y);
        _parent[y] = p;
        _parent[c] = a;
        Update(a);
        Update(p);
        if (_size[a] > memoryLimit)
        {
            Undo(move);
            return double.NaN;
        }

        return _cost[a] + _cost[p] - before;
    }

    /// <summary>Takes back the last <see cref="Rotate"/> at that move.</summary>
    public void Undo(Move move)
    {
        Swap(move.Inner, move.Down, move.Up);
        Swap(move.Top, move.Up, move.Down);
        _parent[move.Down] = move.Top;
        _parent[move.Up] = move.Inner;
        Update(move.Inner);
        Update(move.Top);
    }

    /// <summary>The SSA path of the tree, children before parents.</summary>
    public List<(int Left, int Right)> ToPath()
    {
        int n = _arrays.InputCount;
        var path = new List<(int, int)>(n);
        var ssa = new int[_left.Length];
        for (int t = 0; t < n; t++)
        {
            ssa[t] = t;
        }

        foreach (int v in InternalNodesBottomUp())
        {
            ssa[v] = n + path.Count;
            path.Add((ssa[_left[v]], ssa[_right[v]]));
        }

        return path;
    }

    private void Swap(int node, int from, int to)
    {
        if (_left[node] == from)
        {
            _left[node] = to;
        }
        else
        {
            _right[node] = to;
        }
    }

    /// <summary>Recomputes node <paramref name="v"/>'s tensors, involved indices, result indices and cost from its children.</summary>
    private void Update(int v)
    {
        int l = _left[v], r = _right[v];
        for (int w = 0; w < _tw; w++)
        {
            _tensors[(v * _tw) + w] = _tensors[(l * _tw) + w] | _tensors[(r * _tw) + w];
        }

        for (int w = 0; w < _iw; w++)
        {
            ulong left = _legs[(l * _iw) + w], right = _legs[(r * _iw) + w];
            ulong legs = left | right;
            _involved[(v * _iw) + w] = legs;
            // Only an index both children keep can close here: it closes when every input holding it is below v.
            ulong shared = left & right;
            while (shared != 0)
            {
                int k = (w << 6) + Bits.TrailingZeroCount(shared);
                shared &= shared - 1;
                if (!_arrays.IsOutput[k] && Below(k, v))
                {
                    legs &= ~(1UL << (k & 63));
                }
            }

            _legs[(v * _iw) + w] = legs;
        }

        Recost(v);
    }

    private bool Below(int k, int v)
    {
        ulong[] holders = _holders[k];
        for (int w = 0; w < _tw; w++)
        {
            if ((holders[w] & ~_tensors[(v * _tw) + w]) != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One slice's cost and result size of node <paramref name="v"/>, from its involved and result indices.</summary>
    private void Recost(int v)
    {
        double involved = 1, size = 1;
        bool sums = false;
        for (int w = 0; w < _iw; w++)
        {
            ulong loop = _involved[(v * _iw) + w] & ~_sliced[w];
            ulong kept = _legs[(v * _iw) + w] & ~_sliced[w];
            sums |= (loop & ~kept) != 0;
            while (loop != 0)
            {
                int k = (w << 6) + Bits.TrailingZeroCount(loop);
                loop &= loop - 1;
                involved *= _arrays.Sizes[k];
            }

            while (kept != 0)
            {
                int k = (w << 6) + Bits.TrailingZeroCount(kept);
                kept &= kept - 1;
                size *= _arrays.Sizes[k];
            }
        }

        _cost[v] = CostModel.StepFlops(involved, 2, sums);
        _size[v] = size;
    }

    private IEnumerable<int> Ids(ulong[] words, int offset)
    {
        for (int w = 0; w < _iw; w++)
        {
            ulong word = words[offset + w];
            while (word != 0)
            {
                yield return (w << 6) + Bits.TrailingZeroCount(word);
                word &= word - 1;
            }
        }
    }

    /// <summary>A rotation made, to take back.</summary>
    internal readonly struct Move
    {
        public Move(int top, int inner, int down, int up)
        {
            Top = top;
            Inner = inner;
            Down = down;
            Up = up;
        }

        public int Top { get; }

        public int Inner { get; }

        public int Down { get; }

        public int Up { get; }
    }
}
