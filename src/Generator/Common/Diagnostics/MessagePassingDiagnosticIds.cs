namespace TensorGen.Diagnostics;

/// <summary>
/// The TG diagnostic ids of the convolutions' GPU options (docs/diagnostics.md). The convolutions' other diagnostics are the
/// equivariant family's (<see cref="EquivariantDiagnosticIds"/>: TG0106–TG0110, TG0112, TG0113).
/// </summary>
internal static class MessagePassingDiagnosticIds
{
    public const string InvalidScatter = "TG0120";
    public const string ScatterWithoutGpu = "TG0121";
    public const string GraphParameterClash = "TG0122";
}
