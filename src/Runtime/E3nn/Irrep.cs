using System;
using System.Globalization;

namespace TensorGen.Runtime.E3nn;

/// <summary>
/// An irreducible representation of O(3), e3nn's <c>Irrep</c>: degree l and parity p = ±1, written <c>"1o"</c>; ordered as e3nn's
/// tuple (l, p) — by l, then odd before even.
/// </summary>
public readonly record struct Irrep(int L, int Parity) : IComparable<Irrep>
{
    /// <summary>2l + 1.</summary>
    public int Dim => (2 * L) + 1;

    /// <summary>e3nn's <c>is_scalar()</c>: 0e.</summary>
    public bool IsScalar => L == 0 && Parity == 1;

    /// <inheritdoc/>
    public int CompareTo(Irrep other) => L != other.L ? L.CompareTo(other.L) : Parity.CompareTo(other.Parity);

    /// <summary>e3nn's text, e.g. <c>1o</c>.</summary>
    public override string ToString() => L.ToString(CultureInfo.InvariantCulture) + (Parity > 0 ? "e" : "o");

    internal static Irrep Of(TensorGen.Equivariance.Irrep irrep) => new(irrep.L, irrep.Parity);
}

/// <summary>A multiplicity of one irrep, e3nn's <c>_MulIr</c>, written <c>"16x1o"</c>: Mul × (2l + 1) features, component fastest.</summary>
public readonly record struct MulIrrep(int Mul, Irrep Irrep)
{
    /// <summary>Mul × (2l + 1).</summary>
    public int Dim => Mul * Irrep.Dim;

    /// <summary>e3nn's text, e.g. <c>16x1o</c>.</summary>
    public override string ToString() => Mul.ToString(CultureInfo.InvariantCulture) + "x" + Irrep;
}
