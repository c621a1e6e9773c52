using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Tests.Reference;

namespace TensorGen.Tests.Kernels;

/// <summary>Complex operands laid out as <see cref="OperandViews"/> lays out real ones, and their dense reference copies.</summary>
public static class ComplexOperandViews
{
    /// <summary>
    /// A view of <paramref name="shape"/> laid out as <paramref name="kind"/> whose real and imaginary parts are the multiples of
    /// 1/8 of two real views (seeds <paramref name="seed"/> and <paramref name="seed"/> + 97): every product and sum is exact.
    /// </summary>
    public static Tensor<Complex> Create(int[] shape, ViewKind kind, int seed)
    {
        Tensor<double> real = OperandViews.Create<double>(shape, kind, seed);
        Tensor<double> imaginary = OperandViews.Create<double>(shape, kind, seed + 97);
        ReadOnlyTensorSpan<double> re = real.AsReadOnlyTensorSpan(), im = imaginary.AsReadOnlyTensorSpan();
        nint[] strides = re.Strides.ToArray();
        Complex[] buffer = new Complex[OperandViews.Offset(kind) + (shape.Contains(0) ? 0 : shape.Select((l, d) => (l - 1) * (int)strides[d]).Sum() + 1) + 1];
        var lengths = shape.Select(l => (nint)l).ToArray();
        var view = new TensorSpan<Complex>(buffer, OperandViews.Offset(kind), lengths, strides);
        foreach (nint[] index in Indices(shape))
        {
            view[index] = new Complex(re[index], im[index]);
        }

        return Tensor.Create(buffer, OperandViews.Offset(kind), lengths, strides);
    }

    /// <summary>The elements of a (possibly strided or broadcast) complex view, densely in row-major order.</summary>
    public static ComplexRefArray FromView(ReadOnlyTensorSpan<Complex> view)
    {
        int[] shape = view.Lengths.ToArray().Select(l => (int)l).ToArray();
        var data = new Complex[shape.Aggregate(1, (p, s) => p * s)];
        int flat = 0;
        foreach (nint[] index in Indices(shape))
        {
            data[flat++] = view[index];
        }

        return new ComplexRefArray(data, shape);
    }

    /// <summary>Every index of <paramref name="shape"/> in row-major order (one array, advanced in place).</summary>
    public static System.Collections.Generic.IEnumerable<nint[]> Indices(int[] shape)
    {
        if (shape.Contains(0))
        {
            yield break;
        }

        var index = new nint[shape.Length];
        while (true)
        {
            yield return index;
            int d = shape.Length - 1;
            for (; d >= 0 && ++index[d] == shape[d]; d--)
            {
                index[d] = 0;
            }

            if (d < 0)
            {
                yield break;
            }
        }
    }
}
