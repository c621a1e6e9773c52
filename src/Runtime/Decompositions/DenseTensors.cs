using System;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Decompositions.Lowering;
using TensorGen.Runtime;

namespace TensorGen.Decompositions;

/// <summary>
/// Dense-tensor helpers of the formats and fits: wrapping arrays, reading memory, unfoldings and mode products.
/// Every contraction here is an einsum (<see cref="Einsum.Evaluate{T}(string, ReadOnlySpan{Tensor{T}})"/>).
/// </summary>
internal static class DenseTensors
{
    public static Tensor<T> Wrap<T>(T[] data, params ReadOnlySpan<nint> shape) => Tensor.Create(data, shape);

    /// <summary>A dense row-major tensor with <paramref name="tensor"/>'s values: itself when it is dense already.</summary>
    public static Tensor<T> Dense<T>(Tensor<T> tensor) => tensor.IsDense ? tensor : tensor.ToDenseTensor();

    /// <summary>The elements of a dense tensor, row-major.</summary>
    public static ReadOnlySpan<T> Span<T>(Tensor<T> dense) => TensorMemory.Of(dense.AsReadOnlyTensorSpan());

    /// <summary>The writable elements of a dense tensor, row-major.</summary>
    public static Span<T> WritableSpan<T>(Tensor<T> dense) => TensorMemory.Of(dense.AsTensorSpan());

    public static T[] ToArray<T>(Tensor<T> tensor) => Span(Dense(tensor)).ToArray();

    public static long ElementCount(ReadOnlySpan<nint> shape)
    {
        long count = 1;
        foreach (nint length in shape)
        {
            count *= length;
        }

        return count;
    }

    /// <summary>A dense copy of <paramref name="tensor"/> with every element conjugated (a plain copy for real types).</summary>
    public static Tensor<T> Conjugated<T>(Tensor<T> tensor)
    {
        T[] data = ToArray(tensor);
        Elements.ConjugateAll<T>(data);
        return Wrap(data, tensor.Lengths);
    }

    /// <summary>The mode-<paramref name="mode"/> unfolding X_(n): a row-major [n_mode, Π others] matrix, the other modes in order (Kolda &amp; Bader 2009 §2.4).</summary>
    public static T[] Unfold<T>(Tensor<T> tensor, int mode)
        where T : unmanaged, INumberBase<T>
    {
        if (mode == 0)
        {
            return ToArray(tensor);
        }

        string[] labels = new IndexAlphabet().Take(tensor.Rank);
        string output = labels[mode] + string.Concat(labels.Where((_, k) => k != mode));
        return ToArray(Einsum.Evaluate(string.Concat(labels) + "->" + output, tensor));
    }

    /// <summary>
    /// X ×_k U⁽ᵏ⁾ for each given (mode, matrix U [m, n_mode]) at once — one einsum network, so the planner orders
    /// the products (Kolda &amp; Bader 2009 §2.5).
    /// </summary>
    public static Tensor<T> ModeProducts<T>(Tensor<T> tensor, ReadOnlySpan<(int Mode, Tensor<T> Matrix)> products)
        where T : unmanaged, INumberBase<T>
    {
        var letters = new IndexAlphabet();
        string[] labels = letters.Take(tensor.Rank);
        string[] output = labels.ToArray();
        var terms = new string[products.Length + 1];
        var operands = new Tensor<T>[products.Length + 1];
        terms[0] = string.Concat(labels);
        operands[0] = tensor;
        for (int i = 0; i < products.Length; i++)
        {
            string image = letters.Next();
            terms[i + 1] = image + labels[products[i].Mode];
            operands[i + 1] = products[i].Matrix;
            output[products[i].Mode] = image;
        }

        return Einsum.Evaluate(string.Join(",", terms) + "->" + string.Concat(output), operands);
    }

    /// <summary>Aᴴ for a row-major rows × cols matrix.</summary>
    public static T[] ConjugateTranspose<T>(ReadOnlySpan<T> a, int rows, int cols)
    {
        var result = new T[rows * cols];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                result[(j * rows) + i] = Elements.Conjugate(a[(i * cols) + j]);
            }
        }

        return result;
    }

    /// <summary>The Gram matrix Aᴴ A of a row-major [n, r] matrix, as the einsum "ir,is->rs" over conj(A) and A.</summary>
    public static T[] Gram<T>(Tensor<T> matrix)
        where T : unmanaged, INumberBase<T> =>
        ToArray(Einsum.Evaluate("ir,is->rs", Conjugated(matrix), matrix));
}
