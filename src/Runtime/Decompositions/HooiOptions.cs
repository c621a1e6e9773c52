namespace TensorGen.Decompositions;

/// <summary>Options of HOOI (<see cref="TuckerTensor.FitHooi{T}(System.Numerics.Tensors.Tensor{T}, double, HooiOptions?, System.IProgress{FitProgress}?, System.Threading.CancellationToken)"/>).</summary>
public sealed class HooiOptions
{
    /// <summary>The iteration limit; each iteration updates every factor once. Default 100.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Stop when the relative error changes by less than this between iterations. Default 1e-8.</summary>
    public double Tolerance { get; init; } = 1e-8;
}
