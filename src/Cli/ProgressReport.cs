using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using TensorGen.Planning;

namespace TensorGen.Cli;

/// <summary>
/// Progress of a long search on stderr, once a second: elapsed time, best cost so far (log10 of opt_einsum's units) and
/// trials per second. Searches of <see cref="MinimumSeconds"/> or less print nothing, so short plans keep stderr clean.
/// </summary>
internal sealed class ProgressReport : IDisposable
{
    private const double MinimumSeconds = 3;
    private readonly Timer? _timer;
    private readonly object _gate = new();
    private bool _stopped;

    private ProgressReport(PlanningProgress progress, Stopwatch clock, TextWriter error, bool enabled)
    {
        if (!enabled)
        {
            return;
        }

        long lastTrials = 0;
        double lastSeconds = 0;
        _timer = new Timer(_ =>
        {
            lock (_gate)
            {
                if (_stopped)
                {
                    return;
                }

                double seconds = clock.Elapsed.TotalSeconds;
                long trials = progress.Trials;
                double rate = (trials - lastTrials) / Math.Max(1e-9, seconds - lastSeconds);
                (lastTrials, lastSeconds) = (trials, seconds);
                double best = progress.Best;
                string cost = double.IsInfinity(best) ? "-" : Math.Log10(best).ToString("0.000", CultureInfo.InvariantCulture);
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"tensorgen plan: {seconds,6:0.0} s  best log10(flops) {cost}  {rate,8:0} trials/s"));
            }
        }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    public static ProgressReport Start(PlanningProgress progress, TimeSpan timeLimit, Stopwatch clock, TextWriter error) =>
        new(progress, clock, error, timeLimit.TotalSeconds > MinimumSeconds);

    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
        }

        _timer?.Dispose();
    }
}
