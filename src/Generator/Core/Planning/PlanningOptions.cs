using System;

namespace TensorGen.Planning;

/// <summary>What a plan minimizes (the <c>Minimize</c> option).</summary>
internal enum PlanningObjective
{
    /// <summary>Total FLOPs in opt_einsum's units.</summary>
    Flops = 0,

    /// <summary>The largest intermediate (elements), FLOPs breaking ties.</summary>
    Size = 1,

    /// <summary>FLOPs + α·writes (every element written by a step), α = 64 as cotengra recommends.</summary>
    Combo = 2,
}

/// <summary>Which planner makes the tree (the <c>Strategy</c> option); <see cref="Planners.Create"/> maps each to its planner.</summary>
internal enum PlanningStrategy
{
    /// <summary>Chooses by network size within the time limit; never worse than greedy.</summary>
    Auto = 0,

    /// <summary>Exact dynamic programming (Pfeifer, Haegeman and Verstraete 2014).</summary>
    Optimal = 1,

    /// <summary>opt_einsum's greedy.</summary>
    Greedy = 2,

    /// <summary>Boltzmann-sampled greedy, best of many seeded trials.</summary>
    RandomGreedy = 3,

    /// <summary>Random greedy, then subtree reconfiguration (cotengra).</summary>
    Reconfigure = 4,

    /// <summary>Hyper-optimized random greedy, then simulated annealing over tree moves, slicing searched with the tree (cotengra's hyper-optimizer).</summary>
    Hyper = 5,
}

/// <summary>The goal and limits of one planning run.</summary>
internal sealed class PlanningOptions
{
    /// <summary>The default time limit per expression at compile time.</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(1);

    public PlanningOptions(PlanningObjective objective = PlanningObjective.Flops, double? memoryLimit = null, TimeSpan? timeLimit = null, ulong seed = 0,
        int parallelism = 1, PlanningProgress? progress = null)
    {
        Objective = objective;
        MemoryLimit = memoryLimit;
        TimeLimit = timeLimit ?? DefaultTimeLimit;
        Seed = seed;
        Parallelism = Math.Max(1, parallelism);
        Progress = progress;
    }

    public static PlanningOptions Default { get; } = new();

    public PlanningObjective Objective { get; }

    /// <summary>The most elements any intermediate may have (the output excluded: its memory is the caller's); null for no limit.</summary>
    public double? MemoryLimit { get; }

    /// <summary>How long planning may take; planners stop searching and return their best tree when it runs out.</summary>
    public TimeSpan TimeLimit { get; }

    /// <summary>Seeds every random choice, so that a plan is reproducible.</summary>
    public ulong Seed { get; }

    /// <summary>
    /// How many threads the hyper-optimizing search runs (<see cref="HyperPlanner"/>): each searches on its own stream of
    /// the seed, so a plan depends on the seed and this count, never on timing. 1 at compile time (a build must give the same
    /// code on every machine); the CLI uses every core.
    /// </summary>
    public int Parallelism { get; }

    /// <summary>Where a long search reports its best score so far; null for none.</summary>
    public PlanningProgress? Progress { get; }
}
