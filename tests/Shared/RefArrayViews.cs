using System;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;

namespace TensorGen.Tests.Reference;

/// <summary>Converts between <see cref="RefArray"/> and tensors, reading views element by element through their indexer.</summary>
public static class RefArrayViews
{
    /// <summary>The elements of a (possibly strided or broadcast) view, densely in row-major order.</summary>
    public static RefArray FromView<T>(ReadOnlyTensorSpan<T> view)
        where T : INumberBase<T>
    {
        int[] shape = view.Lengths.ToArray().Select(l => (int)l).ToArray();
        var data = new double[shape.Aggregate(1, (p, s) => p * s)];
        var index = new nint[shape.Length];
        for (int flat = 0; flat < data.Length; flat++)
        {
            data[flat] = double.CreateChecked(view[index]);
            for (int d = shape.Length - 1; d >= 0; d--)
            {
                if (++index[d] < shape[d])
                {
                    break;
                }

                index[d] = 0;
            }
        }

        return new RefArray(data, shape);
    }

    /// <summary>A dense tensor holding the array; a scalar becomes shape [1] (System.Numerics.Tensors has no rank-0 tensor).</summary>
    public static Tensor<T> ToTensor<T>(RefArray array)
        where T : INumberBase<T>
    {
        T[] data = array.Data.Select(T.CreateChecked).ToArray();
        nint[] shape = array.Rank == 0 ? [1] : array.Shape.Select(s => (nint)s).ToArray();
        return Tensor.Create(data, shape);
    }

    /// <summary>The array with every element replaced by its absolute value (to bound rounding errors).</summary>
    public static RefArray Abs(RefArray array) => array with { Data = array.Data.Select(Math.Abs).ToArray() };
}
