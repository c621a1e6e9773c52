namespace TensorGen.Decompositions;

/// <summary>How CP-ALS chooses its starting factors.</summary>
public enum CpInitialization
{
    /// <summary>
    /// Factor k starts as the leading R left singular vectors of the mode-k unfolding (columns beyond n_k random),
    /// the "nvecs" start of Kolda &amp; Bader 2009 §3.4 and tensorly's default. Non-negative fits take magnitudes.
    /// </summary>
    Svd,

    /// <summary>Standard normal entries (uniform [0, 1) for non-negative fits), from <see cref="CpAlsOptions.Seed"/>.</summary>
    Random,
}
