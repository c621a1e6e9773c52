namespace Potential.Verification;

/// <summary>A measured error against its tolerance.</summary>
public sealed record CheckResult(string Name, double Error, double Tolerance)
{
    /// <summary>Whether the error is within the tolerance (NaN fails).</summary>
    public bool Passed => Error <= Tolerance;

    public override string ToString() => $"{Name,-58} {Error,10:E2}  (tolerance {Tolerance:E0})  {(Passed ? "ok" : "FAILED")}";
}
