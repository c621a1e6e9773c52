namespace TensorGen.Diagnostics;

/// <summary>
/// The TG diagnostic ids of <c>[EquivariantLinear]</c> and <c>[EquivariantLinearBackward]</c> (docs/diagnostics.md). Their other
/// diagnostics are the equivariant family's (<see cref="EquivariantDiagnosticIds"/>: TG0101 irreps, TG0108 method shape, TG0109 options).
/// </summary>
internal static class EquivariantLinearDiagnosticIds
{
    public const string WrongParameters = "TG0140";
    public const string BiasesMismatch = "TG0141";
    public const string UnknownForward = "TG0142";
    public const string NothingConnects = "TG0143";
}
