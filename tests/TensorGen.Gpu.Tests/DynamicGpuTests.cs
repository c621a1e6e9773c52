using System;
using System.Linq;
using System.Numerics.Tensors;
using TensorGen.Runtime.Gpu;
using TensorGen.Tests.Reference;
using Xunit;

namespace TensorGen.Gpu.Tests;

/// <summary>
/// The dynamic form on ILGPU's CPU accelerator: transposed, padded and broadcast (stride-0) views, <c>...</c> and scalars,
/// against the CPU kernel on the same views and the reference interpreter.
/// </summary>
[Collection(GpuCollection.Name)]
public class DynamicGpuTests
{
    private readonly GpuContext _gpu;

    public DynamicGpuTests(GpuFixture fixture) => _gpu = fixture.Gpu;

    [Fact]
    public void Transposed_and_padded_operands_contract_as_on_the_cpu()
    {
        var random = new Random(1);
        View<float> a = View<float>.Transposed([5, 4], random);
        View<float> b = View<float>.Padded([4, 6], random);
        Check("ij,jk->ik", [a, b], [5, 6], (r, x) => DynamicGpuKernels.MatMul(x[0].ReadOnly, x[1].ReadOnly, r), (g, x, r) => DynamicGpuKernels.MatMulGpu(g, x[0].ReadOnly, x[1].ReadOnly, r));
    }

    [Fact]
    public void Unary_steps_permute_trace_and_take_diagonals()
    {
        var random = new Random(2);
        CheckDouble("ij->ji", [View<double>.Padded([3, 5], random)], [5, 3], (r, x) => DynamicGpuKernels.Transpose(x[0].ReadOnly, r),
            (g, x, r) => DynamicGpuKernels.TransposeGpu(g, x[0].ReadOnly, r));
        CheckDouble("ii->", [View<double>.Transposed([4, 4], random)], [], (r, x) => DynamicGpuKernels.Trace(x[0].ReadOnly, r),
            (g, x, r) => DynamicGpuKernels.TraceGpu(g, x[0].ReadOnly, r));
        Check("iij->ji", [View<float>.Dense([3, 3, 2], random)], [2, 3], (r, x) => DynamicGpuKernels.PartialDiagonal(x[0].ReadOnly, r),
            (g, x, r) => DynamicGpuKernels.PartialDiagonalGpu(g, x[0].ReadOnly, r));
        CheckDouble("i...->...", [View<double>.Dense([3, 2, 4], random)], [2, 4], (r, x) => DynamicGpuKernels.SumFirstAxis(x[0].ReadOnly, r),
            (g, x, r) => DynamicGpuKernels.SumFirstAxisGpu(g, x[0].ReadOnly, r));
    }

    [Fact]
    public void Ellipsis_and_size_one_dimensions_broadcast()
    {
        var random = new Random(3);
        Check("...ij,...jk->...ik", [View<float>.Dense([2, 1, 3, 4], random), View<float>.Broadcast([3, 4, 2], 2, random)], [2, 3, 3, 2],
            (r, x) => DynamicGpuKernels.BroadcastMatMul(x[0].ReadOnly, x[1].ReadOnly, r), (g, x, r) => DynamicGpuKernels.BroadcastMatMulGpu(g, x[0].ReadOnly, x[1].ReadOnly, r));
        CheckDouble("...,...->...", [View<double>.Dense([3, 1], random), View<double>.Dense([1, 4], random)], [3, 4],
            (r, x) => DynamicGpuKernels.BroadcastProduct(x[0].ReadOnly, x[1].ReadOnly, r), (g, x, r) => DynamicGpuKernels.BroadcastProductGpu(g, x[0].ReadOnly, x[1].ReadOnly, r));
        Check("i,j->ij", [View<float>.Dense([5], random), View<float>.Dense([3], random)], [5, 3],
            (r, x) => DynamicGpuKernels.Outer(x[0].ReadOnly, x[1].ReadOnly, r), (g, x, r) => DynamicGpuKernels.OuterGpu(g, x[0].ReadOnly, x[1].ReadOnly, r));
    }

    [Fact]
    public void Planned_network_accumulates_into_the_result()
    {
        var random = new Random(4);
        Check("ab,bc,cd->ad", [View<float>.Dense([3, 4], random), View<float>.Transposed([4, 5], random), View<float>.Dense([5, 2], random)], [3, 2],
            (r, x) => DynamicGpuKernels.Chain(x[0].ReadOnly, x[1].ReadOnly, x[2].ReadOnly, r), (g, x, r) => DynamicGpuKernels.ChainGpu(g, x[0].ReadOnly, x[1].ReadOnly, x[2].ReadOnly, r), accumulate: true);
    }

    [Fact]
    public void Device_entry_point_rejects_wrong_shapes()
    {
        using GpuBuffer<float> a = _gpu.Rent<float>(6);
        using GpuBuffer<float> b = _gpu.Rent<float>(6);
        using GpuBuffer<float> result = _gpu.Rent<float>(4);
        Assert.Throws<ArgumentException>(() => DynamicGpuKernels.MatMulGpu(_gpu, new GpuTensor<float>(a.View, 2, 3), new GpuTensor<float>(b.View, 2, 3),
            new GpuTensor<float>(result.View, 2, 2)));
    }

    private delegate void Kernel<T>(TensorSpan<T> result, View<T>[] inputs)
        where T : unmanaged;

    private delegate void GpuKernel<T>(GpuContext gpu, View<T>[] inputs, TensorSpan<T> result)
        where T : unmanaged;

    private void Check(string expression, View<float>[] inputs, int[] resultShape, Kernel<float> cpu, GpuKernel<float> gpu, bool accumulate = false)
    {
        var random = new Random(5);
        double[] initial = accumulate ? Operands.Random(resultShape, random) : new double[Length(resultShape)];
        float[] onCpu = Operands.Single(initial);
        float[] onGpu = Operands.Single(initial);
        cpu(Result(onCpu, resultShape), inputs);
        gpu(_gpu, inputs, Result(onGpu, resultShape));

        RefArray[] operands = inputs.Select(i => new RefArray(i.Logical.Select(v => (double)v).ToArray(), i.Shape)).ToArray();
        double[]? start = accumulate ? Operands.Widen(Operands.Single(initial)) : null;
        Operands.AssertEinsum(expression, operands, Operands.Widen(onGpu), resultShape, 2e-5, "GPU vs reference", start);
        Assert.True(Operands.RelativeError(Operands.Widen(onGpu), Operands.Widen(onCpu)) <= 2e-5, $"{expression}: GPU vs CPU");
    }

    private void CheckDouble(string expression, View<double>[] inputs, int[] resultShape, Kernel<double> cpu, GpuKernel<double> gpu)
    {
        double[] onCpu = new double[Length(resultShape)];
        double[] onGpu = new double[Length(resultShape)];
        cpu(Result(onCpu, resultShape), inputs);
        gpu(_gpu, inputs, Result(onGpu, resultShape));

        RefArray[] operands = inputs.Select(i => new RefArray(i.Logical, i.Shape)).ToArray();
        Operands.AssertEinsum(expression, operands, onGpu, resultShape, 1e-12, "GPU vs reference");
        Assert.True(Operands.RelativeError(onGpu, onCpu) <= 1e-12, $"{expression}: GPU vs CPU");
    }

    /// <summary>A dense result (a scalar is a one-element span of length [1]).</summary>
    private static TensorSpan<T> Result<T>(T[] data, int[] shape)
        where T : unmanaged =>
        shape.Length == 0 ? new TensorSpan<T>(data, [1], [0]) : new TensorSpan<T>(data, shape.Select(s => (nint)s).ToArray(), View<T>.RowMajor(shape));

    private static int Length(int[] shape) => shape.Aggregate(1, (p, s) => p * s);
}

/// <summary>A logical tensor stored with a given layout (transposed, padded, broadcast), and its values in row-major order.</summary>
internal sealed class View<T>
    where T : unmanaged
{
    private View(T[] storage, int offset, int[] shape, nint[] strides, T[] logical)
    {
        Storage = storage;
        Offset = offset;
        Shape = shape;
        Strides = strides;
        Logical = logical;
    }

    public T[] Storage { get; }

    public int Offset { get; }

    public int[] Shape { get; }

    public nint[] Strides { get; }

    /// <summary>The values in logical row-major order.</summary>
    public T[] Logical { get; }

    public ReadOnlyTensorSpan<T> ReadOnly => new(Storage.AsSpan(Offset), Shape.Select(s => (nint)s).ToArray(),
        Strides.Select((stride, axis) => Shape[axis] == 1 ? 0 : stride).ToArray());

    public static View<T> Dense(int[] shape, Random random) => Strided(shape, RowMajor(shape), 0, random);

    /// <summary>Axes stored in reverse order (column-major for a matrix).</summary>
    public static View<T> Transposed(int[] shape, Random random)
    {
        var strides = new nint[shape.Length];
        nint stride = 1;
        for (int d = 0; d < shape.Length; d++)
        {
            strides[d] = stride;
            stride *= shape[d];
        }

        return Strided(shape, strides, 0, random);
    }

    /// <summary>Row-major with two unused elements after every row and an offset of 3.</summary>
    public static View<T> Padded(int[] shape, Random random)
    {
        var strides = new nint[shape.Length];
        nint stride = 1;
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            strides[d] = stride;
            stride *= shape[d] + (d == shape.Length - 1 ? 2 : 0);
        }

        return Strided(shape, strides, 3, random);
    }

    /// <summary>Row-major, but axis <paramref name="axis"/> has stride 0: every slice along it is the same memory.</summary>
    public static View<T> Broadcast(int[] shape, int axis, Random random)
    {
        nint[] strides = RowMajor(shape.Select((s, d) => d == axis ? 1 : s).ToArray());
        strides[axis] = 0;
        return Strided(shape, strides, 0, random);
    }

    public static nint[] RowMajor(int[] shape)
    {
        var strides = new nint[shape.Length];
        nint stride = 1;
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            strides[d] = stride;
            stride *= shape[d];
        }

        return strides;
    }

    private static View<T> Strided(int[] shape, nint[] strides, int offset, Random random)
    {
        long reach = shape.Length == 0 ? 1 : shape.Select((s, d) => (s - 1) * (long)strides[d]).Sum() + 1;
        var storage = new T[offset + reach];
        for (int i = 0; i < storage.Length; i++)
        {
            storage[i] = (T)Convert.ChangeType((random.NextDouble() * 2) - 1, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
        }

        int count = shape.Aggregate(1, (p, s) => p * s);
        var logical = new T[count];
        var index = new int[shape.Length];
        for (int n = 0; n < count; n++)
        {
            long at = offset;
            for (int d = 0; d < shape.Length; d++)
            {
                at += index[d] * (long)strides[d];
            }

            logical[n] = storage[at];
            for (int d = shape.Length - 1; d >= 0 && ++index[d] == shape[d]; d--)
            {
                index[d] = 0;
            }
        }

        return new View<T>(storage, offset, shape, strides, logical);
    }
}
