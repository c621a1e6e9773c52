using System;
using System.Numerics;

namespace TensorGen.Equivariance;

/// <summary>
/// e3nn's Wigner D matrices in its real basis: D(α, β, γ) = exp(α X_y) exp(β X_x) exp(γ X_y) — rotations about
/// y, then x, then y (Y-X-Y Euler angles; γ is applied first) — with the generators X = Re(Q† J Q) of the SU(2)
/// generators J changed to the real basis Q (<see cref="RealBasis"/>), as e3nn's <c>so3_generators</c> and
/// <c>wigner_D</c> compute them. Yˡ(R v) = Dˡ(R) Yˡ(v); for l = 1, D is the rotation matrix acting on (x, y, z).
/// </summary>
internal static class WignerD
{
    /// <summary>Dˡ(α, β, γ), (2l+1)×(2l+1), row-major.</summary>
    public static double[,] Matrix(int l, double alpha, double beta, double gamma)
    {
        if (l < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(l), "l is non-negative.");
        }

        double[][,] generators = Generators(l);
        double[,] a = Exponential(generators[1], Reduce(alpha));
        double[,] b = Exponential(generators[0], Reduce(beta));
        double[,] c = Exponential(generators[1], Reduce(gamma));
        return Multiply(Multiply(a, b), c);
    }

    /// <summary>The real generators X_x, X_y, X_z (e3nn's order: "x", "z", "−y" of SU(2) become the rotations about x, y, z).</summary>
    public static double[][,] Generators(int l)
    {
        int n = (2 * l) + 1;
        var raising = new Complex[n, n];
        var lowering = new Complex[n, n];
        double jj = l * (l + 1.0);
        for (int r = 0; r < n - 1; r++)
        {
            double m = -l + r; // raising: sub-diagonal, −√(j(j+1) − m(m+1)) for m = −j..j−1
            raising[r + 1, r] = -Math.Sqrt(jj - (m * (m + 1)));
            double mUp = -l + 1 + r; // lowering: super-diagonal, √(j(j+1) − m(m−1)) for m = −j+1..j
            lowering[r, r + 1] = Math.Sqrt(jj - (mUp * (mUp - 1)));
        }

        var su2 = new Complex[3][,];
        su2[0] = new Complex[n, n];
        su2[1] = new Complex[n, n];
        su2[2] = new Complex[n, n];
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < n; c++)
            {
                su2[0][r, c] = 0.5 * (raising[r, c] + lowering[r, c]);
                su2[2][r, c] = new Complex(0, -0.5) * (raising[r, c] - lowering[r, c]);
            }

            su2[1][r, r] = new Complex(0, -l + r);
        }

        Complex[,] q = BasisMatrix(l);
        var result = new double[3][,];
        for (int g = 0; g < 3; g++)
        {
            // X = conj(Q)ᵀ J Q, real part
            var x = new double[n, n];
            for (int r = 0; r < n; r++)
            {
                for (int c = 0; c < n; c++)
                {
                    Complex sum = Complex.Zero;
                    for (int a = 0; a < n; a++)
                    {
                        if (q[a, r] == Complex.Zero)
                        {
                            continue;
                        }

                        for (int b = 0; b < n; b++)
                        {
                            sum += Complex.Conjugate(q[a, r]) * su2[g][a, b] * q[b, c];
                        }
                    }

                    x[r, c] = sum.Real;
                }
            }

            result[g] = x;
        }

        return result;
    }

    private static Complex[,] BasisMatrix(int l)
    {
        int n = (2 * l) + 1;
        var q = new Complex[n, n];
        for (int column = 0; column < n; column++)
        {
            foreach (var (row, value) in RealBasis.Column(l, column))
            {
                q[row, column] = new Complex(ToDouble(value.Real), ToDouble(value.Imaginary));
            }
        }

        return q;
    }

    private static double ToDouble(QuadraticSum value) => value.IsZero ? 0.0 : value.ToSqrtRational().ToDouble();

    /// <summary>The angle modulo 2π, as e3nn reduces it, into [0, 2π).</summary>
    private static double Reduce(double angle)
    {
        double reduced = angle % (2 * Math.PI);
        return reduced < 0 ? reduced + (2 * Math.PI) : reduced;
    }

    /// <summary>exp(t·X) by scaling and squaring with a Taylor series (X is antisymmetric, so exp(tX) is a rotation).</summary>
    private static double[,] Exponential(double[,] generator, double t)
    {
        int n = generator.GetLength(0);
        double norm = 0;
        for (int r = 0; r < n; r++)
        {
            double row = 0;
            for (int c = 0; c < n; c++)
            {
                row += Math.Abs(generator[r, c] * t);
            }

            norm = Math.Max(norm, row);
        }

        int squarings = norm > 0.25 ? (int)Math.Ceiling(Math.Log(norm / 0.25, 2)) : 0;
        double scale = t / Math.Pow(2, squarings);
        var a = new double[n, n];
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < n; c++)
            {
                a[r, c] = generator[r, c] * scale;
            }
        }

        // Σ_{k≤18} A^k / k!, ‖A‖ ≤ 1/4: the remainder is below 1e-30.
        double[,] result = Identity(n);
        double[,] term = Identity(n);
        for (int k = 1; k <= 18; k++)
        {
            term = Multiply(term, a);
            for (int r = 0; r < n; r++)
            {
                for (int c = 0; c < n; c++)
                {
                    term[r, c] /= k;
                    result[r, c] += term[r, c];
                }
            }
        }

        for (int s = 0; s < squarings; s++)
        {
            result = Multiply(result, result);
        }

        return result;
    }

    private static double[,] Identity(int n)
    {
        var identity = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            identity[i, i] = 1.0;
        }

        return identity;
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        int n = a.GetLength(0);
        int m = b.GetLength(1);
        int inner = a.GetLength(1);
        var result = new double[n, m];
        for (int r = 0; r < n; r++)
        {
            for (int k = 0; k < inner; k++)
            {
                double left = a[r, k];
                if (left == 0)
                {
                    continue;
                }

                for (int c = 0; c < m; c++)
                {
                    result[r, c] += left * b[k, c];
                }
            }
        }

        return result;
    }
}
