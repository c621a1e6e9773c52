using System.Collections.Generic;

namespace TensorGen.Decompositions;

/// <summary>The outcome of an iterative fit (CP-ALS, HOOI).</summary>
/// <typeparam name="TDecomposition">The fitted format, e.g. <see cref="CpTensor{T}"/>.</typeparam>
public sealed class FitResult<TDecomposition>
{
    internal FitResult(TDecomposition decomposition, IReadOnlyList<double> errors, bool converged)
    {
        Decomposition = decomposition;
        Errors = errors;
        Converged = converged;
    }

    /// <summary>The fitted decomposition.</summary>
    public TDecomposition Decomposition { get; }

    /// <summary>The relative error ‖X − X̂‖ / ‖X‖ after each iteration.</summary>
    public IReadOnlyList<double> Errors { get; }

    /// <summary>The number of iterations run.</summary>
    public int Iterations => Errors.Count;

    /// <summary>The final relative error ‖X − X̂‖ / ‖X‖.</summary>
    public double RelativeError => Errors.Count == 0 ? double.NaN : Errors[Errors.Count - 1];

    /// <summary>True when the error changed by less than the tolerance before the iteration limit.</summary>
    public bool Converged { get; }
}
