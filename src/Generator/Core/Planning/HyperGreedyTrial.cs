using System;
using System.Collections.Generic;

namespace TensorGen.Planning;

/// <summary>
/// One trial of cotengra's hyper-optimized random greedy (<c>cotengra.pathfinders.path_basic</c>, and cotengrust's
/// <c>optimize_greedy</c>): repeatedly contract the pair of operands sharing an index with the lowest score
/// size(result)/costmod − costmod·(size(left) + size(right)), the score noised by temperature × a Gumbel deviate on a log scale
/// (so that a trial samples orders near greedy's), then multiply out what shares no index, smallest first. A trial stops
/// as soon as its running cost passes a bound (the best tree's cost so far: it can no longer win). Arrays are reused from
/// trial to trial; one instance serves one thread.
/// </summary>
internal sealed class HyperGreedyTrial
{
    private readonly NetworkArrays _arrays;
    private readonly int[][] _legs;
    private readonly double[] _size;
    private readonly bool[] _alive;
    private readonly List<int>[] _holders;
    private readonly int[] _seen;
    private readonly MinHeap<Candidate> _queue = new(Candidate.Compare);
    private readonly List<int> _merged = new();
    private int _stamp;

    /// <summary>A trial's fixed cost in <see cref="Work"/> units (clearing and allocating: tens of microseconds on small networks).</summary>
    private const long TrialOverhead = 2000;

    public HyperGreedyTrial(NetworkArrays arrays)
    {
        _arrays = arrays;
        int nodes = (2 * arrays.InputCount) + 1;
        _legs = new int[nodes][];
        _size = new double[nodes];
        _alive = new bool[nodes];
        _seen = new int[nodes];
        _holders = new List<int>[arrays.IndexCount];
        for (int k = 0; k < _holders.Length; k++)
        {
            _holders[k] = new List<int>(2);
        }
    }

    /// <summary>The SSA path of the last trial that completed (see <see cref="NetworkArrays.TreeOf"/>).</summary>
    public List<(int Left, int Right)> Path { get; } = new();

    /// <summary>Work units of the last trial (one per candidate scored and per index merged; see <see cref="PlanningBudget"/>).</summary>
    public long Work { get; private set; }

    /// <summary>
    /// Runs one trial; the cost of its tree in opt_einsum's units, or +∞ when the running cost passed <paramref name="bound"/>
    /// (the trial was abandoned). A temperature of 0 is plain greedy with cotengra's cost modifier.
    /// </summary>
    public double Run(double costModifier, double temperature, SplitMix64 random, double bound)
    {
        int n = _arrays.InputCount;
        Path.Clear();
        _queue.Clear();
        Work = TrialOverhead + n + _holders.Length; // setting up costs something, however small the network
        foreach (List<int> h in _holders)
        {
            h.Clear();
        }

        for (int t = 0; t < n; t++)
        {
            _legs[t] = _arrays.Legs[t];
            _size[t] = SizeOf(_legs[t]);
            _alive[t] = true;
            foreach (int k in _legs[t])
            {
                _holders[k].Add(t);
            }
        }

        int next = n;
        double flops = _arrays.UnaryFlops;
        for (int t = 0; t < n; t++)
        {
            PushNeighbours(t, costModifier, temperature, random);
        }

        while (_queue.Count > 0)
        {
            Candidate c = _queue.Pop();
            if (!_alive[c.Left] || !_alive[c.Right])
            {
                continue;
            }

            flops += Contract(c.Left, c.Right, next);
            if (flops > bound)
            {
                return double.PositiveInfinity;
            }

            PushNeighbours(next, costModifier, temperature, random);
            next++;
        }

        // What is left shares no index (or only output indices): outer products, smallest operands first.
        var rest = new MinHeap<(double Size, int Node)>((a, b) => a.Size != b.Size ? a.Size.CompareTo(b.Size) : a.Node.CompareTo(b.Node));
        for (int v = 0; v < next; v++)
        {
            if (_alive[v])
            {
                rest.Push((_size[v], v));
            }
        }

        while (rest.Count > 1)
        {
            int a = rest.Pop().Node, b = rest.Pop().Node;
            flops += Contract(a, b, next);
            rest.Push((_size[next], next));
            next++;
        }

        return flops > bound ? double.PositiveInfinity : flops;
    }

    /// <summary>Contracts nodes <paramref name="a"/> and <paramref name="b"/> into node <paramref name="made"/>; the step's cost.</summary>
    private double Contract(int a, int b, int made)
    {
        int[] left = _legs[a], right = _legs[b];
        _merged.Clear();
        double involved = 1;
        bool sums = false;
        int i = 0, j = 0;
        while (i < left.Length || j < right.Length)
        {
            int k;
            bool shared = false;
            if (j >= right.Length || (i < left.Length && left[i] < right[j]))
            {
                k = left[i++];
            }
            else if (i >= left.Length || right[j] < left[i])
            {
                k = right[j++];
            }
            else
            {
                k = left[i++];
                j++;
                shared = true;
            }

            involved *= _arrays.Sizes[k];
            List<int> holders = _holders[k];
            holders.Remove(a);
            holders.Remove(b);
            // An index both hold closes when no other operand holds it and the output lacks it.
            if (shared && holders.Count == 0 && !_arrays.IsOutput[k])
            {
                sums = true;
                continue;
            }

            holders.Add(made);
            _merged.Add(k);
        }

        Work += left.Length + right.Length;
        _legs[made] = _merged.ToArray();
        _size[made] = SizeOf(_legs[made]);
        _alive[a] = _alive[b] = false;
        _alive[made] = true;
        Path.Add((a, b));
        return CostModel.StepFlops(involved, 2, sums);
    }

    private void PushNeighbours(int node, double costModifier, double temperature, SplitMix64 random)
    {
        _stamp++;
        _seen[node] = _stamp;
        foreach (int k in _legs[node])
        {
            if (_arrays.IsOutput[k])
            {
                continue;
            }

            foreach (int other in _holders[k])
            {
                if (_seen[other] == _stamp)
                {
                    continue;
                }

                _seen[other] = _stamp;
                _queue.Push(new Candidate(Score(node, other, costModifier, temperature, random), Math.Min(node, other), Math.Max(node, other)));
            }
        }
    }

    /// <summary>cotengra's local score: size(result)/costmod − costmod·(sizes of the operands), log-scaled and Gumbel-noised when sampling.</summary>
    private double Score(int a, int b, double costModifier, double temperature, SplitMix64 random)
    {
        Work += _legs[a].Length + _legs[b].Length;
        double result = 1;
        int[] left = _legs[a], right = _legs[b];
        int i = 0, j = 0;
        while (i < left.Length || j < right.Length)
        {
            if (j >= right.Length || (i < left.Length && left[i] < right[j]))
            {
                result *= _arrays.Sizes[left[i++]];
            }
            else if (i >= left.Length || right[j] < left[i])
            {
                result *= _arrays.Sizes[right[j++]];
            }
            else
            {
                int k = left[i++];
                j++;
                if (_holders[k].Count > 2 || _arrays.IsOutput[k])
                {
                    result *= _arrays.Sizes[k];
                }
            }
        }

        // cotengrust's form: size(ab)/costmod − costmod·(size(a) + size(b)).
        double score = (result / costModifier) - (costModifier * (_size[a] + _size[b]));
        if (temperature <= 0)
        {
            return score;
        }

        double scaled = score > 0 ? Math.Log(score) : score < 0 ? -Math.Log(-score) : 0;
        double u = 1.0 - random.NextDouble();
        return scaled - (temperature * -Math.Log(-Math.Log(u + 1e-300) + 1e-300));
    }

    private double SizeOf(int[] legs)
    {
        double size = 1;
        foreach (int k in legs)
        {
            size *= _arrays.Sizes[k];
        }

        return size;
    }

    /// <summary>A pair to contract; lowest score first, then the lower ids (deterministic ties).</summary>
    private readonly struct Candidate
    {
        public Candidate(double score, int left, int right)
        {
            Score = score;
            Left = left;
            Right = right;
        }

        public double Score { get; }

        public int Left { get; }

        public int Right { get; }

        public static int Compare(Candidate a, Candidate b)
        {
            int score = a.Score.CompareTo(b.Score);
            return score != 0 ? score : a.Left != b.Left ? a.Left.CompareTo(b.Left) : a.Right.CompareTo(b.Right);
        }
    }
}
