using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ILGPU;
using TensorGen.Runtime.Gpu;

namespace TensorGen.GpuCheck;

/// <summary>An einsum kernel declared with <c>Backend.Gpu</c> (fp32): the CPU method and the device entry point on the same random inputs.</summary>
public sealed class EinsumCheckCase : GpuCheckCase
{
    private readonly string _expression;
    private readonly int[][] _shapes;
    private readonly Action<float[][], float[]> _cpu;
    private readonly Action<GpuContext, ArrayView<float>[], ArrayView<float>> _gpu;

    /// <param name="id">The suite's id.</param>
    /// <param name="description">What runs.</param>
    /// <param name="expression">The declaration's expression (explicit output).</param>
    /// <param name="sizes">The declaration's Sizes.</param>
    /// <param name="cpu">Calls the declared (CPU) method: inputs, result.</param>
    /// <param name="gpu">Calls the device entry point <c>FGpu(gpu, views…, result)</c>.</param>
    public EinsumCheckCase(string id, string description, string expression, string sizes, Action<float[][], float[]> cpu,
        Action<GpuContext, ArrayView<float>[], ArrayView<float>> gpu)
    {
        Id = id;
        Description = description;
        _expression = expression;
        Dictionary<string, int> size = sizes.Split(',').Select(s => s.Split('=')).ToDictionary(p => p[0].Trim(), p => int.Parse(p[1], CultureInfo.InvariantCulture));
        string[] terms = expression.Replace("->", ",", StringComparison.Ordinal).Split(',');
        _shapes = terms.Select(term => term.Select(c => size[c.ToString()]).ToArray()).ToArray();
        _cpu = cpu;
        _gpu = gpu;
        Flops = OptimizedFlops(expression, _shapes.Take(_shapes.Length - 1).ToArray());
    }

    public override string Id { get; }

    public override string Description { get; }

    public override double Flops { get; }

    public override PreparedCase Prepare(GpuContext gpu)
    {
        var random = new Random(Id.GetHashCode(StringComparison.Ordinal) & 0x7fff);
        float[][] inputs = _shapes.Take(_shapes.Length - 1)
            .Select(shape => Enumerable.Range(0, Length(shape)).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray()).ToArray();
        float[] expected = new float[Length(_shapes[^1])];
        _cpu(inputs, expected);

        GpuBuffer<float>[] devices = inputs.Select(input => gpu.Upload<float>(input)).ToArray();
        float[] poison = Enumerable.Repeat(float.NaN, expected.Length).ToArray(); // every element must be written
        GpuBuffer<float> result = gpu.Upload<float>(poison);
        return new Prepared(gpu, this, devices, result, expected);
    }

    /// <summary>The planner's FLOP count for the expression (opt_einsum's units), read from <c>Einsum.Path</c>'s table.</summary>
    private static double OptimizedFlops(string expression, int[][] shapes)
    {
        string table = Einsum.Path(expression, shapes.Select(s => s.Select(l => (nint)l).ToArray()).ToArray());
        string? line = table.Split('\n').FirstOrDefault(l => l.Contains("Optimized FLOP count", StringComparison.Ordinal));
        string? number = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double flops) ? flops : 0;
    }

    private static int Length(int[] shape) => shape.Aggregate(1, (p, s) => p * s);

    private sealed class Prepared : PreparedCase
    {
        private readonly GpuContext _gpu;
        private readonly EinsumCheckCase _case;
        private readonly GpuBuffer<float>[] _inputs;
        private readonly GpuBuffer<float> _result;
        private readonly ArrayView<float>[] _views;
        private readonly float[] _expected;

        public Prepared(GpuContext gpu, EinsumCheckCase check, GpuBuffer<float>[] inputs, GpuBuffer<float> result, float[] expected)
        {
            _gpu = gpu;
            _case = check;
            _inputs = inputs;
            _result = result;
            _views = inputs.Select(i => i.View).ToArray();
            _expected = expected;
        }

        public override void Enqueue() => _case._gpu(_gpu, _views, _result.View);

        public override double RelativeError()
        {
            float[] actual = new float[_expected.Length];
            _gpu.Download<float>(_result.View, actual);
            double difference = 0, norm = 0;
            for (int i = 0; i < actual.Length; i++)
            {
                double d = (double)actual[i] - _expected[i];
                difference += d * d;
                norm += (double)_expected[i] * _expected[i];
            }

            return norm == 0 ? Math.Sqrt(difference) : Math.Sqrt(difference / norm);
        }

        public override void Dispose()
        {
            foreach (GpuBuffer<float> input in _inputs)
            {
                input.Dispose();
            }

            _result.Dispose();
        }
    }
}
