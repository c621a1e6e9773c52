using System;
using System.Collections.Generic;
using System.Numerics;
using System.Numerics.Tensors;
using System.Threading;
using TensorGen.Decompositions.Lowering;

namespace TensorGen.Decompositions.Fitting;

/// <summary>
/// CP by alternating least squares (Carroll &amp; Chang 1970; Harshman 1970; Kolda &amp; Bader 2009 §3.4, Figure 3.3).
/// Updating factor n with the others fixed solves B W = M, where M = X_(n) (⊙_{k≠n} conj A⁽ᵏ⁾) is the MTTKRP —
/// run as the lowered einsum network, never forming the Khatri–Rao product — and W = (⊛_{k≠n} A⁽ᵏ⁾ᴴ A⁽ᵏ⁾)ᵀ is
/// R × R. B is factor n with the weights folded in. The error needs no reconstruction:
/// ‖X − X̂‖² = ‖X‖² − 2 Re Σ conj(B) ⊙ M + Σ (BᴴB) ⊛ V with V the Hadamard product of the other Grams.
/// </summary>
internal static class CpAls
{
    /// <summary>The floor of multiplicative-update denominators (tensorly uses the machine epsilon likewise).</summary>
    private const double UpdateFloor = 1e-12;

    /// <summary>
    /// Below this relative error the Gram/MTTKRP identity has cancelled to noise (it subtracts quantities of size
    /// ‖X‖², so it resolves errors only down to about √ε); from here on the residual is taken from the reconstruction.
    /// </summary>
    private const double IdentityResolution = 1e-6;

    public static FitResult<CpTensor<T>> Fit<T>(Tensor<T> tensor, int rank, CpAlsOptions options, IProgress<FitProgress>? progress,
        CancellationToken cancellationToken)
        where T : unmanaged, INumberBase<T>
    {
        Elements.ThrowIfUnsupported<T>();
        ArgumentNullException.ThrowIfNull(tensor);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxIterations, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.Tolerance, nameof(options));
        if (options.NonNegative && Elements.IsComplex<T>())
        {
            throw new ArgumentException("Non-negative CP is defined for real element types; Complex numbers have no order.", nameof(options));
        }

        FormatChecks.ThrowIfEmpty(tensor, nameof(tensor));
        Tensor<T> x = DenseTensors.Dense(tensor);
        int order = x.Rank;
        var source = new TensorSource<T>(x);
        double norm2 = Elements.SumOfSquares(DenseTensors.Span(x));
        var random = new Random(options.Seed);

        var factors = new T[order][];
        var grams = new T[order][];
        var mttkrps = new LoweredContraction[order];
        for (int k = 0; k < order; k++)
        {
            factors[k] = Initialize(x, k, rank, options, random);
            grams[k] = Gram(factors[k], (int)x.Lengths[k], rank);
            mttkrps[k] = DecompositionLowering.Lower(OperationSpec.Of(DecompositionFormat.Cp, DecompositionOperation.Mttkrp, order, k));
        }

        T[] weights = Ones<T>(rank);
        var errors = new List<double>();
        bool converged = false;
        for (int iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            T[] b = Array.Empty<T>(), m = Array.Empty<T>(), v = Array.Empty<T>();
            for (int n = 0; n < order; n++)
            {
                int rows = (int)x.Lengths[n];
                v = HadamardOfOthers(grams, n, rank);
                m = DenseTensors.ToArray(StructuredContraction.Evaluate(mttkrps[n], source, ConjugatedFactors(factors, x, rank)));
                T[] w = DenseTensors.ConjugateTranspose<T>(v, rank, rank);
                Elements.ConjugateAll<T>(w); // (V)ᵀ: V is Hermitian, so its transpose is its conjugate.
                b = options.NonNegative
                    ? MultiplicativeUpdate(Scaled(factors[n], weights, rows, rank), m, w, rows, rank)
                    : LinearAlgebra.SolveRightHermitian<T>(m, rows, w, rank);
                if (options.NormalizeFactors)
                {
                    (factors[n], weights) = NormalizedColumns(b, rows, rank);
                }
                else
                {
                    factors[n] = b;
                }

                grams[n] = Gram(factors[n], rows, rank);
            }

            double error = RelativeError(norm2, b, m, v, (int)x.Lengths[order - 1], rank);
            if (error < IdentityResolution)
            {
                error = ReconstructionError(x, Model(factors, weights, x), norm2);
            }

            errors.Add(error);
            progress?.Report(new FitProgress(iteration, error));
            if (errors.Count > 1 && Math.Abs(errors[errors.Count - 2] - error) < options.Tolerance)
            {
                converged = true;
                break;
            }
        }

        return new FitResult<CpTensor<T>>(Model(factors, weights, x), errors, converged);
    }

    private static CpTensor<T> Model<T>(T[][] factors, T[] weights, Tensor<T> x)
        where T : unmanaged, INumberBase<T>
    {
        var tensors = new Tensor<T>[factors.Length];
        for (int k = 0; k < factors.Length; k++)
        {
            tensors[k] = DenseTensors.Wrap(factors[k], x.Lengths[k], weights.Length);
        }

        return new CpTensor<T>(DenseTensors.Wrap(weights, weights.Length), tensors);
    }

    /// <summary>‖X − X̂‖/‖X‖ from the reconstructed model.</summary>
    private static double ReconstructionError<T>(Tensor<T> x, CpTensor<T> model, double norm2)
        where T : unmanaged, INumberBase<T>
    {
        ReadOnlySpan<T> data = DenseTensors.Span(x), fitted = DenseTensors.Span(model.ToDense());
        double residual = 0;
        for (int i = 0; i < data.Length; i++)
        {
            residual += Elements.AbsSquared(data[i] - fitted[i]);
        }

        return norm2 > 0 ? Math.Sqrt(residual / norm2) : Math.Sqrt(residual);
    }

    private static T[] Initialize<T>(Tensor<T> x, int mode, int rank, CpAlsOptions options, Random random)
        where T : unmanaged, INumberBase<T>
    {
        int rows = (int)x.Lengths[mode];
        var factor = new T[rows * rank];
        RandomElements.Fill<T>(factor, random, options.NonNegative);
        if (options.Initialization == CpInitialization.Svd)
        {
            int columns = (int)(x.FlattenedLength / rows);
            ThinSvd<T> svd = LinearAlgebra.Svd<T>(DenseTensors.Unfold(x, mode), rows, columns);
            int kept = Math.Min(rank, svd.K);
            for (int i = 0; i < rows; i++)
            {
                for (int r = 0; r < kept; r++)
                {
                    T value = svd.U[(i * svd.K) + r];
                    factor[(i * rank) + r] = options.NonNegative ? Elements.FromReal<T>(Math.Sqrt(Elements.AbsSquared(value))) : value;
                }
            }
        }
        else if (options.Initialization != CpInitialization.Random)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Initialization, "Unknown CP initialization.");
        }

        return factor;
    }

    /// <summary>The CP tensor of conjugated factors with unit weights whose MTTKRP is M (mode n's own factor is not read).</summary>
    private static CpTensor<T> ConjugatedFactors<T>(T[][] factors, Tensor<T> x, int rank)
        where T : unmanaged, INumberBase<T>
    {
        var tensors = new Tensor<T>[factors.Length];
        for (int k = 0; k < factors.Length; k++)
        {
            T[] data = factors[k];
            if (Elements.IsComplex<T>())
            {
                data = (T[])data.Clone();
                Elements.ConjugateAll<T>(data);
            }

            tensors[k] = DenseTensors.Wrap(data, x.Lengths[k], rank);
        }

        return new CpTensor<T>(DenseTensors.Wrap(Ones<T>(rank), rank), tensors);
    }

    private static T[] Gram<T>(T[] factor, int rows, int rank)
        where T : unmanaged, INumberBase<T> =>
        DenseTensors.Gram(DenseTensors.Wrap(factor, rows, rank));

    /// <summary>V = ⊛_{k≠n} G_k, the element-wise product of the other factors' Gram matrices.</summary>
    private static T[] HadamardOfOthers<T>(T[][] grams, int n, int rank)
        where T : INumberBase<T>
    {
        T[] v = Ones<T>(rank * rank);
        for (int k = 0; k < grams.Length; k++)
        {
            if (k != n)
            {
                for (int i = 0; i < v.Length; i++)
                {
                    v[i] *= grams[k][i];
                }
            }
        }

        return v;
    }

    /// <summary>B ⊙ M ⊘ (B W), the Lee–Seung step for min ‖X − X̂‖ with B ≥ 0, negative MTTKRP entries clipped to 0.</summary>
    private static T[] MultiplicativeUpdate<T>(T[] b, T[] m, T[] w, int rows, int rank)
        where T : INumberBase<T>
    {
        var updated = new T[b.Length];
        for (int i = 0; i < rows; i++)
        {
            for (int r = 0; r < rank; r++)
            {
                double denominator = 0;
                for (int s = 0; s < rank; s++)
                {
                    denominator += Elements.Real(b[(i * rank) + s]) * Elements.Real(w[(s * rank) + r]);
                }

                double numerator = Math.Max(0, Elements.Real(m[(i * rank) + r]));
                updated[(i * rank) + r] = Elements.FromReal<T>(Elements.Real(b[(i * rank) + r]) * numerator / Math.Max(denominator, UpdateFloor));
            }
        }

        return updated;
    }

    /// <summary>A diag(λ): the factor with the weights folded back in.</summary>
    private static T[] Scaled<T>(T[] factor, T[] weights, int rows, int rank)
        where T : INumberBase<T>
    {
        var scaled = new T[factor.Length];
        for (int i = 0; i < rows; i++)
        {
            for (int r = 0; r < rank; r++)
            {
                scaled[(i * rank) + r] = factor[(i * rank) + r] * weights[r];
            }
        }

        return scaled;
    }

    /// <summary>B's columns scaled to unit norm, and the norms (1 for a zero column, as tensorly keeps it).</summary>
    private static (T[] Factor, T[] Weights) NormalizedColumns<T>(T[] b, int rows, int rank)
        where T : INumberBase<T>
    {
        var weights = new T[rank];
        var factor = (T[])b.Clone();
        for (int r = 0; r < rank; r++)
        {
            double norm = 0;
            for (int i = 0; i < rows; i++)
            {
                norm += Elements.AbsSquared(b[(i * rank) + r]);
            }

            norm = norm > 0 ? Math.Sqrt(norm) : 1;
            weights[r] = Elements.FromReal<T>(norm);
            T inverse = Elements.FromReal<T>(1 / norm);
            for (int i = 0; i < rows; i++)
            {
                factor[(i * rank) + r] *= inverse;
            }
        }

        return (factor, weights);
    }

    /// <summary>‖X − X̂‖/‖X‖ from the last update's B, M and V (see the class remarks); the absolute error when X = 0.</summary>
    private static double RelativeError<T>(double norm2, T[] b, T[] m, T[] v, int rows, int rank)
        where T : INumberBase<T>
    {
        double inner = 0;
        for (int i = 0; i < b.Length; i++)
        {
            inner += Elements.Real(Elements.Conjugate(b[i]) * m[i]);
        }

        double model2 = 0;
        for (int r = 0; r < rank; r++)
        {
            for (int s = 0; s < rank; s++)
            {
                T bb = T.Zero;
                for (int i = 0; i < rows; i++)
                {
                    bb += Elements.Conjugate(b[(i * rank) + r]) * b[(i * rank) + s];
                }

                model2 += Elements.Real(bb * v[(r * rank) + s]);
            }
        }

        double residual = Math.Sqrt(Math.Max(0, norm2 - (2 * inner) + model2));
        return norm2 > 0 ? residual / Math.Sqrt(norm2) : residual;
    }

    private static T[] Ones<T>(int count)
        where T : INumberBase<T>
    {
        var ones = new T[count];
        Array.Fill(ones, T.One);
        return ones;
    }
}
