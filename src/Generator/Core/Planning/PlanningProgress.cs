using System.Threading;

namespace TensorGen.Planning;

/// <summary>
/// What a long search has found so far, for a progress display (the CLI's stderr): the best score any worker reached
/// and the number of trials run. Workers write it from their threads; it never steers the search, which stays
/// deterministic.
/// </summary>
internal sealed class PlanningProgress
{
    private readonly object _gate = new();
    private double _best = double.PositiveInfinity;
    private long _trials;

    /// <summary>The best score reported so far (+∞ before the first).</summary>
    public double Best
    {
        get
        {
            lock (_gate)
            {
                return _best;
            }
        }
    }

    /// <summary>Greedy trials and annealing sweeps run so far.</summary>
    public long Trials => Interlocked.Read(ref _trials);

    public void Report(double score)
    {
        lock (_gate)
        {
            if (score < _best)
            {
                _best = score;
            }
        }
    }

    public void AddTrials(long count) => Interlocked.Add(ref _trials, count);
}
