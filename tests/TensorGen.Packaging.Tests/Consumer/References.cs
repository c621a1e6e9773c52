using System;

namespace PackageConsumer;

/// <summary>The independent references: plain loops in double precision, written from the definitions.</summary>
public static class References
{
    /// <summary>result[b, i, k] = Σ_j a[b, i, j] · b[b, j, k], row-major.</summary>
    public static double[] BatchedMatMul(float[] a, float[] b, int batch, int rows, int inner, int columns)
    {
        double[] result = new double[batch * rows * columns];
        for (int z = 0; z < batch; z++)
        {
            for (int i = 0; i < rows; i++)
            {
                for (int k = 0; k < columns; k++)
                {
                    double sum = 0;
                    for (int j = 0; j < inner; j++)
                    {
                        sum += (double)a[(z * rows + i) * inner + j] * b[(z * inner + j) * columns + k];
                    }

                    result[(z * rows + i) * columns + k] = sum;
                }
            }
        }

        return result;
    }

    /// <summary>result[i, l] = Σ_jk a(i, j) b[j, k] c[k, l], with a read through <paramref name="aAt"/>.</summary>
    public static double[] Chain(Func<int, int, double> aAt, double[] b, double[] c, int ni, int nj, int nk, int nl)
    {
        double[] result = new double[ni * nl];
        for (int i = 0; i < ni; i++)
        {
            for (int l = 0; l < nl; l++)
            {
                double sum = 0;
                for (int j = 0; j < nj; j++)
                {
                    for (int k = 0; k < nk; k++)
                    {
                        sum += aAt(i, j) * b[j * nk + k] * c[k * nl + l];
                    }
                }

                result[i * nl + l] = sum;
            }
        }

        return result;
    }

    /// <summary>x[i, j, k] = Σ_r λ_r A[i, r] B[j, r] C[k, r].</summary>
    public static double[] CpDense(double[] weights, double[] a, double[] b, double[] c, int ni, int nj, int nk, int rank)
    {
        double[] result = new double[ni * nj * nk];
        for (int i = 0; i < ni; i++)
        {
            for (int j = 0; j < nj; j++)
            {
                for (int k = 0; k < nk; k++)
                {
                    double sum = 0;
                    for (int r = 0; r < rank; r++)
                    {
                        sum += weights[r] * a[i * rank + r] * b[j * rank + r] * c[k * rank + r];
                    }

                    result[(i * nj + j) * nk + k] = sum;
                }
            }
        }

        return result;
    }

    /// <summary>The largest |actual − expected|, and the largest |expected| (the scale a tolerance is relative to).</summary>
    public static (double Error, double Scale) Compare(ReadOnlySpan<double> actual, ReadOnlySpan<double> expected)
    {
        if (actual.Length != expected.Length)
        {
            return (double.PositiveInfinity, 0);
        }

        double error = 0, scale = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double difference = Math.Abs(actual[i] - expected[i]);
            error = double.IsNaN(difference) ? double.PositiveInfinity : Math.Max(error, difference);
            scale = Math.Max(scale, Math.Abs(expected[i]));
        }

        return (error, scale);
    }
}
