namespace TensorGen.Model;

/// <summary>
/// An <c>[Einsum]</c> method: its shape (<see cref="KernelMethodShape"/>, shared by every family) and the attribute's
/// arguments, read from its symbols once. Plain values only (no ISymbol, Compilation, SyntaxNode or Location), so the
/// incremental pipeline can cache on equality; a unit test walks this graph by reflection to keep it that way.
/// </summary>
internal sealed record EinsumMethodModel
{
    /// <summary>The method: where it is, how to re-declare it, its parameters.</summary>
    public required KernelMethodShape Method { get; init; }

    /// <summary>The first argument of <c>[Einsum]</c>.</summary>
    public required AttributeArgumentModel Expression { get; init; }

    /// <summary>The <c>Sizes</c> named argument; its value is null in the dynamic form.</summary>
    public required AttributeArgumentModel Sizes { get; init; }

    public required bool Accumulate { get; init; }

    /// <summary>The planning options (<c>Strategy</c>, <c>Minimize</c>, <c>MemoryLimit</c>, <c>Path</c>, <c>SizeHints</c>, ...).</summary>
    public PlanningArgumentsModel Planning { get; init; } = PlanningArgumentsModel.None;

    /// <summary><c>Backends</c> as an integer (TensorGen.Backend flags), or null when not written (CPU only).</summary>
    public int? Backends { get; init; }

    /// <summary>Where <c>Backends</c> is written.</summary>
    public LocationInfo? BackendsLocation { get; init; }

    /// <summary>Whether the declaration asks for GPU kernels (<c>Backend.Gpu</c>).</summary>
    public bool WantsGpu => Backends is { } backends && (backends & 2) != 0;

    /// <summary>Whether the compiler could not bind the attribute's arguments (it reports that error itself).</summary>
    public required bool AttributeHasErrors { get; init; }

    /// <summary>The static field that holds the dynamic form's program, unique in the containing type.</summary>
    public required string ProgramFieldName { get; init; }
}
