namespace TensorGen.Diagnostics;

/// <summary>The TG diagnostic ids (docs/diagnostics.md has the table with examples and fixes).</summary>
internal static class DiagnosticIds
{
    public const string MalformedExpression = "TG0001";
    public const string OperandCountMismatch = "TG0002";
    public const string UnsupportedElementType = "TG0003";
    public const string MixedElementTypes = "TG0004";
    public const string WrongParameterKind = "TG0005";
    public const string NotStaticPartialVoid = "TG0006";
    public const string OutputIndexNotInInputs = "TG0007";
    public const string RepeatedOutputIndex = "TG0008";
    public const string MalformedSizes = "TG0009";
    public const string MissingSize = "TG0010";
    public const string ConflictingSize = "TG0011";
    public const string UnknownSizeIndex = "TG0012";
    public const string NegativeSize = "TG0013";
    public const string SizeOverflow = "TG0014";
    public const string EllipsisInStaticForm = "TG0015";
    // Planning options (TG01xx).
    public const string InvalidPath = "TG0016";
    public const string MalformedSizeHints = "TG0017";
    public const string InvalidPlanningOption = "TG0018";
    // GPU backend.
    public const string InvalidBackends = "TG0019";
    public const string GpuRuntimeNotReferenced = "TG0020";
    public const string GpuUnsupported = "TG0021";
    // Every kernel kind.
    public const string MultipleKernelAttributes = "TG0022";

    public const string InternalError = "TG9999";
}
