namespace TensorGen.Diagnostics;

/// <summary>The TG diagnostic ids of the equivariant attributes (docs/diagnostics.md has the table with examples and fixes).</summary>
internal static class EquivariantDiagnosticIds
{
    public const string MalformedIrreps = "TG0101";
    public const string MalformedInstructions = "TG0102";
    public const string InstructionIndexOutOfRange = "TG0103";
    public const string SelectionRule = "TG0104";
    public const string ModeMismatch = "TG0105";
    public const string WeightsMismatch = "TG0106";
    public const string WrongParameters = "TG0107";
    public const string NotStaticPartialVoid = "TG0108";
    public const string InvalidOption = "TG0109";
    public const string UnknownForward = "TG0110";
    public const string ShParity = "TG0111";
    public const string GpuUnsupported = "TG0112";
    public const string UnknownForwardKernel = "TG0113";
}
