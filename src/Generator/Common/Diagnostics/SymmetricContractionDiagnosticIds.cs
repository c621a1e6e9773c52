namespace TensorGen.Diagnostics;

/// <summary>
/// The TG diagnostic ids of <c>[SymmetricContraction]</c> (docs/diagnostics.md). Its other diagnostics are the equivariant
/// family's (<see cref="EquivariantDiagnosticIds"/>: TG0101 irreps, TG0107 parameters, TG0108 method shape, TG0109 options,
/// TG0113 the forward a backward pass names).
/// </summary>
internal static class SymmetricContractionDiagnosticIds
{
    public const string Multiplicity = "TG0130";
    public const string Correlation = "TG0131";
    public const string Unreachable = "TG0132";
    public const string Elements = "TG0133";
    public const string TooLarge = "TG0134";
}
