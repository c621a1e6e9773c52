using System;
using System.Globalization;

namespace TensorGen.Equivariance;

/// <summary>
/// An irreducible representation of O(3): degree l ≥ 0 and parity p = ±1, written <c>"1o"</c> (l = 1, odd) or
/// <c>"2e"</c>; dimension 2l + 1. Ordered by l, then odd before even — e3nn's order (an Irrep is the tuple (l, p)).
/// </summary>
internal readonly struct Irrep : IEquatable<Irrep>, IComparable<Irrep>
{
    public Irrep(int l, int parity)
    {
        if (l < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(l), "The degree l of an irrep is non-negative.");
        }

        if (parity != 1 && parity != -1)
        {
            throw new ArgumentOutOfRangeException(nameof(parity), "The parity of an irrep is +1 (e) or -1 (o).");
        }

        L = l;
        Parity = parity;
    }

    /// <summary>The degree l.</summary>
    public int L { get; }

    /// <summary>+1 (even, <c>e</c>) or −1 (odd, <c>o</c>).</summary>
    public int Parity { get; }

    /// <summary>2l + 1.</summary>
    public int Dim => (2 * L) + 1;

    /// <summary>Whether <paramref name="output"/> occurs in this ⊗ <paramref name="other"/>: |l₁ − l₂| ≤ l ≤ l₁ + l₂ and p = p₁·p₂.</summary>
    public bool CouplesTo(Irrep other, Irrep output) =>
        output.Parity == Parity * other.Parity && Math.Abs(L - other.L) <= output.L && output.L <= L + other.L;

    public static bool operator ==(Irrep a, Irrep b) => a.Equals(b);

    public static bool operator !=(Irrep a, Irrep b) => !a.Equals(b);

    public bool Equals(Irrep other) => L == other.L && Parity == other.Parity;

    public override bool Equals(object? obj) => obj is Irrep other && Equals(other);

    public override int GetHashCode() => (L * 2) + (Parity > 0 ? 1 : 0);

    public int CompareTo(Irrep other) => L != other.L ? L.CompareTo(other.L) : Parity.CompareTo(other.Parity);

    public override string ToString() => L.ToString(CultureInfo.InvariantCulture) + (Parity > 0 ? "e" : "o");
}

/// <summary>A multiplicity of one irrep, <c>"16x1o"</c>: a block of <see cref="Mul"/> × (2l + 1) features, component fastest.</summary>
internal readonly struct MulIrrep : IEquatable<MulIrrep>
{
    public MulIrrep(int mul, Irrep irrep)
    {
        Mul = mul;
        Irrep = irrep;
    }

    public int Mul { get; }

    public Irrep Irrep { get; }

    /// <summary>Mul × (2l + 1).</summary>
    public int Dim => Mul * Irrep.Dim;

    public bool Equals(MulIrrep other) => Mul == other.Mul && Irrep == other.Irrep;

    public override bool Equals(object? obj) => obj is MulIrrep other && Equals(other);

    public override int GetHashCode() => unchecked((Mul * 397) ^ Irrep.GetHashCode());

    public override string ToString() => Mul.ToString(CultureInfo.InvariantCulture) + "x" + Irrep;
}
