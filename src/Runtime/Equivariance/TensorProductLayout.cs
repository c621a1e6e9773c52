using System;

namespace TensorGen.Runtime.Equivariance;

/// <summary>
/// What a generated tensor-product kernel was compiled for: the feature dimensions, the weight vector and how it is
/// shared, and the parameter names for messages. The shapes it implies are checked before anything is written.
/// </summary>
public sealed class TensorProductLayout
{
    /// <param name="method">The method as people read it, e.g. <c>Kernels.Tp</c>.</param>
    /// <param name="dim1">x1's features per row.</param>
    /// <param name="dim2">x2's features per row.</param>
    /// <param name="dimOut">The output's features per row.</param>
    /// <param name="weightCount">e3nn's <c>weight_numel</c>.</param>
    /// <param name="sharedWeights">Whether the weights are one vector [W] (else [Z, W]).</param>
    /// <param name="flopsPerRow">The kernel's floating-point operations per batch row (to decide how many threads are worth it).</param>
    /// <param name="parameterNames">The method's parameter names in order: x1, x2, weights (null when omitted), then the outputs.</param>
    public TensorProductLayout(string method, int dim1, int dim2, int dimOut, int weightCount, bool sharedWeights, long flopsPerRow, params string?[] parameterNames)
    {
        ArgumentNullException.ThrowIfNull(parameterNames);
        Method = method;
        Dim1 = dim1;
        Dim2 = dim2;
        DimOut = dimOut;
        WeightCount = weightCount;
        SharedWeights = sharedWeights;
        FlopsPerRow = flopsPerRow;
        ParameterNames = parameterNames;
    }

    /// <summary>The method as people read it.</summary>
    public string Method { get; }

    /// <summary>x1's features per row.</summary>
    public int Dim1 { get; }

    /// <summary>x2's features per row.</summary>
    public int Dim2 { get; }

    /// <summary>The output's features per row.</summary>
    public int DimOut { get; }

    /// <summary>The size of the flat weight vector.</summary>
    public int WeightCount { get; }

    /// <summary>Whether the weights are shared by the batch.</summary>
    public bool SharedWeights { get; }

    /// <summary>Floating-point operations per batch row.</summary>
    public long FlopsPerRow { get; }

    /// <summary>The parameter names, in order; the weights' is null when the method has no weights parameter.</summary>
    public ReadOnlyMemory<string?> ParameterNames { get; }

    internal string Name(int index) => ParameterNames.Span[index] ?? "weights";
}
