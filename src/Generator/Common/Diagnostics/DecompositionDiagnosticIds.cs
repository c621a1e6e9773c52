namespace TensorGen.Decompositions.Diagnostics;

/// <summary>The decomposition kernels' TG ids, TG0201 on (docs/diagnostics.md has the table with examples and fixes).</summary>
internal static class DecompositionDiagnosticIds
{
    public const string UnknownOperation = "TG0201";
    public const string MalformedSizes = "TG0202";
    public const string OrderMismatch = "TG0203";
    public const string IncompleteStaticSizes = "TG0204";
    public const string InvalidModes = "TG0205";
    public const string SizeOutOfRange = "TG0206";
    public const string WrongSignature = "TG0207";
    public const string UnsupportedElementType = "TG0208";
    public const string NotStaticPartial = "TG0209";
}
