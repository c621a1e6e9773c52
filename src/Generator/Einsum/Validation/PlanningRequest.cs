using System.Collections.Generic;
using TensorGen.Planning;

namespace TensorGen.Validation;

/// <summary>A declaration's planning options, checked: how to plan, or the user's own path.</summary>
internal sealed class PlanningRequest
{
    public PlanningRequest(PlanningStrategy strategy, PlanningOptions options, ContractionPath? path, IReadOnlyDictionary<string, long>? sizeHints, bool replan)
    {
        Strategy = strategy;
        Options = options;
        Path = path;
        SizeHints = sizeHints;
        Replan = replan;
    }

    public PlanningStrategy Strategy { get; }

    public PlanningOptions Options { get; }

    /// <summary>The order written in <c>Path</c>, which replaces planning; null to plan.</summary>
    public ContractionPath? Path { get; }

    /// <summary>The sizes <c>SizeHints</c> gives (symbols evaluated), for the dynamic form; null without hints.</summary>
    public IReadOnlyDictionary<string, long>? SizeHints { get; }

    public bool Replan { get; }

    /// <summary>How the plan table names where the order comes from: <c>strategy auto</c>, or <c>the declaration's Path</c>.</summary>
    public string Origin => Path is null ? "strategy " + Planners.NameOf(Strategy) : "the declaration's Path";
}
