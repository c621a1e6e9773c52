using System;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Runtime;

namespace TensorGen.Cli.Measurement;

/// <summary>The runtime's dynamic path as a program calls it: <c>Einsum.Evaluate(expression, operands, result)</c> on tensors over the arrays.</summary>
internal static class DynamicEinsum
{
    /// <summary>A call of <see cref="Einsum.Evaluate{T}(string, ReadOnlySpan{Tensor{T}}, in TensorSpan{T}, bool)"/> writing into <paramref name="result"/>.</summary>
    public static Action Call(string expression, Array[] operands, long[][] shapes, Array result, long[] resultShape) => result switch
    {
        float[] => Call<float>(expression, operands, shapes, result, resultShape),
        _ => Call<double>(expression, operands, shapes, result, resultShape),
    };

    private static Action Call<T>(string expression, Array[] operands, long[][] shapes, Array result, long[] resultShape)
        where T : unmanaged, INumberBase<T>
    {
        Tensor<T>[] tensors = operands.Select((a, i) => Tensor.Create((T[])a, Lengths(shapes[i]))).ToArray();
        Tensor<T> output = Tensor.Create((T[])result, Lengths(resultShape));
        return () => Einsum.Evaluate<T>(expression, tensors, output.AsTensorSpan());
    }

    private static nint[] Lengths(long[] shape) => shape.Select(s => (nint)s).ToArray();
}
