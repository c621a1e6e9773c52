using System;
using System.Linq;

namespace TensorGen.Model;

/// <summary>
/// The parts of an attributed kernel method every kernel family needs — where it is, how to re-declare it, its parameters —
/// read from its symbols once, as plain values, by <see cref="KernelMethodReader"/>. Each family's model pairs it with
/// its attribute's arguments (<see cref="EinsumMethodModel"/>, <see cref="TensorProductModel"/>, ...).
/// </summary>
internal sealed record KernelMethodShape
{
    /// <summary>The method name as written in C# (keywords escaped with <c>@</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The method's name as in metadata (no <c>@</c>), e.g. <c>Tp</c>.</summary>
    public required string MethodName { get; init; }

    /// <summary>The method as people read it, e.g. <c>Kernels.Tp</c>.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The generated file's name, unique per method.</summary>
    public required string HintName { get; init; }

    /// <summary>The containing namespace, or empty for the global namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>The containing types, outermost first.</summary>
    public required EquatableArray<ContainingTypeModel> ContainingTypes { get; init; }

    /// <summary>The containing type's metadata name with its namespace, to find sibling methods (e.g. a backward pass's forward).</summary>
    public required string ContainingTypeKey { get; init; }

    /// <summary>The modifiers to repeat on the implementation, as written; <c>partial</c> excluded.</summary>
    public required string Modifiers { get; init; }

    /// <summary>The return type as re-declared.</summary>
    public required string ReturnType { get; init; }

    public required bool IsStatic { get; init; }

    public required bool ReturnsVoid { get; init; }

    public required bool IsGeneric { get; init; }

    public required bool IsPartial { get; init; }

    public required bool HasBody { get; init; }

    public required EquatableArray<ParameterModel> Parameters { get; init; }

    /// <summary>Whether the parameter list ends with <c>__arglist</c> (which no symbol's parameter list shows).</summary>
    public bool IsVararg { get; init; }

    /// <summary>The method's identifier.</summary>
    public required LocationInfo? Location { get; init; }

    /// <summary>Set when the method also carries another kind of TensorGen kernel attribute (TG0022): then no kernel is written.</summary>
    public AttributeConflict? Conflict { get; init; }

    /// <summary>
    /// Whether an implementation can be written for the declaration as it stands (a partial definition without a body, not
    /// generic, in partial types); then a declaration with errors gets a body that throws, so that the TG error is not buried
    /// under "partial method must have an implementation" (CS8795).
    /// </summary>
    public bool CanBeImplemented =>
        IsPartial && !HasBody && !IsGeneric && ContainingTypes.Count > 0
        && ContainingTypes.All(t => t.IsPartial && !t.IsFileLocal);

    /// <summary>
    /// Whether a containing type's type parameter has the name of an outer one's (which C# warns about, CS0693): generated
    /// code then cannot name the outer one, so a signature that mentions it (through a nested type) cannot be repeated.
    /// </summary>
    public bool ShadowsTypeParameters =>
        ContainingTypes.SelectMany(t => t.TypeParameters).Select(tp => tp.Substring(tp.LastIndexOf(' ') + 1)).GroupBy(n => n).Any(g => g.Count() > 1);

    /// <summary>The implementing declaration's first line, e.g. <c>public static partial void Rotate(global::System.ReadOnlySpan&lt;double&gt; q1, ...)</c>.</summary>
    public string Signature =>
        (Modifiers.Length == 0 ? string.Empty : Modifiers + " ") + "partial " + ReturnType + " " + Name
        + "(" + string.Join(", ", Parameters.Select(p => p.Declaration).Concat(IsVararg ? new[] { "__arglist" } : Array.Empty<string>())) + ")";

    /// <summary>A name for generated file-local types, unique per method within the compilation's files, e.g. <c>Kernels_Tp</c>.</summary>
    public string LocalTypeName =>
        string.Concat(HintName.Substring(0, HintName.Length - ".g.cs".Length).Select(c => char.IsLetterOrDigit(c) ? c : '_'));
}
