using System;
using System.Linq;
using System.Numerics.Tensors;
using TensorGen.Runtime.Gpu;
using TensorGen.Runtime.Gpu.MessagePassing;
using Xunit;

namespace TensorGen.Gpu.Tests.MessagePassing;

/// <summary>
/// The fused convolution's GPU kernels on ILGPU's CPU accelerator, against the generated CPU kernels and a plain gather →
/// dense reference product → scatter (double): forward and backward, deterministic and atomic, float and double, per-edge,
/// shared and no weights, on random graphs with empty segments, repeated edges and unsorted receivers. Deterministic kernels
/// must give bit-identical results when run twice; bad edge indices must throw before anything is written or launched.
/// </summary>
[Collection(GpuCollection.Name)]
public sealed class ConvolutionGpuTests
{
    private readonly GpuContext _gpu;

    public ConvolutionGpuTests(GpuFixture fixture) => _gpu = fixture.Gpu;

    public static TheoryData<string> Cases => new(ConvolutionGpuCases.All.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void ForwardMatchesCpuAndReference(string name)
    {
        ConvolutionGpuCase convolution = ConvolutionGpuCases.All[name];
        var graph = ConvolutionGraph.Random(seed: 21);
        var (x, y, w) = Inputs(convolution, graph, seed: 22);

        double[] gpu = convolution.Forward(_gpu, x, y, w, graph);
        double[] cpu = convolution.Forward(null, x, y, w, graph);
        double[] reference = convolution.ReferenceForward(x, y, w, graph);

        Assert.Contains(Enumerable.Range(0, graph.Targets), r => !graph.Receivers.Contains(r)); // an empty segment
        AssertClose(cpu, gpu, convolution.Tolerance, "GPU vs CPU output");
        AssertClose(reference, gpu, convolution.Tolerance, "GPU vs reference output");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BackwardMatchesCpuAndReference(string name)
    {
        ConvolutionGpuCase convolution = ConvolutionGpuCases.All[name];
        var graph = ConvolutionGraph.Random(seed: 31);
        var (x, y, w) = Inputs(convolution, graph, seed: 32);
        double[] gradOutput = Random(new Random(33), graph.Targets * convolution.Description.DimOut);

        var gpu = convolution.Backward(_gpu, x, y, w, graph, gradOutput);
        var cpu = convolution.Backward(null, x, y, w, graph, gradOutput);
        var reference = convolution.ReferenceBackward(x, y, w, graph, gradOutput);

        AssertClose(cpu.X, gpu.X, convolution.Tolerance, "GPU vs CPU gradNodeFeatures");
        AssertClose(cpu.Y, gpu.Y, convolution.Tolerance, "GPU vs CPU gradEdgeFeatures");
        AssertClose(cpu.W, gpu.W, convolution.Tolerance, "GPU vs CPU gradWeights");
        AssertClose(reference.X, gpu.X, convolution.Tolerance, "GPU vs reference gradNodeFeatures");
        AssertClose(reference.Y, gpu.Y, convolution.Tolerance, "GPU vs reference gradEdgeFeatures");
        AssertClose(reference.W, gpu.W, convolution.Tolerance, "GPU vs reference gradWeights");
    }

    [Theory]
    [InlineData("nequip double deterministic")]
    [InlineData("nequip float deterministic")]
    [InlineData("shared double deterministic")]
    [InlineData("warp float deterministic")]
    public void DeterministicRunsAreBitIdentical(string name)
    {
        ConvolutionGpuCase convolution = ConvolutionGpuCases.All[name];
        Assert.True(convolution.Deterministic);
        var graph = ConvolutionGraph.Random(seed: 41, nodes: 6, targets: 7, edges: 57);
        var (x, y, w) = Inputs(convolution, graph, seed: 42);
        double[] gradOutput = Random(new Random(43), graph.Targets * convolution.Description.DimOut);

        Assert.Equal(convolution.Forward(_gpu, x, y, w, graph), convolution.Forward(_gpu, x, y, w, graph));
        var first = convolution.Backward(_gpu, x, y, w, graph, gradOutput);
        var second = convolution.Backward(_gpu, x, y, w, graph, gradOutput);
        Assert.Equal(first.X, second.X);
        Assert.Equal(first.Y, second.Y);
        Assert.Equal(first.W, second.W);
    }

    [Fact]
    public void NoEdgesGiveZeros()
    {
        ConvolutionGpuCase convolution = ConvolutionGpuCases.All["nequip double atomic"];
        var graph = new ConvolutionGraph(4, 3, Array.Empty<int>(), Array.Empty<int>());
        var (x, y, w) = Inputs(convolution, graph, seed: 51);

        Assert.All(convolution.Forward(_gpu, x, y, w, graph), v => Assert.Equal(0.0, v));
        var gradients = convolution.Backward(_gpu, x, y, w, graph, Random(new Random(52), graph.Targets * convolution.Description.DimOut));
        Assert.All(gradients.X, v => Assert.Equal(0.0, v));
    }

    [Theory]
    [InlineData(new[] { 0, 9, 1 }, new[] { 0, 1, 2 }, "senders")]  // a sender past the node features' rows
    [InlineData(new[] { 0, 1, 2 }, new[] { 0, -1, 2 }, "receivers")] // a negative receiver
    [InlineData(new[] { 0, 1, 2 }, new[] { 0, 1 }, "receivers")]     // one receiver short
    public void BadEdgeIndicesThrowBeforeAnythingIsWritten(int[] senders, int[] receivers, string parameter)
    {
        const int nodes = 4, targets = 3, edges = 3;
        var d = ConvolutionGpuCases.All["nequip double deterministic"].Description;
        var x = new double[nodes * d.Dim1];
        var y = new double[edges * d.Dim2];
        var w = new double[edges * d.WeightCount];
        var output = Enumerable.Repeat(7.0, targets * d.DimOut).ToArray();

        var error = Assert.Throws<ArgumentException>(() => ConvolutionGpuKernels.NequipDeterministicGpu(_gpu,
            new ReadOnlyTensorSpan<double>(x, new nint[] { nodes, d.Dim1 }), new ReadOnlyTensorSpan<double>(y, new nint[] { edges, d.Dim2 }),
            new ReadOnlyTensorSpan<double>(w, new nint[] { edges, d.WeightCount }), senders, receivers,
            new TensorSpan<double>(output, new nint[] { targets, d.DimOut })));
        Assert.Equal(parameter, error.ParamName);
        Assert.All(output, v => Assert.Equal(7.0, v));

        var gradX = Enumerable.Repeat(7.0, x.Length).ToArray();
        var backwardError = Assert.Throws<ArgumentException>(() => ConvolutionGpuKernels.NequipAtomicBackwardGpu(_gpu,
            new ReadOnlyTensorSpan<double>(x, new nint[] { nodes, d.Dim1 }), new ReadOnlyTensorSpan<double>(y, new nint[] { edges, d.Dim2 }),
            new ReadOnlyTensorSpan<double>(w, new nint[] { edges, d.WeightCount }), senders, receivers,
            new ReadOnlyTensorSpan<double>(new double[targets * d.DimOut], new nint[] { targets, d.DimOut }),
            new TensorSpan<double>(gradX, new nint[] { nodes, d.Dim1 }), new TensorSpan<double>(new double[y.Length], new nint[] { edges, d.Dim2 }),
            new TensorSpan<double>(new double[w.Length], new nint[] { edges, d.WeightCount })));
        Assert.Equal(parameter, backwardError.ParamName);
        Assert.All(gradX, v => Assert.Equal(7.0, v));
    }

    [Fact]
    public void GraphRejectsBadIndicesAndDeviceViewsMustFitIt()
    {
        Assert.Throws<ArgumentException>("senders", () => GpuGraph.Create(_gpu, new[] { 0, 4 }, new[] { 0, 0 }, nodes: 4, targets: 1));
        Assert.Throws<ArgumentException>("receivers", () => GpuGraph.Create(_gpu, new[] { 0, 1 }, new[] { 0 }, nodes: 4, targets: 1));

        var d = ConvolutionGpuCases.All["nequip double atomic"].Description;
        using GpuGraph graph = GpuGraph.Create(_gpu, new[] { 0, 1, 3 }, new[] { 1, 1, 0 }, nodes: 4, targets: 2);
        using GpuBuffer<double> x = _gpu.Rent<double>(5L * d.Dim1); // one node row too many
        using GpuBuffer<double> y = _gpu.Rent<double>(3L * d.Dim2);
        using GpuBuffer<double> w = _gpu.Rent<double>(3L * d.WeightCount);
        using GpuBuffer<double> output = _gpu.Rent<double>(2L * d.DimOut);
        var error = Assert.Throws<ArgumentException>(() => ConvolutionGpuKernels.NequipAtomicGpu(_gpu, x.View, y.View, w.View, graph, output.View));
        Assert.Equal("nodeFeatures", error.ParamName);
    }

    /// <summary>
    /// Both variants on a CUDA device, where atomics really race and a graph of 400 atoms × 16 neighbours is quick, against the
    /// CPU kernel; the deterministic one twice, bit for bit. Skipped without a CUDA device (as in CI).
    /// </summary>
    [SkippableTheory]
    [Trait("Category", "Cuda")]
    [InlineData("nequip float deterministic")]
    [InlineData("nequip float atomic")]
    [InlineData("shared double atomic")]
    public void CudaMatchesCpu(string name)
    {
        Skip.IfNot(GpuContext.HasCudaDevice(), CudaTests.NoDevice);
        using GpuContext cuda = GpuContext.Create(GpuDevice.Cuda);
        ConvolutionGpuCase convolution = ConvolutionGpuCases.All[name];
        var graph = ConvolutionGraph.Random(seed: 61, nodes: 400, targets: 400, edges: 6400);
        var (x, y, w) = Inputs(convolution, graph, seed: 62);
        double[] gradOutput = Random(new Random(63), graph.Targets * convolution.Description.DimOut);

        double[] output = convolution.Forward(cuda, x, y, w, graph);
        var gradients = convolution.Backward(cuda, x, y, w, graph, gradOutput);
        var cpu = convolution.Backward(null, x, y, w, graph, gradOutput);
        AssertClose(convolution.Forward(null, x, y, w, graph), output, convolution.Tolerance * 10, "CUDA vs CPU output");
        AssertClose(cpu.X, gradients.X, convolution.Tolerance * 10, "CUDA vs CPU gradNodeFeatures");
        AssertClose(cpu.Y, gradients.Y, convolution.Tolerance * 10, "CUDA vs CPU gradEdgeFeatures");
        AssertClose(cpu.W, gradients.W, convolution.Tolerance * 10, "CUDA vs CPU gradWeights");
        if (convolution.Deterministic)
        {
            Assert.Equal(output, convolution.Forward(cuda, x, y, w, graph));
            Assert.Equal(gradients.X, convolution.Backward(cuda, x, y, w, graph, gradOutput).X);
        }
    }

    private static (double[] X, double[] Y, double[] W) Inputs(ConvolutionGpuCase convolution, ConvolutionGraph graph, int seed)
    {
        var random = new Random(seed);
        return (Random(random, graph.Nodes * convolution.Description.Dim1), Random(random, graph.Edges * convolution.Description.Dim2),
            Random(random, convolution.WeightLength(graph.Edges)));
    }

    private static double[] Random(Random random, int length) => Enumerable.Range(0, length).Select(_ => (random.NextDouble() * 2) - 1).ToArray();

    /// <summary>Every element within <paramref name="tolerance"/> of the largest expected magnitude.</summary>
    private static void AssertClose(double[] expected, double[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = Math.Max(1e-30, expected.Select(Math.Abs).DefaultIfEmpty(0).Max());
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(expected[i] - actual[i]) / scale;
            Assert.True(error <= tolerance, $"{what}: element {i}: expected {expected[i]:R}, got {actual[i]:R} (relative error {error:E2} > {tolerance:E1})");
        }
    }
}
