using System;

namespace TensorGen.Equivariance;

/// <summary>
/// e3nn's Wigner 3j symbols and Wigner D matrices, computed by the same code the generator uses for its kernels.
/// Real basis, y the polar axis, l = 1 components ordered (x, y, z).
/// </summary>
public static class Wigner
{
    /// <summary>
    /// e3nn's <c>o3.wigner_3j(l1, l2, l3)</c>: the real invariant tensor C of shape (2l₁+1, 2l₂+1, 2l₃+1) with Frobenius
    /// norm 1, C_ijk = Σ C_lmn D¹_li D²_mj D³_nk for every rotation. Exact SU(2) Clebsch–Gordan coefficients changed to
    /// the real basis and rounded once.
    /// </summary>
    /// <exception cref="ArgumentException">(l₁, l₂, l₃) violates the triangle rule.</exception>
    public static double[,,] ThreeJ(int l1, int l2, int l3) => ThreeJ(l1, l2, l3, Wigner3jConvention.E3nn);

    /// <inheritdoc cref="ThreeJ(int, int, int)"/>
    /// <param name="l1">l₁ ≥ 0.</param>
    /// <param name="l2">l₂ ≥ 0.</param>
    /// <param name="l3">l₃ ≥ 0.</param>
    /// <param name="convention">The sign convention: e3nn ≥ 0.5, or e3nn 0.4.4's (MACE).</param>
    public static double[,,] ThreeJ(int l1, int l2, int l3, Wigner3jConvention convention)
    {
        if (!Wigner3j.IsTriangle(l1, l2, l3))
        {
            throw new ArgumentException($"(l1, l2, l3) = ({l1}, {l2}, {l3}) violates the triangle rule |l1 - l2| <= l3 <= l1 + l2 (all non-negative).");
        }

        if (convention is not (Wigner3jConvention.E3nn or Wigner3jConvention.E3nnLegacy))
        {
            throw new ArgumentOutOfRangeException(nameof(convention), convention, "Not a Wigner3jConvention value.");
        }

        Wigner3j symbol = Wigner3j.Get(l1, l2, l3, (Wigner3jPhase)(int)convention);
        var result = new double[(2 * l1) + 1, (2 * l2) + 1, (2 * l3) + 1];
        foreach (Wigner3jEntry entry in symbol.Entries)
        {
            result[entry.I, entry.J, entry.K] = entry.Value;
        }

        return result;
    }

    /// <summary>
    /// e3nn's <c>o3.wigner_D(l, alpha, beta, gamma)</c>: the (2l+1)×(2l+1) matrix of the rotation
    /// R = R_y(α) R_x(β) R_y(γ) (γ about y first, then β about x, then α about y), so that Yˡ(R v) = Dˡ Yˡ(v). For l = 1
    /// it is R itself acting on (x, y, z).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="l"/> is negative.</exception>
    public static double[,] D(int l, double alpha, double beta, double gamma) => WignerD.Matrix(l, alpha, beta, gamma);
}
