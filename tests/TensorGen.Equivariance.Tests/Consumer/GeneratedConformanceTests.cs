using System;
using System.Linq;
using System.Numerics.Tensors;
using TensorGen.Equivariance.Tests.Conformance;
using Xunit;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>
/// The generated kernels against e3nn 0.5.6 (e3nn_tp_cases.json): forward and the gradients of Σ out·r with respect to x1,
/// x2 and the weights; max abs error ≤ 1e-10 in double, relative ≤ 1e-5 in float.
/// </summary>
public sealed class GeneratedConformanceTests
{
    [Theory]
    [MemberData(nameof(TpCase.Names), MemberType = typeof(TpCase))]
    public void Double_kernels_match_e3nn(string name)
    {
        TpCase c = TpCase.Named(name);
        TensorProductKernels<double> kernels = ConformanceKernels.Cases[name].Double;
        var (output, gradX1, gradX2, gradWeights) = Run(c, kernels, v => v);

        TensorProductConformanceTests.AssertClose(c.Out.Data, output, "output");
        TensorProductConformanceTests.AssertClose(c.GradX1.Data, gradX1, "grad_x1");
        TensorProductConformanceTests.AssertClose(c.GradX2.Data, gradX2, "grad_x2");
        TensorProductConformanceTests.AssertClose(c.GradWeights.Data, gradWeights, "grad_weights");
    }

    [Theory]
    [MemberData(nameof(TpCase.Names), MemberType = typeof(TpCase))]
    public void Float_kernels_match_e3nn(string name)
    {
        TpCase c = TpCase.Named(name);
        TensorProductKernels<float> kernels = ConformanceKernels.Cases[name].Single;
        var (output, gradX1, gradX2, gradWeights) = Run(c, kernels, v => (float)v);

        AssertRelative(c.Out.Data, output, "output");
        AssertRelative(c.GradX1.Data, gradX1, "grad_x1");
        AssertRelative(c.GradX2.Data, gradX2, "grad_x2");
        AssertRelative(c.GradWeights.Data, gradWeights, "grad_weights");
    }

    /// <summary>Forward and backward of the case's inputs with one kernel pair; results as doubles.</summary>
    internal static (double[] Output, double[] GradX1, double[] GradX2, double[] GradWeights) Run<T>(TpCase c, TensorProductKernels<T> kernels, Func<double, T> convert)
        where T : unmanaged, IConvertible
    {
        int z = c.Batch;
        T[] x1 = c.X1.Data.Select(convert).ToArray(), x2 = c.X2.Data.Select(convert).ToArray();
        T[] w = c.Weights.Data.Select(convert).ToArray(), r = c.R.Data.Select(convert).ToArray();
        nint[] weightShape = c.SharedWeights ? new nint[] { w.Length } : new nint[] { z, w.Length / Math.Max(1, z) };
        int dimOut = c.Out.Data.Length / z;
        var output = new T[z * dimOut];
        var gradX1 = new T[x1.Length];
        var gradX2 = new T[x2.Length];
        var gradWeights = new T[w.Length];
        kernels.Forward(new ReadOnlyTensorSpan<T>(x1, [z, x1.Length / z]), new ReadOnlyTensorSpan<T>(x2, [z, x2.Length / z]),
            new ReadOnlyTensorSpan<T>(w, weightShape), new TensorSpan<T>(output, [z, dimOut]));
        kernels.Backward(new ReadOnlyTensorSpan<T>(x1, [z, x1.Length / z]), new ReadOnlyTensorSpan<T>(x2, [z, x2.Length / z]),
            new ReadOnlyTensorSpan<T>(w, weightShape), new ReadOnlyTensorSpan<T>(r, [z, dimOut]),
            new TensorSpan<T>(gradX1, [z, x1.Length / z]), new TensorSpan<T>(gradX2, [z, x2.Length / z]), new TensorSpan<T>(gradWeights, weightShape));
        static double[] D(T[] values) => values.Select(v => v.ToDouble(null)).ToArray();
        return (D(output), D(gradX1), D(gradX2), D(gradWeights));
    }

    /// <summary>|expected − actual| ≤ 1e-5 · max(1, max |expected|): the float bound, relative to the case's magnitude.</summary>
    internal static void AssertRelative(double[] expected, double[] actual, string what)
    {
        double scale = Math.Max(1.0, expected.Select(Math.Abs).DefaultIfEmpty(0).Max());
        TensorProductConformanceTests.AssertClose(expected, actual, what + " (float)", 1e-5 * scale);
    }
}
