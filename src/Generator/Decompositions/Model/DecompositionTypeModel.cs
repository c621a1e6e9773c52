namespace TensorGen.Decompositions.Model;

/// <summary>The kinds of type a decomposition kernel's parameters and return value can have.</summary>
internal enum DecompositionTypeKind
{
    Other,
    Void,

    /// <summary>A bare element (a scalar result): float, double or Complex.</summary>
    Element,
    CpTensor,
    TuckerTensor,
    TensorTrain,
    TensorTrainMatrix,
    ReadOnlySpan,
    Span,
    ReadOnlyTensorSpan,
    TensorSpan,
}

/// <summary>The element types decomposition kernels support, or <see cref="Other"/>.</summary>
internal enum DecompositionElement
{
    /// <summary>No element type (void, or a type that is not generic over one).</summary>
    None,
    Single,
    Double,
    Complex,
    Other,
}

/// <summary>A parameter's or the return value's type, classified.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Element">Its element type (for a scalar, itself).</param>
/// <param name="Display">As people read it, e.g. <c>TensorTrain&lt;double&gt;</c>.</param>
/// <param name="ElementDisplay">The element type as people read it, or empty.</param>
internal sealed record DecompositionTypeModel(DecompositionTypeKind Kind, DecompositionElement Element, string Display, string ElementDisplay);
