using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics.Tensors;
using ILGPU;
using ILGPU.Runtime.CPU;
using TensorGen.Equivariance;
using TensorGen.Runtime.Gpu;
using TensorGen.Tests.Reference;
using Xunit;

namespace TensorGen.Gpu.Tests.Equivariant;

/// <summary>
/// The GPU tensor products and spherical harmonics on ILGPU's CPU accelerator, against the generated CPU kernels and the dense
/// reference (tests/Shared/Equivariance): forward and backward, shared and per-row weights, float and double, every
/// connection mode, batches that leave groups part empty.
/// </summary>
[Collection(GpuCollection.Name)]
public sealed class EquivariantGpuTests
{
    private readonly GpuContext _gpu;

    public EquivariantGpuTests(GpuFixture fixture) => _gpu = fixture.Gpu;

    public static TheoryData<string> Products => new(EquivariantGpuProducts.All.Keys);

    [Theory]
    [MemberData(nameof(Products))]
    public void ForwardMatchesCpuAndReference(string name)
    {
        EquivariantGpuProduct product = EquivariantGpuProducts.All[name];
        const int batch = 7;
        var random = new Random(11);
        double[] x1 = Random(random, batch * product.Description.Dim1);
        double[] x2 = Random(random, batch * product.Description.Dim2);
        double[] weights = Random(random, product.WeightLength(batch));

        double[] gpu = product.Forward(_gpu, x1, x2, weights, batch);
        double[] cpu = product.Forward(null, x1, x2, weights, batch);
        double[] reference = product.Reference().Forward(x1, x2, weights, batch);

        AssertClose(cpu, gpu, product.Tolerance, "GPU vs CPU output");
        AssertClose(reference, gpu, product.Tolerance, "GPU vs reference output");
    }

    [Theory]
    [MemberData(nameof(Products))]
    public void BackwardMatchesCpuAndReference(string name)
    {
        EquivariantGpuProduct product = EquivariantGpuProducts.All[name];
        const int batch = 9;
        BackwardInputs inputs = BackwardInputs.Draw(product, batch, seed: 12);

        var gpu = BackwardMatchesCpu(_gpu, product, inputs);
        var reference = product.Reference().Backward(inputs.X1, inputs.X2, inputs.Weights, inputs.GradOutput, batch);

        AssertClose(reference.GradX1, gpu.GradX1, product.Tolerance, "GPU vs reference gradX1");
        AssertClose(reference.GradX2, gpu.GradX2, product.Tolerance, "GPU vs reference gradX2");
        AssertClose(reference.GradWeights, gpu.GradWeights, product.Tolerance * batch, "GPU vs reference gradWeights");
    }

    /// <summary>
    /// A backward kernel written for 32 lanes per row sums x2's gradient by warp shuffles when a row is one warp; on an
    /// accelerator with narrower warps (here ILGPU's CPU accelerator with warps of 4, as a caller's own accelerator may be)
    /// it falls back to shared-memory atomics, and the gradients are the same.
    /// </summary>
    [Theory]
    [InlineData("mace-large rows single")]
    [InlineData("wide shared double")]
    public void BackwardWithNarrowWarpsMatchesCpu(string name)
    {
        EquivariantGpuProduct product = EquivariantGpuProducts.All[name];
        using var context = Context.Create(builder => builder.CPU(new CPUDevice(4, 16, 1)));
        using var accelerator = context.CreateCPUAccelerator(0);
        using GpuContext narrow = GpuContext.For(accelerator);

        BackwardMatchesCpu(narrow, product, BackwardInputs.Draw(product, batch: 5, seed: 14));
    }

    /// <summary>Runs the backward pass on <paramref name="gpu"/> and on the CPU kernel, asserts they agree, and returns the GPU's gradients.</summary>
    private static (double[] GradX1, double[] GradX2, double[] GradWeights) BackwardMatchesCpu(GpuContext gpu, EquivariantGpuProduct product, BackwardInputs inputs)
    {
        var onGpu = product.Backward(gpu, inputs.X1, inputs.X2, inputs.Weights, inputs.GradOutput, inputs.Batch);
        var onCpu = product.Backward(null, inputs.X1, inputs.X2, inputs.Weights, inputs.GradOutput, inputs.Batch);
        AssertClose(onCpu.GradX1, onGpu.GradX1, product.Tolerance, "GPU vs CPU gradX1");
        AssertClose(onCpu.GradX2, onGpu.GradX2, product.Tolerance, "GPU vs CPU gradX2");
        AssertClose(onCpu.GradWeights, onGpu.GradWeights, product.Tolerance * inputs.Batch, "GPU vs CPU gradWeights");
        return onGpu;
    }

    /// <summary>Random inputs of a backward pass: the forward's inputs and the output's gradient, for <paramref name="Batch"/> rows.</summary>
    private sealed record BackwardInputs(int Batch, double[] X1, double[] X2, double[] Weights, double[] GradOutput)
    {
        public static BackwardInputs Draw(EquivariantGpuProduct product, int batch, int seed)
        {
            var random = new Random(seed);
            double[] x1 = Random(random, batch * product.Description.Dim1);
            double[] x2 = Random(random, batch * product.Description.Dim2);
            double[] weights = Random(random, product.WeightLength(batch));
            double[] gradOutput = Random(random, batch * product.Description.DimOut);
            return new BackwardInputs(batch, x1, x2, weights, gradOutput);
        }
    }

    [Fact]
    public void DeviceEntryPointsRunOnDeviceViewsAndOverwriteTheirResults()
    {
        TensorProductDescription d = EquivariantGpuProducts.All["mixed shared double"].Description;
        const int batch = 3;
        var random = new Random(13);
        double[] x1 = Random(random, batch * d.Dim1), x2 = Random(random, batch * d.Dim2), weights = Random(random, d.WeightCount);
        double[] gradOutput = Random(random, batch * d.DimOut);
        using GpuBuffer<double> deviceX1 = _gpu.Upload<double>(x1), deviceX2 = _gpu.Upload<double>(x2), deviceWeights = _gpu.Upload<double>(weights);
        using GpuBuffer<double> deviceGradOutput = _gpu.Upload<double>(gradOutput);
        using GpuBuffer<double> output = _gpu.Upload<double>(Enumerable.Repeat(double.NaN, batch * d.DimOut).ToArray());
        using GpuBuffer<double> gradX1 = _gpu.Upload<double>(Enumerable.Repeat(double.NaN, x1.Length).ToArray());
        using GpuBuffer<double> gradX2 = _gpu.Upload<double>(Enumerable.Repeat(double.NaN, x2.Length).ToArray());
        using GpuBuffer<double> gradWeights = _gpu.Upload<double>(Enumerable.Repeat(double.NaN, weights.Length).ToArray());

        EquivariantGpuKernels.MixedSharedDoubleGpu(_gpu, deviceX1.View, deviceX2.View, deviceWeights.View, output.View);
        EquivariantGpuKernels.MixedSharedDoubleBackwardGpu(_gpu, deviceX1.View, deviceX2.View, deviceWeights.View, deviceGradOutput.View,
            gradX1.View, gradX2.View, gradWeights.View);

        var expected = new double[batch * d.DimOut];
        EquivariantGpuKernels.MixedSharedDouble(Tensor(x1, batch, d.Dim1), Tensor(x2, batch, d.Dim2), new ReadOnlyTensorSpan<double>(weights), new TensorSpan<double>(expected, [batch, d.DimOut]));
        var (expectedX1, expectedX2, expectedWeights) = (new double[x1.Length], new double[x2.Length], new double[weights.Length]);
        EquivariantGpuKernels.MixedSharedDoubleBackward(Tensor(x1, batch, d.Dim1), Tensor(x2, batch, d.Dim2), new ReadOnlyTensorSpan<double>(weights),
            Tensor(gradOutput, batch, d.DimOut), new TensorSpan<double>(expectedX1, [batch, d.Dim1]), new TensorSpan<double>(expectedX2, [batch, d.Dim2]),
            new TensorSpan<double>(expectedWeights));
        AssertClose(expected, Download(output), 1e-12, "output");
        AssertClose(expectedX1, Download(gradX1), 1e-12, "gradX1");
        AssertClose(expectedX2, Download(gradX2), 1e-12, "gradX2");
        AssertClose(expectedWeights, Download(gradWeights), 1e-12, "gradWeights");
    }

    [Fact]
    public void StridedHostTensorsArePackedAndUnpacked()
    {
        TensorProductDescription d = EquivariantGpuProducts.All["mixed rows double"].Description;
        const int batch = 4;
        var random = new Random(14);
        // x1 is every other row of a [2Z, dim1] matrix; the output is a column-major view.
        double[] x1Storage = Random(random, 2 * batch * d.Dim1);
        var x1 = new ReadOnlyTensorSpan<double>(x1Storage, [batch, d.Dim1], [2 * d.Dim1, 1]);
        double[] x2 = Random(random, batch * d.Dim2), weights = Random(random, batch * d.WeightCount);
        var gpuStorage = new double[batch * d.DimOut];
        var cpuStorage = new double[batch * d.DimOut];

        EquivariantGpuKernels.MixedRowsDoubleGpu(_gpu, x1, Tensor(x2, batch, d.Dim2), Tensor(weights, batch, d.WeightCount),
            new TensorSpan<double>(gpuStorage, [batch, d.DimOut], [1, batch]));
        EquivariantGpuKernels.MixedRowsDouble(x1, Tensor(x2, batch, d.Dim2), Tensor(weights, batch, d.WeightCount),
            new TensorSpan<double>(cpuStorage, [batch, d.DimOut], [1, batch]));

        AssertClose(cpuStorage, gpuStorage, 1e-12, "column-major output");
    }

    [Fact]
    public void ShapesAreCheckedBeforeAnythingRuns()
    {
        TensorProductDescription d = EquivariantGpuProducts.All["mixed shared double"].Description;
        using GpuBuffer<double> x1 = _gpu.Rent<double>(2 * d.Dim1), x2 = _gpu.Rent<double>(3 * d.Dim2), weights = _gpu.Rent<double>(d.WeightCount);
        using GpuBuffer<double> output = _gpu.Rent<double>(2 * d.DimOut);

        var e = Assert.Throws<ArgumentException>(() => EquivariantGpuKernels.MixedSharedDoubleGpu(_gpu, x1.View, x2.View, weights.View, output.View));
        Assert.Equal("x2", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => EquivariantGpuKernels.MixedSharedDoubleGpu(_gpu, x1.View, x2.View.SubView(0, 2 * d.Dim2), weights.View, x1.View));
        Assert.Equal("output", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => EquivariantGpuKernels.MixedSharedDoubleGpu(_gpu,
            new ReadOnlyTensorSpan<double>(new double[2 * d.Dim1], [2, d.Dim1]), new ReadOnlyTensorSpan<double>(new double[2 * d.Dim2], [2, d.Dim2]),
            new ReadOnlyTensorSpan<double>(new double[d.WeightCount + 1]), new TensorSpan<double>(new double[2 * d.DimOut], [2, d.DimOut])));
        Assert.Equal("weights", e.ParamName);
    }

    [Fact]
    public void EmptyBatchZeroesSharedWeightGradients()
    {
        TensorProductDescription d = EquivariantGpuProducts.All["mixed shared single"].Description;
        float[] gradWeights = Enumerable.Repeat(float.NaN, d.WeightCount).ToArray();
        EquivariantGpuKernels.MixedSharedSingleBackwardGpu(_gpu, new ReadOnlyTensorSpan<float>(Array.Empty<float>(), [0, d.Dim1]),
            new ReadOnlyTensorSpan<float>(Array.Empty<float>(), [0, d.Dim2]), new ReadOnlyTensorSpan<float>(new float[d.WeightCount]),
            new ReadOnlyTensorSpan<float>(Array.Empty<float>(), [0, d.DimOut]), new TensorSpan<float>(Array.Empty<float>(), [0, d.Dim1]),
            new TensorSpan<float>(Array.Empty<float>(), [0, d.Dim2]), new TensorSpan<float>(gradWeights));
        Assert.All(gradWeights, g => Assert.Equal(0f, g));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SphericalHarmonicsMatchCpu(bool single)
    {
        const int batch = 13;
        var random = new Random(15);
        double[] vectors = Random(random, batch * 3);
        vectors[0] = vectors[1] = vectors[2] = 0; // a zero vector stays zero when normalized
        if (single)
        {
            float[] v = vectors.Select(x => (float)x).ToArray();
            var (gpu, cpu) = (new float[batch * 16], new float[batch * 16]);
            EquivariantGpuKernels.HarmonicsSingleGpu(_gpu, new ReadOnlyTensorSpan<float>(v, [batch, 3]), new TensorSpan<float>(gpu, [batch, 16]));
            EquivariantGpuKernels.HarmonicsSingle(new ReadOnlyTensorSpan<float>(v, [batch, 3]), new TensorSpan<float>(cpu, [batch, 16]));
            AssertClose(cpu.Select(x => (double)x).ToArray(), gpu.Select(x => (double)x).ToArray(), 1e-5, "float harmonics");
        }
        else
        {
            var (gpu, cpu) = (new double[batch * 12], new double[batch * 12]);
            EquivariantGpuKernels.HarmonicsDoubleGpu(_gpu, Tensor(vectors, batch, 3), new TensorSpan<double>(gpu, [batch, 12]));
            EquivariantGpuKernels.HarmonicsDouble(Tensor(vectors, batch, 3), new TensorSpan<double>(cpu, [batch, 12]));
            AssertClose(cpu, gpu, 1e-13, "double harmonics");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SphericalHarmonicsBackwardMatchesCpu(bool single)
    {
        const int batch = 13;
        var random = new Random(17);
        double[] vectors = Random(random, batch * 3);
        vectors[0] = vectors[1] = vectors[2] = 0; // a zero vector: the gradient of r / ε
        if (single)
        {
            float[] v = vectors.Select(x => (float)x).ToArray(), g = Random(random, batch * 16).Select(x => (float)x).ToArray();
            var (gpu, cpu) = (new float[batch * 3], new float[batch * 3]);
            EquivariantGpuKernels.HarmonicsSingleBackwardGpu(_gpu, new ReadOnlyTensorSpan<float>(v, [batch, 3]), new ReadOnlyTensorSpan<float>(g, [batch, 16]),
                new TensorSpan<float>(gpu, [batch, 3]));
            EquivariantGpuKernels.HarmonicsSingleBackward(new ReadOnlyTensorSpan<float>(v, [batch, 3]), new ReadOnlyTensorSpan<float>(g, [batch, 16]),
                new TensorSpan<float>(cpu, [batch, 3]));
            AssertClose(cpu.Skip(3).Select(x => (double)x).ToArray(), gpu.Skip(3).Select(x => (double)x).ToArray(), 1e-5, "float harmonics gradient");
            AssertClose(cpu.Take(3).Select(x => (double)x).ToArray(), gpu.Take(3).Select(x => (double)x).ToArray(), 1e-5, "float harmonics gradient at 0");
        }
        else
        {
            double[] g = Random(random, batch * 12);
            var (gpu, cpu) = (new double[batch * 3], new double[batch * 3]);
            EquivariantGpuKernels.HarmonicsDoubleBackwardGpu(_gpu, Tensor(vectors, batch, 3), Tensor(g, batch, 12), new TensorSpan<double>(gpu, [batch, 3]));
            EquivariantGpuKernels.HarmonicsDoubleBackward(Tensor(vectors, batch, 3), Tensor(g, batch, 12), new TensorSpan<double>(cpu, [batch, 3]));
            AssertClose(cpu, gpu, 1e-13, "double harmonics gradient");
        }
    }

    /// <summary>
    /// The products on a CUDA device with a batch that fills many groups, against the reference (dense Wigner 3j, its own path
    /// weights) and the CPU kernel; reported skipped, with the reason, without a device.
    /// </summary>
    [SkippableFact]
    [Trait("Category", "Cuda")]
    public void CudaMatchesCpu()
    {
        Skip.IfNot(GpuContext.HasCudaDevice(), CudaTests.NoDevice);

        using GpuContext cuda = GpuContext.Create(GpuDevice.Cuda);
        foreach (string name in new[] { "mixed shared single", "mixed rows double", "channelwise rows single", "full shared single" })
        {
            EquivariantGpuProduct product = EquivariantGpuProducts.All[name];
            const int batch = 20_000;
            var random = new Random(16);
            double[] x1 = Random(random, batch * product.Description.Dim1), x2 = Random(random, batch * product.Description.Dim2);
            double[] weights = Random(random, product.WeightLength(batch)), gradOutput = Random(random, batch * product.Description.DimOut);
            double[] output = product.Forward(cuda, x1, x2, weights, batch);
            AssertClose(product.Reference().Forward(x1, x2, weights, batch), output, product.Tolerance, name + " output vs reference");
            AssertClose(product.Forward(null, x1, x2, weights, batch), output, product.Tolerance, name + " output");
            var cpu = product.Backward(null, x1, x2, weights, gradOutput, batch);
            var gpu = product.Backward(cuda, x1, x2, weights, gradOutput, batch);
            var reference = product.Reference().Backward(x1, x2, weights, gradOutput, batch);
            AssertClose(reference.GradX1, gpu.GradX1, product.Tolerance, name + " gradX1 vs reference");
            AssertClose(reference.GradX2, gpu.GradX2, product.Tolerance, name + " gradX2 vs reference");
            AssertClose(reference.GradWeights, gpu.GradWeights, product.Tolerance * batch, name + " gradWeights vs reference");
            AssertClose(cpu.GradX1, gpu.GradX1, product.Tolerance, name + " gradX1");
            AssertClose(cpu.GradX2, gpu.GradX2, product.Tolerance, name + " gradX2");
            AssertClose(cpu.GradWeights, gpu.GradWeights, product.Tolerance * Math.Sqrt(batch), name + " gradWeights");
        }
    }

    private double[] Download(GpuBuffer<double> buffer)
    {
        var result = new double[buffer.Length];
        _gpu.Download(buffer.View, result);
        return result;
    }

    private static ReadOnlyTensorSpan<double> Tensor(double[] data, int rows, int columns) => new(data, [rows, columns]);

    private static double[] Random(Random random, int n) => Enumerable.Range(0, n).Select(_ => (random.NextDouble() * 2) - 1).ToArray();

    /// <summary>|expected − actual| ≤ tolerance · max(1, |expected|) elementwise.</summary>
    internal static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            double error = Math.Abs(expected[i] - actual[i]);
            if (!(error <= tolerance * Math.Max(1.0, Math.Abs(expected[i]))))
            {
                Assert.Fail($"{what}: element {i.ToString(CultureInfo.InvariantCulture)} is {actual[i].ToString("R", CultureInfo.InvariantCulture)}, "
                    + $"expected {expected[i].ToString("R", CultureInfo.InvariantCulture)} (tolerance {tolerance.ToString("R", CultureInfo.InvariantCulture)}).");
            }
        }
    }
}
