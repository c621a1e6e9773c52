namespace TensorGen.Model;

/// <summary>
/// One type around the kernel method (outermost first in <see cref="EinsumMethodModel.ContainingTypes"/>),
/// as much as is needed to write another <c>partial</c> declaration of it and to check that one is allowed.
/// </summary>
/// <param name="Keyword"><c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c> or <c>interface</c>.</param>
/// <param name="Modifiers">Modifiers the generated declaration repeats: <c>ref</c>, which every part must have, and <c>unsafe</c>, which a
/// signature with pointer types needs around it; or empty.</param>
/// <param name="Name">The name as written in C# (keywords escaped with <c>@</c>).</param>
/// <param name="TypeParameters">The type parameters with their variance, e.g. <c>T</c>, <c>out U</c>; empty when not generic.</param>
/// <param name="IsPartial">Whether every declaration of the type around the method says <c>partial</c>.</param>
/// <param name="IsFileLocal">Whether the type is <c>file</c>-local (and so cannot have a part in a generated file).</param>
/// <param name="Location">The type's identifier in the declaration that contains the method.</param>
internal sealed record ContainingTypeModel(
    string Keyword,
    string Modifiers,
    string Name,
    EquatableArray<string> TypeParameters,
    bool IsPartial,
    bool IsFileLocal,
    LocationInfo? Location);
