using System;
using System.Globalization;
using System.Linq;
using System.Numerics.Tensors;
using ILGPU;
using TensorGen.Equivariance;
using TensorGen.Runtime.Gpu;

namespace TensorGen.GpuCheck;

/// <summary>
/// A tensor product declared with <c>Backend.Gpu</c> (fp32, per-row or shared weights): the CPU method and the device entry
/// point on the same random inputs, forward or backward. FLOPs are e3nn's count (TensorProductDescription) times the batch.
/// </summary>
public sealed class TensorProductCheckCase : GpuCheckCase
{
    private readonly TensorProductDescription _product;
    private readonly int _batch;
    private readonly CpuForward? _cpuForward;
    private readonly GpuForward? _gpuForward;
    private readonly CpuBackward? _cpuBackward;
    private readonly GpuBackward? _gpuBackward;

    private TensorProductCheckCase(string id, TensorProductDescription product, int batch, CpuForward? cpuForward, GpuForward? gpuForward,
        CpuBackward? cpuBackward, GpuBackward? gpuBackward)
    {
        Id = id;
        _product = product;
        _batch = batch;
        _cpuForward = cpuForward;
        _gpuForward = gpuForward;
        _cpuBackward = cpuBackward;
        _gpuBackward = gpuBackward;
        bool backward = cpuBackward is not null;
        Description = $"{(backward ? "backward " : string.Empty)}{product.Irreps1} x {product.Irreps2} -> {product.IrrepsOut} uvu, "
            + $"{(product.SharedWeights ? "shared" : "per-row")} weights, batch {batch.ToString("N0", CultureInfo.InvariantCulture)}";
        Flops = (double)(backward ? product.BackwardFlops : product.ForwardFlops) * batch;
    }

    public delegate void CpuForward(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    public delegate void GpuForward(GpuContext gpu, ArrayView<float> x1, ArrayView<float> x2, ArrayView<float> weights, ArrayView<float> output);

    public delegate void CpuBackward(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, ReadOnlyTensorSpan<float> gradOutput,
        TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights);

    public delegate void GpuBackward(GpuContext gpu, ArrayView<float> x1, ArrayView<float> x2, ArrayView<float> weights, ArrayView<float> gradOutput,
        ArrayView<float> gradX1, ArrayView<float> gradX2, ArrayView<float> gradWeights);

    public override string Id { get; }

    public override string Description { get; }

    public override double Flops { get; }

    public static TensorProductCheckCase Forward(string id, TensorProductDescription product, int batch, CpuForward cpu, GpuForward gpu) =>
        new(id, product, batch, cpu, gpu, null, null);

    public static TensorProductCheckCase Backward(string id, TensorProductDescription product, int batch, CpuBackward cpu, GpuBackward gpu) =>
        new(id, product, batch, null, null, cpu, gpu);

    public override PreparedCase Prepare(GpuContext gpu)
    {
        var random = new Random(Id.Length * 7919);
        float[] Random(int n) => Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        TensorProductDescription d = _product;
        nint[] weightShape = d.SharedWeights ? [d.WeightCount] : [_batch, d.WeightCount];
        float[] x1 = Random(_batch * d.Dim1), x2 = Random(_batch * d.Dim2), weights = Random(d.SharedWeights ? d.WeightCount : _batch * d.WeightCount);
        var inputs = new[] { gpu.Upload<float>(x1), gpu.Upload<float>(x2), gpu.Upload<float>(weights) };
        if (_cpuForward is not null && _gpuForward is not null)
        {
            float[] expected = new float[_batch * d.DimOut];
            _cpuForward(new ReadOnlyTensorSpan<float>(x1, [_batch, d.Dim1]), new ReadOnlyTensorSpan<float>(x2, [_batch, d.Dim2]),
                new ReadOnlyTensorSpan<float>(weights, weightShape), new TensorSpan<float>(expected, [_batch, d.DimOut]));
            GpuBuffer<float> output = gpu.Upload<float>(Enumerable.Repeat(float.NaN, expected.Length).ToArray());
            GpuForward run = _gpuForward;
            return new DevicePrepared(gpu, [.. inputs, output], [output], [expected], null,
                () => run(gpu, inputs[0].View, inputs[1].View, inputs[2].View, output.View));
        }

        float[] gradOutput = Random(_batch * d.DimOut);
        var (gradX1, gradX2, gradWeights) = (new float[x1.Length], new float[x2.Length], new float[weights.Length]);
        _cpuBackward!(new ReadOnlyTensorSpan<float>(x1, [_batch, d.Dim1]), new ReadOnlyTensorSpan<float>(x2, [_batch, d.Dim2]),
            new ReadOnlyTensorSpan<float>(weights, weightShape), new ReadOnlyTensorSpan<float>(gradOutput, [_batch, d.DimOut]),
            new TensorSpan<float>(gradX1, [_batch, d.Dim1]), new TensorSpan<float>(gradX2, [_batch, d.Dim2]), new TensorSpan<float>(gradWeights, weightShape));
        GpuBuffer<float> deviceGradOutput = gpu.Upload<float>(gradOutput);
        GpuBuffer<float>[] results = new[] { gradX1, gradX2, gradWeights }
            .Select(g => gpu.Upload<float>(Enumerable.Repeat(float.NaN, g.Length).ToArray())).ToArray();
        GpuBackward runBackward = _gpuBackward!;
        return new DevicePrepared(gpu, [.. inputs, deviceGradOutput, .. results], results, [gradX1, gradX2, gradWeights], null,
            () => runBackward(gpu, inputs[0].View, inputs[1].View, inputs[2].View, deviceGradOutput.View, results[0].View, results[1].View, results[2].View));
    }
}
