namespace TensorGen.Decompositions;

/// <summary>Options of CP-ALS (<see cref="CpTensor.FitAls{T}"/>); the defaults follow tensorly's parafac.</summary>
public sealed class CpAlsOptions
{
    /// <summary>The iteration limit; each iteration updates every factor once. Default 100.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Stop when the relative error changes by less than this between iterations. Default 1e-8.</summary>
    public double Tolerance { get; init; } = 1e-8;

    /// <summary>The starting factors. Default <see cref="CpInitialization.Svd"/>.</summary>
    public CpInitialization Initialization { get; init; } = CpInitialization.Svd;

    /// <summary>
    /// After each update, scale the factor's columns to unit norm and keep the norms in the weights (Kolda &amp;
    /// Bader 2009, Figure 3.3). Default false: unit weights, as tensorly's normalize_factors=False.
    /// </summary>
    public bool NormalizeFactors { get; init; }

    /// <summary>
    /// Keep every factor entry non-negative with Lee–Seung multiplicative updates (Lee &amp; Seung 2001; tensorly's
    /// non_negative_parafac) instead of the least-squares solve. Real element types only.
    /// </summary>
    public bool NonNegative { get; init; }

    /// <summary>The seed of random starting values (and of the columns an SVD start fills at random). Default 0.</summary>
    public int Seed { get; init; }
}
