using System;
using System.Collections.Generic;
using System.Numerics;
using System.Numerics.Tensors;
using System.Threading;

namespace TensorGen.Decompositions.Fitting;

/// <summary>
/// Tucker fits: the truncated higher-order SVD (De Lathauwer, De Moor &amp; Vandewalle 2000, SIAM J. Matrix Anal.
/// Appl. 21(4)) and higher-order orthogonal iteration (De Lathauwer et al. 2000, same volume, "On the best rank-1 and
/// rank-(R1,…,RN) approximation"). Factors have orthonormal columns, so ‖X − X̂‖² = ‖X‖² − ‖G‖².
/// </summary>
internal static class TuckerFitting
{
    public static TuckerTensor<T> Hosvd<T>(Tensor<T> tensor, int[]? ranks, double relativeTolerance)
        where T : unmanaged, INumberBase<T>
    {
        Tensor<T> x = Prepare(tensor, ranks);
        double norm = Math.Sqrt(Elements.SumOfSquares(DenseTensors.Span(x)));

        // The truncated-HOSVD bound ‖X − X̂‖² ≤ Σ_k (discarded σ_k²) (De Lathauwer et al. 2000, Property 10): give
        // each mode ε²‖X‖²/N.
        double perMode = relativeTolerance * norm / Math.Sqrt(x.Rank);
        var factors = new Tensor<T>[x.Rank];
        for (int k = 0; k < x.Rank; k++)
        {
            factors[k] = LeadingSubspace(x, k, ranks?[k], perMode);
        }

        return new TuckerTensor<T>(Core(x, factors, skip: -1), factors);
    }

    public static FitResult<TuckerTensor<T>> Hooi<T>(Tensor<T> tensor, int[]? ranks, double relativeTolerance, HooiOptions options,
        IProgress<FitProgress>? progress, CancellationToken cancellationToken)
        where T : unmanaged, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxIterations, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.Tolerance, nameof(options));
        Tensor<T> x = Prepare(tensor, ranks);
        TuckerTensor<T> start = Hosvd(x, ranks, relativeTolerance);
        var factors = new Tensor<T>[x.Rank];
        for (int k = 0; k < x.Rank; k++)
        {
            factors[k] = start.Factors[k];
        }

        double norm2 = Elements.SumOfSquares(DenseTensors.Span(x));
        var errors = new List<double>();
        bool converged = false;
        Tensor<T> core = start.Core;
        for (int iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (int n = 0; n < x.Rank; n++)
            {
                // Y = X ×_{k≠n} U_kᴴ; U_n = the leading r_n left singular vectors of Y_(n).
                Tensor<T> projected = Core(x, factors, skip: n);
                factors[n] = LeadingSubspace(projected, n, (int)factors[n].Lengths[1], 0);
            }

            core = Core(x, factors, skip: -1);
            double residual = Math.Max(0, norm2 - Elements.SumOfSquares(DenseTensors.Span(core)));
            double error = norm2 > 0 ? Math.Sqrt(residual / norm2) : 0;
            if (error < IdentityResolution)
            {
                error = ReconstructionError(x, new TuckerTensor<T>(core, factors), norm2);
            }

            errors.Add(error);
            progress?.Report(new FitProgress(iteration, error));
            if (errors.Count > 1 && Math.Abs(errors[errors.Count - 2] - error) < options.Tolerance)
            {
                converged = true;
                break;
            }
        }

        return new FitResult<TuckerTensor<T>>(new TuckerTensor<T>(core, factors), errors, converged);
    }

    /// <summary>
    /// Below this relative error ‖X‖² − ‖G‖² has cancelled too far to trust (its rounding, about ε‖X‖² summed over
    /// the elements, is then a visible part of the difference); the residual is taken from the reconstruction instead.
    /// </summary>
    private const double IdentityResolution = 1e-5;

    /// <summary>‖X − X̂‖/‖X‖ from the reconstructed model.</summary>
    private static double ReconstructionError<T>(Tensor<T> x, TuckerTensor<T> model, double norm2)
        where T : unmanaged, INumberBase<T>
    {
        ReadOnlySpan<T> data = DenseTensors.Span(x), fitted = DenseTensors.Span(model.ToDense());
        double residual = 0;
        for (int i = 0; i < data.Length; i++)
        {
            residual += Elements.AbsSquared(data[i] - fitted[i]);
        }

        return Math.Sqrt(residual / norm2);
    }

    private static Tensor<T> Prepare<T>(Tensor<T> tensor, int[]? ranks)
        where T : unmanaged, INumberBase<T>
    {
        Elements.ThrowIfUnsupported<T>();
        ArgumentNullException.ThrowIfNull(tensor);
        FormatChecks.ThrowIfEmpty(tensor, nameof(tensor));
        if (ranks is not null)
        {
            if (ranks.Length != tensor.Rank)
            {
                throw new ArgumentException($"The tensor has {tensor.Rank} modes but {ranks.Length} ranks were given.", nameof(ranks));
            }

            for (int k = 0; k < ranks.Length; k++)
            {
                if (ranks[k] < 1 || ranks[k] > tensor.Lengths[k])
                {
                    throw new ArgumentOutOfRangeException(nameof(ranks), ranks[k], $"Rank {k} must be in 1..{tensor.Lengths[k]} (mode {k}'s size).");
                }
            }
        }

        return DenseTensors.Dense(tensor);
    }

    /// <summary>The leading left singular vectors of X_(mode): <paramref name="rank"/> of them, or as few as keep the discarded tail within <paramref name="tailBound"/>.</summary>
    private static Tensor<T> LeadingSubspace<T>(Tensor<T> x, int mode, int? rank, double tailBound)
        where T : unmanaged, INumberBase<T>
    {
        int rows = (int)x.Lengths[mode];
        int columns = (int)(x.FlattenedLength / rows);
        ThinSvd<T> svd = LinearAlgebra.Svd<T>(DenseTensors.Unfold(x, mode), rows, columns);
        int kept = rank ?? RankSelection.Choose(svd.S, int.MaxValue, tailBound);
        if (kept > svd.K)
        {
            // A rank above min(n_k, Π others) cannot be filled by singular vectors; HOSVD caps it there.
            kept = svd.K;
        }

        return DenseTensors.Wrap(svd.LeadingU(kept), rows, kept);
    }

    /// <summary>X ×_k U_kᴴ for every k except <paramref name="skip"/>: one einsum network.</summary>
    private static Tensor<T> Core<T>(Tensor<T> x, Tensor<T>[] factors, int skip)
        where T : unmanaged, INumberBase<T>
    {
        var products = new List<(int, Tensor<T>)>();
        for (int k = 0; k < factors.Length; k++)
        {
            if (k != skip)
            {
                int rows = (int)factors[k].Lengths[0], rank = (int)factors[k].Lengths[1];
                products.Add((k, DenseTensors.Wrap(DenseTensors.ConjugateTranspose(DenseTensors.Span(factors[k]), rows, rank), rank, rows)));
            }
        }

        return DenseTensors.ModeProducts(x, products.ToArray());
    }
}
