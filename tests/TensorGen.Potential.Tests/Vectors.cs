using System;

namespace TensorGen.Potential.Tests;

/// <summary>Plain loops over flat coordinate arrays.</summary>
internal static class Vectors
{
    public static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    public static double Norm(double[] a) => Math.Sqrt(Dot(a, a));

    public static double[] Subtract(double[] a, double[] b)
    {
        var result = new double[a.Length];
        for (int i = 0; i < a.Length; i++)
        {
            result[i] = a[i] - b[i];
        }

        return result;
    }
}
