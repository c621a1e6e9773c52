using System;
using System.Linq;
using System.Numerics.Tensors;
using TensorGen.Runtime.Gpu;
using Xunit;
using static TensorGen.Gpu.Tests.Equivariant.EquivariantGpuTests;

namespace TensorGen.Gpu.Tests.Equivariant;

/// <summary>
/// [SphericalHarmonicsDoubleBackward] on ILGPU's CPU accelerator against the generated CPU kernel (which the equivariance tests
/// check against finite differences): float and double, normalized and raw, l up to 6, a zero vector among the rows; the device
/// entry point's checks.
/// </summary>
[Collection(GpuCollection.Name)]
public sealed class HarmonicsDoubleBackwardGpuTests
{
    private readonly GpuContext _gpu;

    public HarmonicsDoubleBackwardGpuTests(GpuFixture fixture) => _gpu = fixture.Gpu;

    private delegate void Pass<T>(ReadOnlyTensorSpan<T> vectors, ReadOnlyTensorSpan<T> gradOutput, ReadOnlyTensorSpan<T> gradGradVectors,
        TensorSpan<T> gradVectors, TensorSpan<T> gradGradOutput);

    [Theory]
    [InlineData("HarmonicsDouble", 12)]
    [InlineData("HarmonicsSix", 49)]
    public void DoubleMatchesCpu(string name, int dim)
    {
        const int batch = 13;
        var random = new Random(19);
        double[] vectors = Values(random, batch * 3), gradOutput = Values(random, batch * dim), direction = Values(random, batch * 3);
        vectors[0] = vectors[1] = vectors[2] = 0; // a zero vector: the derivative of the backward at r / ε
        var (cpu, gpu) = name == "HarmonicsDouble"
            ? (Run<double>(EquivariantGpuKernels.HarmonicsDoubleDoubleBackward, vectors, gradOutput, direction, dim),
                Run<double>((v, g, gg, gv, ggo) => EquivariantGpuKernels.HarmonicsDoubleDoubleBackwardGpu(_gpu, v, g, gg, gv, ggo), vectors, gradOutput, direction, dim))
            : (Run<double>(EquivariantGpuKernels.HarmonicsSixDoubleBackward, vectors, gradOutput, direction, dim),
                Run<double>((v, g, gg, gv, ggo) => EquivariantGpuKernels.HarmonicsSixDoubleBackwardGpu(_gpu, v, g, gg, gv, ggo), vectors, gradOutput, direction, dim));
        AssertClose(cpu.GradVectors, gpu.GradVectors, 1e-13, name + " gradVectors");
        AssertClose(cpu.GradGradOutput, gpu.GradGradOutput, 1e-13, name + " gradGradOutput");
    }

    [Fact]
    public void FloatMatchesCpu()
    {
        const int batch = 13;
        var random = new Random(21);
        float[] vectors = Single(Values(random, batch * 3)), gradOutput = Single(Values(random, batch * 16)), direction = Single(Values(random, batch * 3));
        var cpu = Run<float>(EquivariantGpuKernels.HarmonicsSingleDoubleBackward, vectors, gradOutput, direction, 16);
        var gpu = Run<float>((v, g, gg, gv, ggo) => EquivariantGpuKernels.HarmonicsSingleDoubleBackwardGpu(_gpu, v, g, gg, gv, ggo), vectors, gradOutput, direction, 16);
        AssertClose(Double(cpu.GradVectors), Double(gpu.GradVectors), 1e-4, "float gradVectors");
        AssertClose(Double(cpu.GradGradOutput), Double(gpu.GradGradOutput), 1e-4, "float gradGradOutput");
    }

    [Fact]
    public void DeviceViewsAreCheckedBeforeAnythingRuns()
    {
        using GpuBuffer<double> vectors = _gpu.Upload<double>(new double[6]), gradOutput = _gpu.Upload<double>(new double[24]);
        using GpuBuffer<double> gradGradVectors = _gpu.Upload<double>(new double[6]), gradVectors = _gpu.Upload<double>(Enumerable.Repeat(42.0, 6).ToArray());
        using GpuBuffer<double> shortOutput = _gpu.Upload<double>(new double[23]);
        var error = Assert.Throws<ArgumentException>(() => EquivariantGpuKernels.HarmonicsDoubleDoubleBackwardGpu(_gpu, vectors.View, gradOutput.View, gradGradVectors.View,
            gradVectors.View, shortOutput.View));
        Assert.Equal("gradGradOutput", error.ParamName);
        Assert.Contains("[2, 12]", error.Message, StringComparison.Ordinal);

        error = Assert.Throws<ArgumentException>(() => EquivariantGpuKernels.HarmonicsDoubleDoubleBackwardGpu(_gpu, vectors.View, gradOutput.View, gradGradVectors.View,
            gradVectors.View, gradOutput.View));
        Assert.Equal("gradGradOutput", error.ParamName);

        var written = new double[6];
        _gpu.Download(gradVectors.View, written);
        Assert.All(written, v => Assert.Equal(42.0, v));
    }

    private static (T[] GradVectors, T[] GradGradOutput) Run<T>(Pass<T> pass, T[] vectors, T[] gradOutput, T[] gradGradVectors, int dim)
    {
        int rows = vectors.Length / 3;
        var (gradVectors, gradGradOutput) = (new T[rows * 3], new T[rows * dim]);
        pass(new ReadOnlyTensorSpan<T>(vectors, [rows, 3]), new ReadOnlyTensorSpan<T>(gradOutput, [rows, dim]), new ReadOnlyTensorSpan<T>(gradGradVectors, [rows, 3]),
            new TensorSpan<T>(gradVectors, [rows, 3]), new TensorSpan<T>(gradGradOutput, [rows, dim]));
        return (gradVectors, gradGradOutput);
    }

    private static double[] Values(Random random, int n) => Enumerable.Range(0, n).Select(_ => (random.NextDouble() * 2) - 1).ToArray();

    private static float[] Single(double[] values) => values.Select(v => (float)v).ToArray();

    private static double[] Double(float[] values) => values.Select(v => (double)v).ToArray();
}
