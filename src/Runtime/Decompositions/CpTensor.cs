using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Threading;
using TensorGen.Decompositions.Fitting;

namespace TensorGen.Decompositions;

/// <summary>Creates and fits <see cref="CpTensor{T}"/> values.</summary>
public static class CpTensor
{
    /// <summary>
    /// Fits a rank-<paramref name="rank"/> CP model to <paramref name="tensor"/> by alternating least squares
    /// (tensorly's parafac; Kolda &amp; Bader 2009 §3.4). Each factor update runs the MTTKRP as an einsum network.
    /// </summary>
    /// <param name="tensor">The dense tensor (float, double or Complex), every length at least 1.</param>
    /// <param name="rank">R ≥ 1.</param>
    /// <param name="options">Iterations, tolerance, start, normalization, non-negativity; null for the defaults.</param>
    /// <param name="progress">Told the iteration and relative error after each iteration.</param>
    /// <param name="cancellationToken">Checked before each iteration.</param>
    /// <exception cref="ArgumentException">An argument is out of range, or non-negativity was asked of Complex elements.</exception>
    public static FitResult<CpTensor<T>> FitAls<T>(Tensor<T> tensor, int rank, CpAlsOptions? options = null,
        IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default)
        where T : unmanaged, INumberBase<T> =>
        CpAls.Fit(tensor, rank, options ?? new CpAlsOptions(), progress, cancellationToken);

    /// <summary>A CP tensor with unit weights and standard normal factor entries (complex: both parts, variance ½ each).</summary>
    /// <exception cref="ArgumentException">The shape is empty or a length or the rank is below 1.</exception>
    public static CpTensor<T> Random<T>(ReadOnlySpan<int> shape, int rank, Random random)
        where T : unmanaged, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        var factors = new Tensor<T>[shape.Length];
        for (int k = 0; k < shape.Length; k++)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(shape[k], 1, nameof(shape));
            var data = new T[shape[k] * rank];
            RandomElements.Fill<T>(data, random);
            factors[k] = DenseTensors.Wrap(data, shape[k], rank);
        }

        return new CpTensor<T>(factors);
    }
}
