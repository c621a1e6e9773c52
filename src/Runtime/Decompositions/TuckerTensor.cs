using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Threading;
using TensorGen.Decompositions.Fitting;

namespace TensorGen.Decompositions;

/// <summary>Creates and fits <see cref="TuckerTensor{T}"/> values: truncated HOSVD and HOOI.</summary>
public static class TuckerTensor
{
    /// <summary>
    /// The truncated higher-order SVD with the given multilinear ranks: factor k is the leading r_k left singular
    /// vectors of the mode-k unfolding, and the core is X ×_k U_kᴴ (De Lathauwer, De Moor &amp; Vandewalle 2000).
    /// </summary>
    /// <exception cref="ArgumentException">The rank count is not the tensor's order, or a rank is not in 1..n_k.</exception>
    public static TuckerTensor<T> Hosvd<T>(Tensor<T> tensor, ReadOnlySpan<int> ranks)
        where T : unmanaged, INumberBase<T> =>
        TuckerFitting.Hosvd(tensor, ranks.ToArray(), 0);

    /// <summary>
    /// The truncated HOSVD with the smallest ranks that guarantee ‖X − X̂‖ ≤ <paramref name="relativeTolerance"/> · ‖X‖:
    /// each mode may discard singular values worth ε‖X‖/√N (the bound of De Lathauwer et al. 2000, Property 10).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The tolerance is negative or not finite.</exception>
    public static TuckerTensor<T> Hosvd<T>(Tensor<T> tensor, double relativeTolerance)
        where T : unmanaged, INumberBase<T> =>
        TuckerFitting.Hosvd(tensor, null, CheckTolerance(relativeTolerance));

    /// <summary>
    /// Higher-order orthogonal iteration from the truncated HOSVD (tensorly's tucker): each factor in turn becomes the
    /// leading left singular vectors of X projected on the others, which never increases the error.
    /// </summary>
    /// <exception cref="ArgumentException">The ranks do not fit the tensor, or an option is out of range.</exception>
    public static FitResult<TuckerTensor<T>> FitHooi<T>(Tensor<T> tensor, ReadOnlySpan<int> ranks, HooiOptions? options = null,
        IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default)
        where T : unmanaged, INumberBase<T> =>
        TuckerFitting.Hooi(tensor, ranks.ToArray(), 0, options ?? new HooiOptions(), progress, cancellationToken);

    /// <summary>HOOI with the ranks the tolerance gives the truncated HOSVD (<see cref="Hosvd{T}(Tensor{T}, double)"/>).</summary>
    /// <exception cref="ArgumentException">The tolerance or an option is out of range.</exception>
    public static FitResult<TuckerTensor<T>> FitHooi<T>(Tensor<T> tensor, double relativeTolerance, HooiOptions? options = null,
        IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default)
        where T : unmanaged, INumberBase<T> =>
        TuckerFitting.Hooi(tensor, null, CheckTolerance(relativeTolerance), options ?? new HooiOptions(), progress, cancellationToken);

    /// <summary>A Tucker tensor with a standard normal core and factors with orthonormal columns.</summary>
    /// <exception cref="ArgumentException">The shapes do not agree or a rank exceeds its mode's size.</exception>
    public static TuckerTensor<T> Random<T>(ReadOnlySpan<int> shape, ReadOnlySpan<int> ranks, Random random)
        where T : unmanaged, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(random);
        if (ranks.Length != shape.Length || shape.Length == 0)
        {
            throw new ArgumentException($"A Tucker tensor has one rank per mode: {shape.Length} modes, {ranks.Length} ranks.", nameof(ranks));
        }

        var core = new T[DenseTensors.ElementCount(Array.ConvertAll(ranks.ToArray(), r => (nint)r))];
        RandomElements.Fill<T>(core, random);
        var factors = new Tensor<T>[shape.Length];
        for (int k = 0; k < shape.Length; k++)
        {
            if (ranks[k] < 1 || ranks[k] > shape[k])
            {
                throw new ArgumentOutOfRangeException(nameof(ranks), ranks[k], $"Rank {k} must be in 1..{shape[k]}.");
            }

            var data = new T[shape[k] * ranks[k]];
            RandomElements.Fill<T>(data, random);
            factors[k] = DenseTensors.Wrap(LinearAlgebra.Qr<T>(data, shape[k], ranks[k]).Q, shape[k], ranks[k]);
        }

        return new TuckerTensor<T>(DenseTensors.Wrap(core, Array.ConvertAll(ranks.ToArray(), r => (nint)r)), factors);
    }

    private static double CheckTolerance(double relativeTolerance)
    {
        if (!(relativeTolerance >= 0) || double.IsInfinity(relativeTolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(relativeTolerance), relativeTolerance, "The relative tolerance is a finite number ≥ 0.");
        }

        return relativeTolerance;
    }
}
