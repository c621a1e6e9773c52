using TensorGen.Model;

namespace TensorGen.Decompositions.Model;

/// <summary>One parameter of a decomposition kernel, read from its symbol.</summary>
/// <param name="Name">As written in C# (keywords escaped with <c>@</c>).</param>
/// <param name="DisplayName">As people read it (no <c>@</c>).</param>
/// <param name="Declaration">As re-declared in the implementation, e.g. <c>global::TensorGen.Decompositions.TensorTrain&lt;double&gt; x</c>.</param>
/// <param name="Type">The classified type.</param>
/// <param name="Modifier"><c>ref</c>, <c>out</c>, <c>in</c>, <c>ref readonly</c>, <c>params</c> or empty.</param>
/// <param name="Location">The whole parameter.</param>
/// <param name="TypeLocation">The parameter's type.</param>
internal sealed record DecompositionParameterModel(
    string Name,
    string DisplayName,
    string Declaration,
    DecompositionTypeModel Type,
    string Modifier,
    LocationInfo? Location,
    LocationInfo? TypeLocation);
