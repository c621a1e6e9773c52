using System;
using System.Linq;
using System.Numerics;
using Xunit;

namespace TensorGen.Decompositions.Tests.Fitting;

/// <summary>The CP-ALS normal equations B V = M: Cholesky for a well-conditioned V, the pseudo-inverse for a singular one.</summary>
public class HermitianSolveTests
{
    [Fact]
    public void A_positive_definite_system_is_solved_exactly()
    {
        var random = new Random(5);
        const int Rows = 7, N = 4;
        double[] a = Enumerable.Range(0, 9 * N).Select(_ => random.NextDouble() - 0.5).ToArray();
        double[] v = Gram(a, 9, N);
        double[] m = Enumerable.Range(0, Rows * N).Select(_ => random.NextDouble() - 0.5).ToArray();

        double[] b = LinearAlgebra.SolveRightHermitian<double>(m, Rows, v, N);

        double[] product = Multiply(b, Rows, v, N);
        for (int i = 0; i < m.Length; i++)
        {
            Assert.Equal(m[i], product[i], 10);
        }
    }

    [Fact]
    public void A_complex_Hermitian_system_is_solved_exactly()
    {
        var random = new Random(6);
        const int Rows = 5, N = 3;
        Complex[] a = Enumerable.Range(0, 6 * N).Select(_ => new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5)).ToArray();
        var v = new Complex[N * N];
        for (int r = 0; r < N; r++)
        {
            for (int s = 0; s < N; s++)
            {
                for (int i = 0; i < 6; i++)
                {
                    v[(r * N) + s] += Complex.Conjugate(a[(i * N) + r]) * a[(i * N) + s];
                }
            }
        }

        Complex[] m = Enumerable.Range(0, Rows * N).Select(_ => new Complex(random.NextDouble(), random.NextDouble())).ToArray();
        Complex[] b = LinearAlgebra.SolveRightHermitian<Complex>(m, Rows, v, N);

        for (int i = 0; i < Rows; i++)
        {
            for (int s = 0; s < N; s++)
            {
                Complex sum = Complex.Zero;
                for (int r = 0; r < N; r++)
                {
                    sum += b[(i * N) + r] * v[(r * N) + s];
                }

                Assert.True(Complex.Abs(sum - m[(i * N) + s]) < 1e-10, $"row {i}, column {s}: {sum} vs {m[(i * N) + s]}");
            }
        }
    }

    [Fact]
    public void A_singular_system_gets_the_least_squares_solution_of_minimum_norm()
    {
        // V = u uᵀ has rank 1: B = M V⁺ = M u uᵀ / |u|⁴, so every row of B is a multiple of u.
        double[] u = [1, 2, 2];
        double[] v = [.. from p in u from q in u select p * q];
        double[] m = [3, 1, -2, 0.5, 4, 1];

        double[] b = LinearAlgebra.SolveRightHermitian<double>(m, 2, v, 3);

        for (int i = 0; i < 2; i++)
        {
            double projection = ((m[i * 3] * u[0]) + (m[(i * 3) + 1] * u[1]) + (m[(i * 3) + 2] * u[2])) / 81.0;
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(projection * u[j], b[(i * 3) + j], 12);
            }
        }
    }

    private static double[] Gram(double[] a, int rows, int n)
    {
        var g = new double[n * n];
        for (int r = 0; r < n; r++)
        {
            for (int s = 0; s < n; s++)
            {
                for (int i = 0; i < rows; i++)
                {
                    g[(r * n) + s] += a[(i * n) + r] * a[(i * n) + s];
                }
            }
        }

        return g;
    }

    private static double[] Multiply(double[] b, int rows, double[] v, int n)
    {
        var product = new double[rows * n];
        for (int i = 0; i < rows; i++)
        {
            for (int s = 0; s < n; s++)
            {
                for (int r = 0; r < n; r++)
                {
                    product[(i * n) + s] += b[(i * n) + r] * v[(r * n) + s];
                }
            }
        }

        return product;
    }
}
