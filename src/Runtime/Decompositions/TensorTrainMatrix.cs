using System;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Decompositions.Lowering;
using TensorGen.Decompositions.Fitting;

namespace TensorGen.Decompositions;

/// <summary>Creates <see cref="TensorTrainMatrix{T}"/> values: TT-SVD of a dense operator, random TT-matrices.</summary>
public static class TensorTrainMatrix
{
    /// <summary>
    /// The TT-matrix of a dense operator given as a tensor [m_1, …, m_N, n_1, …, n_N]: its modes are interleaved to
    /// [m_1, n_1, …, m_N, n_N] and decomposed by TT-SVD over the merged modes m_k n_k (Oseledets 2010).
    /// </summary>
    /// <param name="matrix">The operator, rows' modes then columns' modes.</param>
    /// <param name="order">N, the number of cores (half the tensor's rank).</param>
    /// <param name="truncation">Bounds on the bonds and the error; null for an exact decomposition.</param>
    /// <exception cref="ArgumentException">The tensor's rank is not 2N or a length is 0.</exception>
    public static TensorTrainMatrix<T> Svd<T>(Tensor<T> matrix, int order, TensorTrainTruncation? truncation = null)
        where T : unmanaged, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentOutOfRangeException.ThrowIfLessThan(order, 1);
        if (matrix.Rank != 2 * order)
        {
            throw new ArgumentException($"A TT-matrix of {order} cores comes from a tensor of rank {2 * order}, not {matrix.Rank}.", nameof(matrix));
        }

        string[] labels = new IndexAlphabet().Take(2 * order);
        string interleaved = string.Concat(Enumerable.Range(0, order).Select(k => labels[k] + labels[order + k]));
        Tensor<T> paired = Einsum.Evaluate(string.Concat(labels) + "->" + interleaved, matrix);
        nint[] merged = Enumerable.Range(0, order).Select(k => matrix.Lengths[k] * matrix.Lengths[order + k]).ToArray();
        TensorTrain<T> train = TensorTrainSvd.Decompose(DenseTensors.Wrap(DenseTensors.ToArray(paired), merged), truncation ?? new TensorTrainTruncation());
        var cores = new Tensor<T>[order];
        for (int k = 0; k < order; k++)
        {
            ReadOnlySpan<nint> lengths = train.Cores[k].Lengths;
            cores[k] = DenseTensors.Wrap(DenseTensors.ToArray(train.Cores[k]), lengths[0], matrix.Lengths[k], matrix.Lengths[order + k], lengths[2]);
        }

        return new TensorTrainMatrix<T>(cores);
    }

    /// <summary>A TT-matrix with standard normal cores [r_{k−1}, m_k, n_k, r_k].</summary>
    /// <param name="rowShape">[m_1, …, m_N].</param>
    /// <param name="columnShape">[n_1, …, n_N].</param>
    /// <param name="bondRanks">The N − 1 inner bonds.</param>
    /// <param name="random">The source of randomness.</param>
    /// <exception cref="ArgumentException">The shapes or bond count disagree, or a length is below 1.</exception>
    public static TensorTrainMatrix<T> Random<T>(ReadOnlySpan<int> rowShape, ReadOnlySpan<int> columnShape, ReadOnlySpan<int> bondRanks, Random random)
        where T : unmanaged, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(random);
        int order = rowShape.Length;
        if (order == 0 || columnShape.Length != order || bondRanks.Length != order - 1)
        {
            throw new ArgumentException(
                $"A TT-matrix of N cores has N row sizes, N column sizes and N − 1 inner bonds; got {order}, {columnShape.Length} and {bondRanks.Length}.",
                nameof(bondRanks));
        }

        var cores = new Tensor<T>[order];
        for (int k = 0; k < order; k++)
        {
            int left = k == 0 ? 1 : bondRanks[k - 1], right = k == order - 1 ? 1 : bondRanks[k];
            ArgumentOutOfRangeException.ThrowIfLessThan(Math.Min(Math.Min(rowShape[k], columnShape[k]), Math.Min(left, right)), 1, nameof(rowShape));
            var data = new T[left * rowShape[k] * columnShape[k] * right];
            RandomElements.Fill<T>(data, random);
            cores[k] = DenseTensors.Wrap(data, left, rowShape[k], columnShape[k], right);
        }

        return new TensorTrainMatrix<T>(cores);
    }
}
