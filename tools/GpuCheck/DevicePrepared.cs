using System;
using TensorGen.Runtime.Gpu;

namespace TensorGen.GpuCheck;

/// <summary>
/// A case's data on the device: <see cref="Enqueue"/> runs the GPU call on it, <see cref="RelativeError"/> compares its results
/// with the CPU kernel's; disposing gives every buffer (and the graph, for convolutions) back.
/// </summary>
internal sealed class DevicePrepared : PreparedCase
{
    private readonly GpuContext _gpu;
    private readonly GpuBuffer<float>[] _owned;
    private readonly GpuBuffer<float>[] _results;
    private readonly float[][] _expected;
    private readonly IDisposable? _other;
    private readonly Action _enqueue;

    /// <param name="gpu">The context.</param>
    /// <param name="owned">Every buffer of the case (inputs and results), disposed with it.</param>
    /// <param name="results">The buffers the GPU call writes, compared in order with <paramref name="expected"/>.</param>
    /// <param name="expected">The CPU kernel's results.</param>
    /// <param name="other">Anything else the case holds on the device (a graph), or null.</param>
    /// <param name="enqueue">One GPU call on device-resident data.</param>
    public DevicePrepared(GpuContext gpu, GpuBuffer<float>[] owned, GpuBuffer<float>[] results, float[][] expected, IDisposable? other, Action enqueue)
    {
        _gpu = gpu;
        _owned = owned;
        _other = other;
        _results = results;
        _expected = expected;
        _enqueue = enqueue;
    }

    public override void Enqueue() => _enqueue();

    /// <summary>The largest relative error of the results (for the backward pass: of gradX1, gradX2 and the weights' gradient).</summary>
    public override double RelativeError()
    {
        double worst = 0;
        for (int r = 0; r < _results.Length; r++)
        {
            float[] actual = new float[_expected[r].Length];
            _gpu.Download<float>(_results[r].View, actual);
            double difference = 0, norm = 0;
            for (int i = 0; i < actual.Length; i++)
            {
                double d = (double)actual[i] - _expected[r][i];
                difference += d * d;
                norm += (double)_expected[r][i] * _expected[r][i];
            }

            double error = norm == 0 ? Math.Sqrt(difference) : Math.Sqrt(difference / norm);
            worst = double.IsNaN(error) ? double.NaN : Math.Max(worst, error);
            if (double.IsNaN(worst))
            {
                break;
            }
        }

        return worst;
    }

    public override void Dispose()
    {
        foreach (GpuBuffer<float> buffer in _owned)
        {
            buffer.Dispose();
        }

        _other?.Dispose();
    }
}
