using System;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace TensorGen.Benchmarks.Equivariant;

/// <summary>
/// Random inputs and result buffers for one configuration and batch size. The kernels get views of pinned, 64-byte-aligned
/// copies (as torch allocates tensors); the peers get the plain arrays.
/// </summary>
public sealed class ProductData<T>
    where T : unmanaged
{
    private readonly Aligned _x1, _x2, _weights, _gradOutput, _output, _gradX1, _gradX2, _gradWeights;

    public ProductData(EquivariantConfig config, int batch, Func<double, T> convert)
    {
        Batch = batch;
        var random = new Random(7);
        T[] Random(int n)
        {
            var values = new T[n];
            for (int i = 0; i < n; i++)
            {
                values[i] = convert((random.NextDouble() * 2) - 1);
            }

            return values;
        }

        var p = config.Product;
        int weightRows = p.SharedWeights ? 1 : batch;
        X1Data = Random(batch * p.Dim1);
        X2Data = Random(batch * p.Dim2);
        WeightsData = Random(weightRows * p.WeightCount);
        GradOutputData = Random(batch * p.DimOut);
        WeightShape = p.SharedWeights ? new nint[] { p.WeightCount } : new nint[] { batch, p.WeightCount };
        Dim1 = p.Dim1;
        Dim2 = p.Dim2;
        DimOut = p.DimOut;
        _x1 = new Aligned(X1Data);
        _x2 = new Aligned(X2Data);
        _weights = new Aligned(WeightsData);
        _gradOutput = new Aligned(GradOutputData);
        _output = new Aligned(new T[batch * p.DimOut]);
        _gradX1 = new Aligned(new T[batch * p.Dim1]);
        _gradX2 = new Aligned(new T[batch * p.Dim2]);
        _gradWeights = new Aligned(new T[weightRows * p.WeightCount]);
    }

    public int Batch { get; }

    public int Dim1 { get; }

    public int Dim2 { get; }

    public int DimOut { get; }

    public nint[] WeightShape { get; }

    public T[] X1Data { get; }

    public T[] X2Data { get; }

    public T[] WeightsData { get; }

    public T[] GradOutputData { get; }

    /// <summary>The kernel's last output, as a plain array.</summary>
    public T[] OutputData => _output.ToArray();

    public ReadOnlyTensorSpan<T> X1 => _x1.ReadOnly([Batch, Dim1]);

    public ReadOnlyTensorSpan<T> X2 => _x2.ReadOnly([Batch, Dim2]);

    public ReadOnlyTensorSpan<T> Weights => _weights.ReadOnly(WeightShape);

    public TensorSpan<T> Output => _output.Writable([Batch, DimOut]);

    public ReadOnlyTensorSpan<T> GradOutputReadOnly => _gradOutput.ReadOnly([Batch, DimOut]);

    public TensorSpan<T> GradX1 => _gradX1.Writable([Batch, Dim1]);

    public TensorSpan<T> GradX2 => _gradX2.Writable([Batch, Dim2]);

    public TensorSpan<T> GradWeights => _gradWeights.Writable(WeightShape);

    /// <summary>A pinned array holding the values from a 64-byte boundary on.</summary>
    private sealed class Aligned
    {
        private readonly T[] _buffer;
        private readonly int _start;
        private readonly int _length;

        public Aligned(T[] values)
        {
            int size = Marshal.SizeOf<T>();
            _buffer = GC.AllocateArray<T>(values.Length + (64 / size), pinned: true);
            long address = (long)Marshal.UnsafeAddrOfPinnedArrayElement(_buffer, 0);
            _start = (int)((64 - (address % 64)) % 64 / size);
            _length = values.Length;
            values.CopyTo(_buffer, _start);
        }

        public ReadOnlyTensorSpan<T> ReadOnly(nint[] shape) => new(_buffer, _start, shape, RowMajor(shape));

        public TensorSpan<T> Writable(nint[] shape) => new(_buffer, _start, shape, RowMajor(shape));

        public T[] ToArray() => _buffer.AsSpan(_start, _length).ToArray();

        private static nint[] RowMajor(nint[] shape)
        {
            var strides = new nint[shape.Length];
            nint stride = 1;
            for (int d = shape.Length - 1; d >= 0; d--)
            {
                strides[d] = shape[d] == 1 ? 0 : stride;
                stride *= shape[d];
            }

            return strides;
        }
    }
}
