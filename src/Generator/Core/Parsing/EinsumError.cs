namespace TensorGen.Parsing;

/// <summary>What is wrong with an expression or a size list; the generator maps each kind to a TG diagnostic.</summary>
internal enum EinsumErrorKind
{
    /// <summary>A character that is neither a letter, ',', '-&gt;' nor '...'; or '-'/'.' used wrongly.</summary>
    MalformedExpression,

    /// <summary>An output index that appears in no input.</summary>
    OutputIndexNotInInputs,

    /// <summary>An index written twice in the output.</summary>
    RepeatedOutputIndex,

    /// <summary>The Sizes string does not have the form <c>i=3,j=4</c>.</summary>
    MalformedSizes,

    /// <summary>An index of the expression that Sizes does not give.</summary>
    MissingSize,

    /// <summary>An index that Sizes gives twice.</summary>
    ConflictingSize,

    /// <summary>Sizes names an index the expression does not use.</summary>
    UnknownSizeIndex,

    /// <summary>A negative size.</summary>
    NegativeSize,

    /// <summary>An operand (or intermediate) whose element count does not fit in a span.</summary>
    SizeOverflow,

    /// <summary><c>...</c> in an expression whose sizes are fixed at compile time.</summary>
    EllipsisInStaticForm,
}

/// <summary>An error found in an expression, with the span of text it concerns (an index into that text).</summary>
internal sealed class EinsumError
{
    public EinsumError(EinsumErrorKind kind, string message, int position = -1, int length = 0)
    {
        Kind = kind;
        Message = message;
        Position = position;
        Length = length;
    }

    public EinsumErrorKind Kind { get; }

    /// <summary>What is wrong and how to fix it, in one or two sentences.</summary>
    public string Message { get; }

    /// <summary>Where in the parsed text the problem is, or -1 when it concerns the whole text.</summary>
    public int Position { get; }

    public int Length { get; }

    public override string ToString() => Message;
}
