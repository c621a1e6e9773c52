using System;
using System.Globalization;
using System.Linq;
using System.Numerics.Tensors;
using TensorGen.Decompositions;

namespace Decompositions;

/// <summary>
/// Tucker compression of a smooth 3-D field on a 64³ grid: truncated HOSVD at several tolerances, the field rebuilt by
/// the generated kernel, and the compression ratio beside the error it costs (De Lathauwer et al. 2000).
/// </summary>
internal static class TuckerCompression
{
    private const int N = 64;

    public static int Run()
    {
        Console.WriteLine("1. Tucker compression of a 3-D field (64³ grid, truncated HOSVD, rebuilt by a generated kernel)");
        Tensor<double> field = Field();
        double norm = Norm(field);
        Console.WriteLine("   tolerance   ranks           stored   ratio    relative error   HOOI error");
        int failures = 0;
        foreach (double tolerance in new[] { 1e-1, 1e-2, 1e-3, 1e-4, 1e-6 })
        {
            TuckerTensor<double> tucker = TuckerTensor.Hosvd(field, tolerance);
            double error = Error(field, tucker, norm);
            int[] ranks = tucker.Ranks.ToArray().Select(r => (int)r).ToArray();
            FitResult<TuckerTensor<double>> refined = TuckerTensor.FitHooi(field, ranks, new HooiOptions { MaxIterations = 5 });
            long stored = ranks.Aggregate(1L, (p, r) => p * r) + ranks.Sum(r => (long)N * r);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"   {tolerance,9:0e+0}   {"[" + string.Join(",", ranks) + "]",-14}  {stored,7}  {(double)N * N * N / stored,6:0.0}x   {error,14:0.000e+0}   {refined.RelativeError,10:0.000e+0}"));
            if (error > tolerance || refined.RelativeError > error * (1 + 1e-9))
            {
                Console.WriteLine("   FAILED: the error exceeds the tolerance, or HOOI made it worse");
                failures++;
            }
        }

        Console.WriteLine();
        return failures;
    }

    /// <summary>Gaussian blobs, a standing wave and a sheared front: smooth, so its unfoldings' singular values decay fast.</summary>
    private static Tensor<double> Field()
    {
        var data = new double[N * N * N];
        for (int i = 0; i < N; i++)
        {
            double x = i / (N - 1.0);
            for (int j = 0; j < N; j++)
            {
                double y = j / (N - 1.0);
                for (int k = 0; k < N; k++)
                {
                    double z = k / (N - 1.0);
                    double blobs = Math.Exp(-40 * (Sq(x - 0.3) + Sq(y - 0.6) + Sq(z - 0.4))) + 0.5 * Math.Exp(-25 * (Sq(x - 0.7) + Sq(y - 0.3) + Sq(z - 0.7)));
                    double wave = 0.3 * Math.Sin(2 * Math.PI * x) * Math.Cos(3 * Math.PI * y) * Math.Sin(Math.PI * z);
                    double front = 0.2 * Math.Tanh(8 * (x + 0.5 * y - z));
                    data[(((i * N) + j) * N) + k] = blobs + wave + front;
                }
            }
        }

        return Tensor.Create(data, [N, N, N]);
    }

    private static double Error(Tensor<double> field, TuckerTensor<double> tucker, double norm)
    {
        Tensor<double> rebuilt = Tensor.CreateFromShape<double>([N, N, N]);
        Kernels.Expand(tucker, rebuilt.AsTensorSpan());
        double residual = 0;
        var a = new double[field.FlattenedLength];
        var b = new double[rebuilt.FlattenedLength];
        field.FlattenTo(a);
        rebuilt.FlattenTo(b);
        for (int n = 0; n < a.Length; n++)
        {
            residual += Sq(a[n] - b[n]);
        }

        return Math.Sqrt(residual) / norm;
    }

    private static double Norm(Tensor<double> tensor)
    {
        var values = new double[tensor.FlattenedLength];
        tensor.FlattenTo(values);
        return Math.Sqrt(values.Sum(v => v * v));
    }

    private static double Sq(double v) => v * v;
}
