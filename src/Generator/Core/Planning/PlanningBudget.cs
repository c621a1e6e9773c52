using System;
using System.Diagnostics;

namespace TensorGen.Planning;

/// <summary>
/// How much search a planner may still do. Work is counted in units (one candidate pair examined by the exact
/// search, one split by the subset search; a greedy run is charged by its size) and the work limit is the time
/// limit × <see cref="UnitsPerSecond"/>, so the same input always gives the same plan whatever the machine's speed
/// or load: compile-time output must not depend on them. The clock is only a backstop, at
/// <see cref="ClockAllowance"/> × the time limit, for a machine far slower than the calibration's.
/// </summary>
internal sealed class PlanningBudget
{
    /// <summary>Work units one core of the development machine does in a second, warmed up (see docs/planning.md).</summary>
    public const long UnitsPerSecond = 45_000_000;

    /// <summary>
    /// How far past the time limit the clock lets a search run before stopping it: far enough that a loaded machine
    /// (a CI box, a build running many compilers at once) still gets the plan an idle one does.
    /// </summary>
    public const double ClockAllowance = 5.0;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan _timeLimit;
    private readonly long _workLimit;
    private readonly PlanningBudget? _parent;
    private long _work;
    private bool _abandoned;

    public PlanningBudget(TimeSpan timeLimit)
        : this(TimeSpan.FromTicks((long)Math.Min(TimeSpan.MaxValue.Ticks / 4, timeLimit.Ticks * ClockAllowance)),
              (long)Math.Min(long.MaxValue / 4, timeLimit.TotalSeconds * UnitsPerSecond), null)
    {
    }

    /// <summary>
    /// A budget of <paramref name="units"/> work units and no clock: the same search on every machine under any load (for
    /// tests of determinism, which a loaded machine's clock backstop could otherwise cut short).
    /// </summary>
    public static PlanningBudget ForWork(long units) => new(TimeSpan.FromTicks(TimeSpan.MaxValue.Ticks / 4), units, null);

    private PlanningBudget(TimeSpan timeLimit, long workLimit, PlanningBudget? parent)
    {
        _timeLimit = timeLimit;
        _workLimit = workLimit;
        _parent = parent;
    }

    /// <summary>Work done so far, in units.</summary>
    public long Work => _work;

    /// <summary>Work units left before the work limit.</summary>
    public long WorkLeft => Math.Max(0, _workLimit - _work);

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Whether the budget is spent: the work limit is reached, the clock's backstop, or the phase gave up.</summary>
    public bool IsExhausted => _abandoned || _work >= _workLimit || _clock.Elapsed >= _timeLimit;

    /// <summary>
    /// Marks this budget spent, for a search that stops on a limit of its own (deterministic, like the work count); the
    /// budget it was sliced from keeps what it has left.
    /// </summary>
    public void Abandon() => _abandoned = true;

    /// <summary>Records <paramref name="units"/> of work; true while budget remains.</summary>
    public bool Spend(long units)
    {
        _work += units;
        _parent?.Spend(units);
        return !IsExhausted;
    }

    /// <summary>
    /// A budget for one of several searches run side by side on their own threads: <paramref name="share"/> of the work
    /// and time this one has left, charged to nothing (budgets are not thread-safe); the caller charges what was done.
    /// </summary>
    public PlanningBudget Fork(double share)
    {
        long workLeft = Math.Max(0, _workLimit - _work);
        TimeSpan timeLeft = _timeLimit - _clock.Elapsed;
        return new PlanningBudget(TimeSpan.FromTicks(Math.Max(0, (long)(timeLeft.Ticks * share))), (long)(workLeft * share), null);
    }

    /// <summary>
    /// A budget for the next phase of a search: <paramref name="share"/> of the work this one has left, and the same
    /// share of its time left. Work done in the phase is charged here too, as it is done.
    /// </summary>
    public PlanningBudget Slice(double share)
    {
        long workLeft = Math.Max(0, _workLimit - _work);
        TimeSpan timeLeft = _timeLimit - _clock.Elapsed;
        return new PlanningBudget(TimeSpan.FromTicks(Math.Max(0, (long)(timeLeft.Ticks * share))), (long)(workLeft * share), this);
    }
}
