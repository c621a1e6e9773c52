using System.Linq;

namespace TensorGen.Model;

/// <summary>
/// Everything the generator needs to know about one <c>[Einsum]</c> method, read from its symbols once.
/// Plain values only (no ISymbol, Compilation, SyntaxNode or Location), so the incremental pipeline can
/// cache on equality; a unit test walks this graph by reflection to keep it that way.
/// </summary>
internal sealed record EinsumMethodModel
{
    /// <summary>The method name as written in C# (keywords escaped with <c>@</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The method as people read it, e.g. <c>Kernels.Rotate</c>.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The generated file's name, unique per method, e.g. <c>MyApp.Kernels.Rotate.g.cs</c>.</summary>
    public required string HintName { get; init; }

    /// <summary>The containing namespace (e.g. <c>MyApp.Numerics</c>), or empty for the global namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>The containing types, outermost first.</summary>
    public required EquatableArray<ContainingTypeModel> ContainingTypes { get; init; }

    /// <summary>The modifiers to repeat on the implementation, as written (e.g. <c>public static</c>); <c>partial</c> excluded.</summary>
    public required string Modifiers { get; init; }

    /// <summary>The return type as re-declared (e.g. <c>void</c>).</summary>
    public required string ReturnType { get; init; }

    public required bool IsStatic { get; init; }

    public required bool ReturnsVoid { get; init; }

    public required bool IsGeneric { get; init; }

    /// <summary>Whether the declaration says <c>partial</c>.</summary>
    public required bool IsPartial { get; init; }

    /// <summary>Whether the method already has a body (its own, or a partial implementation elsewhere).</summary>
    public required bool HasBody { get; init; }

    public required EquatableArray<ParameterModel> Parameters { get; init; }

    /// <summary>Whether the parameter list ends with <c>__arglist</c> (which no symbol's parameter list shows).</summary>
    public required bool IsVararg { get; init; }

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

    /// <summary>The method's identifier.</summary>
    public required LocationInfo? Location { get; init; }

    /// <summary>Set when the method also carries another kind of TensorGen kernel attribute (TG0022): then no einsum kernel is written.</summary>
    public AttributeConflict? Conflict { get; init; }

    /// <summary>
    /// Whether an implementation can be written for the declaration as it stands (a partial definition without
    /// a body, not generic, in partial types); then a declaration with errors gets a body that throws, so
    /// that the TG error is not buried under "partial method must have an implementation" (CS8795).
    /// </summary>
    /// <summary>
    /// Whether a containing type's type parameter has the name of an outer one's (which C# warns about, CS0693): generated
    /// code then cannot name the outer one, so a signature that mentions it (through a nested type) cannot be repeated.
    /// </summary>
    public bool ShadowsTypeParameters =>
        ContainingTypes.SelectMany(t => t.TypeParameters).Select(tp => tp.Substring(tp.LastIndexOf(' ') + 1)).GroupBy(n => n).Any(g => g.Count() > 1);

    public bool CanBeImplemented =>
        IsPartial && !HasBody && !IsGeneric && ContainingTypes.Count > 0
        && ContainingTypes.All(t => t.IsPartial && !t.IsFileLocal);
}
