using System;
using System.Collections.Generic;
using System.Threading;

namespace TensorGen.Planning;

/// <summary>
/// The anytime hyper-optimizing planner for large networks (cotengra's <c>HyperOptimizer</c> and cotengrust's compiled
/// trials): it keeps improving its best tree until the budget is spent.
/// <list type="number">
/// <item><description>A quarter of the budget: random greedy trials (<see cref="HyperGreedyTrial"/>) whose cost modifier and
/// temperature are tuned by the results so far (<see cref="HyperParameterSampler"/>); a trial is abandoned as soon as it costs
/// more than the best tree.</description></item>
/// <item><description>The rest: rounds of simulated annealing over tree rotations from the best tree
/// (<see cref="TreeAnnealing"/>), each reheated, about 24 of them whatever the budget (slow cooling beats quick restarts); every
/// eighth round instead re-plans the best tree's subtrees exactly (<see cref="TreeReconfiguration"/>). Under a memory limit
/// the objective is the sliced cost: every tree is sliced to fit (<see cref="TreeSlicer"/>), and each round loosens the size
/// target and tightens it back to the limit while it re-slices, so that slices and tree are searched together (cotengra's
/// dynamic slicing).</description></item>
/// </list>
/// With <see cref="PlanningOptions.Parallelism"/> above 1 the same search runs on that many threads, each on its own
/// stream of the seed and with the whole budget (the cores run side by side); the best tree wins, ties to the lowest
/// thread, so the plan depends on the seed and the thread count only. Other objectives than FLOPs run the greedy trials
/// alone, scored on the tree.
/// </summary>
internal sealed class HyperPlanner : IContractionPlanner
{
    /// <summary>Work units per unit of <see cref="HyperGreedyTrial.Work"/> (calibrated with <see cref="PlanningBudget.UnitsPerSecond"/>).</summary>
    /// <remarks>Measured in CPU time on the development machine: about 120 million trial units a second.</remarks>
    internal const double TrialWorkScale = 0.375;

    /// <summary>Below this many inputs the exact searches are the better tool; the hyper search still runs if asked.</summary>
    private const int MinimumInputs = 3;

    public static HyperPlanner Instance { get; } = new();

    public ContractionTree Plan(ContractionNetwork network, PlanningOptions options)
    {
        var budget = new PlanningBudget(options.TimeLimit);
        ContractionTree greedy = GreedyPlanner.Run(network, GreedyTrial.Plain, null, out long work);
        budget.Spend(work);
        return Run(network, options, budget, greedy);
    }

    /// <summary>The best tree the search finds within <paramref name="budget"/>, never worse than <paramref name="start"/>.</summary>
    internal static ContractionTree Run(ContractionNetwork network, PlanningOptions options, PlanningBudget budget, ContractionTree start)
    {
        if (network.InputCount < MinimumInputs || network.HasEmptyIndex)
        {
            return start;
        }

        var arrays = new NetworkArrays(network);
        int threads = options.Parallelism;
        var workers = new Worker[threads];
        for (int w = 0; w < threads; w++)
        {
            workers[w] = new Worker(arrays, options, budget.Fork(1.0), w, arrays.PathOf(start));
        }

        if (threads == 1)
        {
            workers[0].Run();
        }
        else
        {
            var running = new Thread[threads];
            for (int w = 0; w < threads; w++)
            {
                running[w] = new Thread(workers[w].Run) { IsBackground = true, Name = "TensorGen planner " + w };
                running[w].Start();
            }

            foreach (Thread thread in running)
            {
                thread.Join();
            }
        }

        ContractionTree best = start;
        long spent = 0;
        foreach (Worker worker in workers)
        {
            spent = Math.Max(spent, worker.Budget.Work);
            if (worker.BestPath is { } path)
            {
                ContractionTree tree = arrays.TreeOf(path);
                if (options.MemoryLimit is { } limit && worker.BestSliced is { } sliced)
                {
                    tree.AdoptSlicing(sliced, limit);
                }

                if (tree.IsBetterThan(best, options))
                {
                    best = tree;
                }
            }
        }

        budget.Spend(spent);
        return best;
    }

    /// <summary>One thread's search, on its own stream of the seed.</summary>
    private sealed class Worker
    {
        private const double GreedyShare = 0.25;
        /// <summary>The fewest sweeps in an annealing round (short budgets, small networks).</summary>
        private const int MinimumSweeps = 60;

        /// <summary>The most sweeps in an annealing round.</summary>
        private const int MaximumSweeps = 20_000;

        /// <summary>
        /// About how many annealing rounds the budget left after the greedy trials is cut into. Slow cooling finds much better
        /// trees than many quick restarts (Sycamore m20 with 10 s of work on one thread: 10^18.17–18.31 with rounds of 60 sweeps,
        /// 10^18.04–18.05 with rounds of 2,000), so rounds lengthen with the budget instead of multiplying.
        /// </summary>
        private const int RoundsWanted = 24;
        private const int SlicingAttempts = 4;

        /// <summary>Annealing rounds per subtree reconfiguration of the best tree.</summary>
        private const int ReconfigureEvery = 8;

        /// <summary>The largest subtree re-planned exactly (3¹⁰ splits: about 2 ms of CPU a Sycamore node, 6.5 ms charged).</summary>
        private const int LargestSubtree = 10;

        /// <summary>Sliced cost over unsliced below which slicing counts as moderate (the unsliced tree is worth improving too).</summary>
        private const double ModerateSlicing = 2;

        /// <summary>Work units for setting up a tree or a round (allocations: about 20 µs), which small networks would not otherwise pay.</summary>
        private const long FixedWork = 1000;

        private readonly NetworkArrays _arrays;
        private readonly PlanningOptions _options;
        private readonly ulong _seed;
        private readonly SplitMix64 _slicingRandom;
        private readonly double _memoryLimit;
        private readonly bool _annealable;
        private readonly bool _sliced;
        private readonly List<(int Left, int Right)>? _start;
        private double _bestScore = double.PositiveInfinity;
        private List<(int Left, int Right)>? _bestUnslicedPath;
        private double _bestUnsliced = double.PositiveInfinity;
        private double _reconfigured = double.PositiveInfinity;
        private int _reconfigureSize;
        private double _reconfiguredUnsliced = double.PositiveInfinity;

        public Worker(NetworkArrays arrays, PlanningOptions options, PlanningBudget budget, int index, List<(int Left, int Right)>? start)
        {
            _arrays = arrays;
            _options = options;
            Budget = budget;
            _seed = options.Seed ^ ((ulong)(index + 1) * 0x9E3779B97F4A7C15UL);
            _slicingRandom = new SplitMix64(options.Seed ^ ((ulong)(index + 1) * 0xC2B2AE3D27D4EB4FUL));
            _memoryLimit = options.MemoryLimit ?? double.PositiveInfinity;
            _annealable = options.Objective == PlanningObjective.Flops;
            _sliced = options.MemoryLimit is not null;
            _start = start;
        }

        public PlanningBudget Budget { get; }

        public List<(int Left, int Right)>? BestPath { get; private set; }

        public BitSet? BestSliced { get; private set; }

        public void Run()
        {
            if (_start is not null)
            {
                // The tree to beat: it bounds the greedy trials and is annealed when none does better (under a memory limit,
                // unsliced as well as sliced).
                Consider(_start);
                if (_sliced)
                {
                    _bestUnslicedPath = _start;
                    _bestUnsliced = new AnnealingTree(_arrays, _start).TotalFlops;
                }
            }

            SearchGreedily(Budget.Slice(_annealable ? GreedyShare : 1.0));
            if (!_annealable || BestPath is null)
            {
                return;
            }

            var random = new SplitMix64(_seed ^ 0x5851F42D4C957F2DUL);
            int sweeps = (int)Math.Max(MinimumSweeps, Math.Min(MaximumSweeps,
                Budget.WorkLeft / ((double)TreeAnnealing.MoveWork * Math.Max(1, _arrays.InputCount - 1) * RoundsWanted)));
            for (int round = 0; !Budget.IsExhausted; round++)
            {
                // Reheat: early rounds explore more, later ones refine (log10 units of the total cost per move).
                double start = round % 3 == 0 ? 0.1 : round % 3 == 1 ? 0.03 : 0.01;
                Budget.Spend(FixedWork); // a round costs something even when it has nothing to anneal
                bool moderate = _sliced && _bestUnslicedPath is not null && _bestScore < ModerateSlicing * _bestUnsliced;
                if (round % ReconfigureEvery == ReconfigureEvery - 1)
                {
                    // Every few rounds the best tree's subtrees are re-planned exactly (and, while slicing is moderate, the best
                    // unsliced tree's too): the steps annealing's local moves cannot take.
                    Reconfigure();
                    if (moderate)
                    {
                        ReconfigureUnsliced();
                    }

                    continue;
                }

                if (moderate && round % 2 == 0)
                {
                    // Under a memory limit that slicing meets cheaply, every other round improves the best unsliced tree, whose
                    // slicing is then scored: with moderate slicing the best sliced tree is usually a sliced good tree. (Under a
                    // tight limit the best unsliced trees slice badly, and every round anneals the sliced tree.)
                    var free = new AnnealingTree(_arrays, _bestUnslicedPath!);
                    List<(int Left, int Right)>? better = TreeAnnealing.Anneal(free, _arrays, random, start, 1e-4, sweeps,
                        double.PositiveInfinity, double.PositiveInfinity, Budget, ref _bestUnsliced, out _);
                    _options.Progress?.AddTrials(1);
                    if (better is not null)
                    {
                        _bestUnslicedPath = better;
                        Consider(better);
                    }

                    continue;
                }

                // The best tree, annealed; under a memory limit with its slices searched as it changes: every fourth round
                // loosens the size target by 2..2^3 and tightens it back to the limit while re-slicing.
                AnnealingTree tree = BestTree();
                double target = !_sliced || round % 4 != 3 ? _memoryLimit : _memoryLimit * Math.Pow(2, 1 + (int)(random.NextUInt64() % 3));
                double best = _bestScore;
                List<(int Left, int Right)>? path = TreeAnnealing.Anneal(tree, _arrays, random, start, 1e-4, sweeps, _memoryLimit, target, Budget,
                    ref best, out BitSet? slices);
                _options.Progress?.AddTrials(1);
                if (path is not null)
                {
                    Consider(path, slices);
                }
            }
        }

        /// <summary>The best tree so far, with its slices.</summary>
        private AnnealingTree BestTree()
        {
            var tree = new AnnealingTree(_arrays, BestPath!);
            if (BestSliced is not null)
            {
                tree.Slice(BestSliced);
            }

            return tree;
        }

        /// <summary>
        /// Subtree reconfiguration of the best tree (sliced as it is, the re-planned intermediates within the limit), sweeps
        /// repeated while they gain. A tree already reconfigured is tried again with larger subtrees, up to
        /// <see cref="LargestSubtree"/>; a new best tree starts again from <see cref="SubtreeReconfiguration.DefaultSubtreeSize"/>.
        /// </summary>
        private void Reconfigure()
        {
            _reconfigureSize = _bestScore < _reconfigured ? SubtreeReconfiguration.DefaultSubtreeSize : _reconfigureSize + 2;
            if (_reconfigureSize > LargestSubtree)
            {
                return;
            }

            AnnealingTree tree = BestTree();
            Budget.Spend(FixedWork);
            while (TreeReconfiguration.Sweep(tree, _arrays, _reconfigureSize, _memoryLimit, Budget) && !Budget.IsExhausted)
            {
            }

            _options.Progress?.AddTrials(1);
            if (_sliced)
            {
                // Re-planned subtrees may no longer need every slice.
                Budget.Spend(TreeSlicer.Slice(tree, _arrays, _memoryLimit, fromScratch: false));
            }

            if (tree.TotalFlops < _bestScore)
            {
                Adopt(tree.ToPath(), tree.TotalFlops, _sliced ? tree.Sliced : null);
            }

            _reconfigured = _bestScore;
        }

        /// <summary>Subtree reconfiguration of the best unsliced tree (moderate slicing), whose slicing is then scored.</summary>
        private void ReconfigureUnsliced()
        {
            if (_bestUnsliced >= _reconfiguredUnsliced)
            {
                return;
            }

            var tree = new AnnealingTree(_arrays, _bestUnslicedPath!);
            Budget.Spend(FixedWork);
            while (TreeReconfiguration.Sweep(tree, _arrays, SubtreeReconfiguration.DefaultSubtreeSize, double.PositiveInfinity, Budget) && !Budget.IsExhausted)
            {
            }

            if (tree.TotalFlops < _bestUnsliced)
            {
                _bestUnsliced = tree.TotalFlops;
                _bestUnslicedPath = tree.ToPath();
                Consider(_bestUnslicedPath);
            }

            _reconfiguredUnsliced = _bestUnsliced;
        }

        private void SearchGreedily(PlanningBudget budget)
        {
            var trial = new HyperGreedyTrial(_arrays);
            var sampler = new HyperParameterSampler(new SplitMix64(_seed));
            for (ulong r = 0; r == 0 || !budget.IsExhausted; r++)
            {
                // Trial 0 is greedy with cotengra's default cost modifier; the rest sample. A trial stops once it costs more than
                // the best tree (sliced, under a memory limit: slicing never lowers a cost, so it could not win).
                var (costModifier, temperature) = r == 0 ? (1.0, 0.0) : sampler.Next();
                var random = new SplitMix64(_seed + ((r + 1) * 0xD1B54A32D192ED03UL));
                double bound = _annealable ? _bestScore : double.PositiveInfinity;
                double flops = trial.Run(costModifier, temperature, random, bound);
                budget.Spend((long)(trial.Work * TrialWorkScale));
                double score = flops;
                if (!double.IsInfinity(flops))
                {
                    if (_sliced && flops < _bestUnsliced)
                    {
                        _bestUnsliced = flops;
                        _bestUnslicedPath = new List<(int Left, int Right)>(trial.Path);
                    }

                    score = Consider(trial.Path);
                }

                sampler.Report(costModifier, Math.Max(temperature, 1e-3), score);
                _options.Progress?.AddTrials(1);
            }
        }

        /// <summary>
        /// Scores a finished tree (sliced to the limit when there is one: greedily, a few sampled ways, and as
        /// <paramref name="slices"/> when the search that made the tree sliced it) and keeps it when it is the best; its score.
        /// </summary>
        private double Consider(List<(int Left, int Right)> path, BitSet? slices = null)
        {
            double score;
            BitSet? sliced = null;
            Budget.Spend(FixedWork + ((long)_arrays.InputCount * (_arrays.IndexWords + _arrays.TensorWords)));
            if (_annealable)
            {
                var tree = new AnnealingTree(_arrays, path);
                if (_sliced)
                {
                    Budget.Spend(TreeSlicer.Slice(tree, _arrays, _memoryLimit));
                }

                score = tree.TotalFlops;
                sliced = tree.Sliced;
                if (_sliced && slices is not null)
                {
                    tree.Slice(slices);
                    Budget.Spend(TreeSlicer.Slice(tree, _arrays, _memoryLimit, fromScratch: false));
                    if (tree.TotalFlops < score)
                    {
                        (score, sliced) = (tree.TotalFlops, tree.Sliced);
                    }
                }

                if (_sliced && score < 2 * _bestScore)
                {
                    // A contender: a few sampled slicings of the same tree, as greedy slicing is myopic.
                    for (int attempt = 0; attempt < SlicingAttempts; attempt++)
                    {
                        Budget.Spend(TreeSlicer.Slice(tree, _arrays, _memoryLimit, fromScratch: true, _slicingRandom));
                        if (tree.TotalFlops < score)
                        {
                            (score, sliced) = (tree.TotalFlops, tree.Sliced);
                        }
                    }
                }
            }
            else
            {
                score = _arrays.TreeOf(path).EffectiveScore(_options).Primary;
            }

            if (score < _bestScore)
            {
                Adopt(path, score, sliced);
            }

            return score;
        }

        /// <summary>Keeps <paramref name="path"/> (sliced as <paramref name="sliced"/>) as the best tree.</summary>
        private void Adopt(List<(int Left, int Right)> path, double score, BitSet? sliced)
        {
            _bestScore = score;
            BestPath = new List<(int Left, int Right)>(path);
            BestSliced = sliced;
            _options.Progress?.Report(score);
        }
    }
}
