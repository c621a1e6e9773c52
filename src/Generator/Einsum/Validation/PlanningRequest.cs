using System.Collections.Generic;
using TensorGen.Planning;

namespace TensorGen.Validation;

/// <summary>A declaration's planning options, checked: how to plan, or the user's own path.</summary>
internal sealed class PlanningRequest
{
    public PlanningRequest(PlanningStrategy strategy, PlanningOptions options, ContractionPath? path, IReadOnlyDictionary<string, long>? sizeHints, bool replan,
        bool pinOrder = false)
    {
        PinOrder = pinOrder;
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

    /// <summary>
    /// Whether the dynamic form runs the compile-time order for every call: <c>PinOrder</c>, or an explicit <c>Path</c>.
    /// Otherwise it plans each new shape at run time (the default; <c>Replan</c> asks for the same).
    /// </summary>
    public bool PinOrder { get; }

    /// <summary>Whether a dynamic kernel plans for each call's sizes at run time, with the compiled order as the starting guess.</summary>
    public bool PlansPerShape => !PinOrder && Path is null;

    /// <summary>How the plan table names where the order comes from: <c>strategy auto</c>, or <c>the declaration's Path</c>.</summary>
    public string Origin => Path is null ? "strategy " + Planners.NameOf(Strategy) : "the declaration's Path";
}
