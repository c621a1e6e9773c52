using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace TensorGen.Cli.Measurement;

/// <summary>
/// Median time per call: a warm-up call (first-call costs — JIT, planning, binding — are not what is measured), then samples
/// of at least <see cref="SampleSeconds"/> each (short calls repeated inside a sample) until the budget is spent or
/// <see cref="MaxSamples"/> are taken; at least three samples whatever the budget — unless the first call alone took the
/// whole budget, which is then the measurement (a naive loop of seconds: its first-call costs are negligible).
/// </summary>
internal static class Timing
{
    private const double SampleSeconds = 2e-3;
    private const int MaxSamples = 41;

    public static double MedianSeconds(Action call, double budgetSeconds)
    {
        var clock = Stopwatch.StartNew();
        call();
        if (clock.Elapsed.TotalSeconds >= budgetSeconds)
        {
            return clock.Elapsed.TotalSeconds;
        }

        clock.Restart();
        call();
        double once = Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
        int inner = (int)Math.Clamp(Math.Ceiling(SampleSeconds / once), 1, 1_000_000);
        var samples = new List<double>();
        var total = Stopwatch.StartNew();
        while (samples.Count < 3 || (samples.Count < MaxSamples && total.Elapsed.TotalSeconds < budgetSeconds))
        {
            clock.Restart();
            for (int i = 0; i < inner; i++)
            {
                call();
            }

            samples.Add(clock.Elapsed.TotalSeconds / inner);
        }

        samples.Sort();
        return samples[samples.Count / 2];
    }
}
