using System.Numerics;

namespace TensorGen.Equivariance;

/// <summary>
/// The change of basis between complex spherical harmonics |l m⟩ and e3nn's real ones, with e3nn's extra
/// factor (−i)ˡ that makes the real Clebsch–Gordan coefficients real (e3nn <c>change_basis_real_to_complex</c>,
/// after https://en.wikipedia.org/wiki/Spherical_harmonics#Real_form). Rows are complex indices l + m, columns
/// real indices; every column has at most two non-zero entries.
/// </summary>
internal static class RealBasis
{
    /// <summary>Q[l + m, column] for the complex index m of real component <paramref name="column"/>: its (at most two) entries.</summary>
    public static (int Row, ComplexQuadratic Value)[] Column(int l, int column)
    {
        int m = column - l; // the real component's signed order
        QuadraticSum invSqrt2 = QuadraticSum.From(SqrtRational.Sqrt(new Rational(1, 2)));
        QuadraticSum one = QuadraticSum.From(Rational.One);

        // (−i)ˡ = i^(3l)
        int global = 3 * l;
        if (m == 0)
        {
            return new[] { (l, ComplexQuadratic.Phase(global, one)) };
        }

        int a = System.Math.Abs(m);
        int sign = (a % 2 == 0) ? 0 : 2; // (−1)^|m| as i^0 or i^2
        if (m > 0)
        {
            // q[l−a, l+a] = 1/√2 and q[l+a, l+a] = (−1)^a/√2
            return new[]
            {
                (l - a, ComplexQuadratic.Phase(global, invSqrt2)),
                (l + a, ComplexQuadratic.Phase(global + sign, invSqrt2)),
            };
        }

        // q[l−a, l−a] = −i/√2 and q[l+a, l−a] = i(−1)^a/√2
        return new[]
        {
            (l - a, ComplexQuadratic.Phase(global + 3, invSqrt2)),
            (l + a, ComplexQuadratic.Phase(global + 1 + sign, invSqrt2)),
        };
    }
}
