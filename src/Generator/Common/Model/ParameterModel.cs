namespace TensorGen.Model;

/// <summary>Which span type a parameter is (the four that einsum kernels take), or <see cref="Other"/>.</summary>
internal enum SpanKind
{
    Other,
    ReadOnlySpan,
    Span,
    ReadOnlyTensorSpan,
    TensorSpan,
}

/// <summary>
/// The element type of a span parameter: the real types every family supports, <see cref="Complex"/>
/// (System.Numerics.Complex: einsum kernels only), or <see cref="Other"/>.
/// </summary>
internal enum ElementKind
{
    Other,
    Single,
    Double,
    Complex,
}

/// <summary>One parameter of a kernel method, read from its symbol.</summary>
/// <param name="Name">The name as written in C# (keywords escaped with <c>@</c>).</param>
/// <param name="DisplayName">The name as people read it (no <c>@</c>), used in messages and generated strings.</param>
/// <param name="Declaration">The parameter as it is re-declared in the implementation, e.g. <c>global::System.Span&lt;float&gt; result</c>.</param>
/// <param name="TypeDisplay">The type as people read it, e.g. <c>ReadOnlySpan&lt;int&gt;</c>.</param>
/// <param name="ElementTypeDisplay">The span's element type as people read it (empty when not a span).</param>
/// <param name="Modifier"><c>ref</c>, <c>out</c>, <c>in</c>, <c>ref readonly</c>, <c>params</c> or empty.</param>
/// <param name="Location">The whole parameter.</param>
/// <param name="TypeLocation">The parameter's type.</param>
internal sealed record ParameterModel(
    string Name,
    string DisplayName,
    string Declaration,
    string TypeDisplay,
    SpanKind Kind,
    ElementKind Element,
    string ElementTypeDisplay,
    string Modifier,
    LocationInfo? Location,
    LocationInfo? TypeLocation);
