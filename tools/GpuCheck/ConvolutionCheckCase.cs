using System;
using System.Globalization;
using System.Linq;
using System.Numerics.Tensors;
using ILGPU;
using TensorGen.Equivariance;
using TensorGen.Runtime.Gpu;
using TensorGen.Runtime.Gpu.MessagePassing;

namespace TensorGen.GpuCheck;

/// <summary>
/// A fused convolution declared with <c>Backend.Gpu</c> (fp32, per-edge weights): the CPU method and the device entry point
/// on the same random graph and inputs, forward or backward. The graph is e3nn_message_passing.py's: N atoms, E = N × degree
/// edges, random senders, receivers sorted. The graph is built on the device once (GpuGraph) and not timed; FLOPs are e3nn's
/// count of the product times E.
/// </summary>
public sealed class ConvolutionCheckCase : GpuCheckCase
{
    private readonly TensorProductDescription _product;
    private readonly int _atoms;
    private readonly int _degree;
    private readonly CpuForward? _cpuForward;
    private readonly GpuForward? _gpuForward;
    private readonly CpuBackward? _cpuBackward;
    private readonly GpuBackward? _gpuBackward;

    private ConvolutionCheckCase(string id, string variant, TensorProductDescription product, int atoms, int degree, CpuForward? cpuForward,
        GpuForward? gpuForward, CpuBackward? cpuBackward, GpuBackward? gpuBackward)
    {
        Id = id;
        _product = product;
        _atoms = atoms;
        _degree = degree;
        _cpuForward = cpuForward;
        _gpuForward = gpuForward;
        _cpuBackward = cpuBackward;
        _gpuBackward = gpuBackward;
        bool backward = cpuBackward is not null;
        Description = $"{(backward ? "backward " : string.Empty)}convolution {product.Irreps1} x {product.Irreps2}, {variant}, "
            + $"{atoms.ToString("N0", CultureInfo.InvariantCulture)} atoms x {degree.ToString(CultureInfo.InvariantCulture)} neighbours";
        Flops = (double)(backward ? product.BackwardFlops : product.ForwardFlops) * atoms * degree;
    }

    public delegate void CpuForward(ReadOnlyTensorSpan<float> x, ReadOnlyTensorSpan<float> y, ReadOnlyTensorSpan<float> w, ReadOnlySpan<int> senders,
        ReadOnlySpan<int> receivers, TensorSpan<float> output);

    public delegate void GpuForward(GpuContext gpu, ArrayView<float> x, ArrayView<float> y, ArrayView<float> w, GpuGraph graph, ArrayView<float> output);

    public delegate void CpuBackward(ReadOnlyTensorSpan<float> x, ReadOnlyTensorSpan<float> y, ReadOnlyTensorSpan<float> w, ReadOnlySpan<int> senders,
        ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradX, TensorSpan<float> gradY, TensorSpan<float> gradW);

    public delegate void GpuBackward(GpuContext gpu, ArrayView<float> x, ArrayView<float> y, ArrayView<float> w, GpuGraph graph, ArrayView<float> gradOutput,
        ArrayView<float> gradX, ArrayView<float> gradY, ArrayView<float> gradW);

    public override string Id { get; }

    public override string Description { get; }

    public override double Flops { get; }

    public static ConvolutionCheckCase Forward(string id, string variant, TensorProductDescription product, int atoms, int degree, CpuForward cpu, GpuForward gpu) =>
        new(id, variant, product, atoms, degree, cpu, gpu, null, null);

    public static ConvolutionCheckCase Backward(string id, string variant, TensorProductDescription product, int atoms, int degree, CpuBackward cpu, GpuBackward gpu) =>
        new(id, variant, product, atoms, degree, null, null, cpu, gpu);

    public override PreparedCase Prepare(GpuContext gpu)
    {
        var random = new Random(Id.Length * 7919);
        float[] Random(int n) => Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        TensorProductDescription d = _product;
        int nodes = _atoms, edges = _atoms * _degree;
        int[] senders = Enumerable.Range(0, edges).Select(_ => random.Next(nodes)).ToArray();
        int[] receivers = Enumerable.Range(0, edges).Select(_ => random.Next(nodes)).Order().ToArray();
        float[] x = Random(nodes * d.Dim1), y = Random(edges * d.Dim2), w = Random(edges * d.WeightCount);
        var xs = new ReadOnlyTensorSpan<float>(x, [nodes, d.Dim1]);
        var ys = new ReadOnlyTensorSpan<float>(y, [edges, d.Dim2]);
        var ws = new ReadOnlyTensorSpan<float>(w, [edges, d.WeightCount]);
        GpuGraph graph = GpuGraph.Create(gpu, senders, receivers, nodes, nodes);
        var inputs = new[] { gpu.Upload<float>(x), gpu.Upload<float>(y), gpu.Upload<float>(w) };
        if (_cpuForward is not null && _gpuForward is not null)
        {
            float[] expected = new float[nodes * d.DimOut];
            _cpuForward(xs, ys, ws, senders, receivers, new TensorSpan<float>(expected, [nodes, d.DimOut]));
            GpuBuffer<float> output = gpu.Upload<float>(Enumerable.Repeat(float.NaN, expected.Length).ToArray());
            GpuForward run = _gpuForward;
            return new DevicePrepared(gpu, [.. inputs, output], [output], [expected], graph,
                () => run(gpu, inputs[0].View, inputs[1].View, inputs[2].View, graph, output.View));
        }

        float[] gradOutput = Random(nodes * d.DimOut);
        var (gradX, gradY, gradW) = (new float[x.Length], new float[y.Length], new float[w.Length]);
        _cpuBackward!(xs, ys, ws, senders, receivers, new ReadOnlyTensorSpan<float>(gradOutput, [nodes, d.DimOut]),
            new TensorSpan<float>(gradX, [nodes, d.Dim1]), new TensorSpan<float>(gradY, [edges, d.Dim2]), new TensorSpan<float>(gradW, [edges, d.WeightCount]));
        GpuBuffer<float> deviceGradOutput = gpu.Upload<float>(gradOutput);
        GpuBuffer<float>[] results = new[] { gradX, gradY, gradW }.Select(g => gpu.Upload<float>(Enumerable.Repeat(float.NaN, g.Length).ToArray())).ToArray();
        GpuBackward runBackward = _gpuBackward!;
        return new DevicePrepared(gpu, [.. inputs, deviceGradOutput, .. results], results, [gradX, gradY, gradW], graph,
            () => runBackward(gpu, inputs[0].View, inputs[1].View, inputs[2].View, graph, deviceGradOutput.View, results[0].View, results[1].View, results[2].View));
    }
}
