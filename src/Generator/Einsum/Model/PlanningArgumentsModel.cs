namespace TensorGen.Model;

/// <summary>
/// The planning options of an <c>[Einsum]</c> declaration as written (named arguments; the enums as their integer
/// values, since the generator does not reference the attribute's assembly), with where each is written.
/// </summary>
internal sealed record PlanningArgumentsModel
{
    public static PlanningArgumentsModel None { get; } = new();

    /// <summary><c>Strategy</c> as an integer (TensorGen.ContractionStrategy), or null when not written.</summary>
    public int? Strategy { get; init; }

    public LocationInfo? StrategyLocation { get; init; }

    /// <summary><c>Minimize</c> as an integer (TensorGen.ContractionObjective), or null when not written.</summary>
    public int? Minimize { get; init; }

    public LocationInfo? MinimizeLocation { get; init; }

    /// <summary><c>MemoryLimit</c> in elements, or null when not written.</summary>
    public long? MemoryLimit { get; init; }

    public LocationInfo? MemoryLimitLocation { get; init; }

    /// <summary><c>PlanningTimeLimit</c> in seconds, or null when not written.</summary>
    public double? TimeLimitSeconds { get; init; }

    public LocationInfo? TimeLimitLocation { get; init; }

    public bool Replan { get; init; }

    public LocationInfo? ReplanLocation { get; init; }

    /// <summary><c>PinOrder</c>: the dynamic form runs the compile-time order for every call.</summary>
    public bool PinOrder { get; init; }

    public LocationInfo? PinOrderLocation { get; init; }

    /// <summary><c>Path</c>: an explicit order in opt_einsum's linear format.</summary>
    public AttributeArgumentModel Path { get; init; } = AttributeArgumentModel.Absent;

    /// <summary><c>SizeHints</c>: sizes (numbers or powers of a symbol) to plan the dynamic form for.</summary>
    public AttributeArgumentModel SizeHints { get; init; } = AttributeArgumentModel.Absent;
}
