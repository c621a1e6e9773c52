using System;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Decompositions.Fitting;

namespace TensorGen.Decompositions;

/// <summary>Creates <see cref="TensorTrain{T}"/> values: TT-SVD of a dense tensor, random trains.</summary>
public static class TensorTrain
{
    /// <summary>
    /// TT-SVD (Oseledets 2011, Algorithm 1): the train with the smallest bonds (up to <see cref="TensorTrainTruncation.MaxRank"/>)
    /// whose error is at most <see cref="TensorTrainTruncation.RelativeTolerance"/> · ‖X‖. Without a truncation the
    /// decomposition is exact and its ranks are the ranks of the unfoldings.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor has a length 0.</exception>
    public static TensorTrain<T> Svd<T>(Tensor<T> tensor, TensorTrainTruncation? truncation = null)
        where T : unmanaged, INumberBase<T> =>
        TensorTrainSvd.Decompose(tensor, truncation ?? new TensorTrainTruncation());

    /// <summary>A train with standard normal cores of shapes [r_{k−1}, n_k, r_k].</summary>
    /// <param name="shape">[n_1, …, n_N].</param>
    /// <param name="bondRanks">The N − 1 inner bonds [r_1, …, r_{N−1}] (r_0 = r_N = 1).</param>
    /// <param name="random">The source of randomness.</param>
    /// <exception cref="ArgumentException">The bond count is not N − 1 or a length is below 1.</exception>
    public static TensorTrain<T> Random<T>(ReadOnlySpan<int> shape, ReadOnlySpan<int> bondRanks, Random random)
        where T : unmanaged, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(random);
        if (shape.Length == 0 || bondRanks.Length != shape.Length - 1)
        {
            throw new ArgumentException($"A train of {shape.Length} cores has {Math.Max(0, shape.Length - 1)} inner bonds, not {bondRanks.Length}.", nameof(bondRanks));
        }

        var cores = new Tensor<T>[shape.Length];
        for (int k = 0; k < shape.Length; k++)
        {
            int left = k == 0 ? 1 : bondRanks[k - 1], right = k == shape.Length - 1 ? 1 : bondRanks[k];
            ArgumentOutOfRangeException.ThrowIfLessThan(Math.Min(shape[k], Math.Min(left, right)), 1, nameof(shape));
            var data = new T[left * shape[k] * right];
            RandomElements.Fill<T>(data, random);
            cores[k] = DenseTensors.Wrap(data, left, shape[k], right);
        }

        return new TensorTrain<T>(cores);
    }
}
