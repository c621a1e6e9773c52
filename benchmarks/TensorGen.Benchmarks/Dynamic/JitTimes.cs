using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Linq;

namespace TensorGen.Benchmarks.Dynamic;

/// <summary>
/// Which methods a first call JIT-compiles and how long each took, from the runtime's own events (MethodJittingStarted and
/// MethodLoadVerbose, JIT keyword) heard in process: the time between the two events of a method is its compilation.
/// Listening slows the JIT down a little, so <see cref="FirstCalls"/> times first calls without it and uses this only to
/// say where the JIT time goes (<c>first-calls b jit-times</c>).
/// </summary>
public sealed class JitTimes : EventListener
{
    private const EventKeywords JitKeyword = (EventKeywords)0x10;

    private readonly ConcurrentDictionary<ulong, DateTime> _started = new();
    private readonly ConcurrentQueue<(string Method, string Tier, DateTime Start, double Milliseconds)> _compiled = new();
    private DateTime _from = DateTime.MaxValue, _to = DateTime.MaxValue;

    /// <summary>Starts the window whose compilations <see cref="Report"/> lists (events arrive late, so they are sorted by their time stamps).</summary>
    public void Start() => _from = DateTime.UtcNow;

    /// <summary>Ends the window.</summary>
    public void Stop() => _to = DateTime.UtcNow;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, JitKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.Payload is null || e.PayloadNames is null)
        {
            return;
        }

        object? Field(string name) => e.PayloadNames.IndexOf(name) is int at && at >= 0 ? e.Payload[at] : null;
        if (Field("MethodID") is not ulong id)
        {
            return;
        }

        if (e.EventName?.StartsWith("MethodJittingStarted", StringComparison.Ordinal) == true)
        {
            _started[id] = e.TimeStamp.ToUniversalTime();
        }
        else if (e.EventName?.StartsWith("MethodLoadVerbose", StringComparison.Ordinal) == true && _started.TryRemove(id, out DateTime start))
        {
            // The optimization tier is in bits 7-9 of MethodFlags (TraceEvent's OptimizationTier).
            string tier = Field("MethodFlags") is uint flags ? TierName((flags >> 7) & 0x7) : "?";
            _compiled.Enqueue(($"{Field("MethodNamespace")}::{Field("MethodName")}", tier, start, (e.TimeStamp.ToUniversalTime() - start).TotalMilliseconds));
        }
    }

    /// <summary>The total, the count by tier, and the <paramref name="top"/> slowest methods.</summary>
    public IEnumerable<string> Report(int top)
    {
        var all = _compiled.Where(c => c.Start >= _from && c.Start <= _to).ToArray();
        string byTier = string.Join(", ", all.GroupBy(c => c.Tier)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count()} ({g.Sum(c => c.Milliseconds):F1} ms)")));
        yield return string.Create(CultureInfo.InvariantCulture,
            $"  JIT by the runtime's events: {all.Sum(c => c.Milliseconds):F1} ms for {all.Length} methods; {byTier}");
        foreach (var (method, tier, _, ms) in all.OrderByDescending(c => c.Milliseconds).Take(top))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"  {ms,8:F2} ms  {tier,-9} {method}");
        }
    }

    private static string TierName(uint tier) => tier switch
    {
        1 => "MinOpts",
        2 => "FullOpts",
        3 => "Tier0",
        4 => "Tier1",
        5 => "Tier1-OSR",
        6 => "Tier0-instr",
        7 => "Tier1-instr",
        _ => "unknown",
    };
}
