namespace TensorGen.Runtime.Equivariance;

/// <summary>
/// A generated tensor product's tiles as its double backward pass uses them: the forward product added into a tile (never
/// stored over it, so that the three products of gradGradOutput sum in one tile) and the backward product, each over every
/// path or over the weighted paths only. The weighted-only forms are the derivatives in the weights' direction: an
/// unweighted path does not depend on the weights, so TP(x1, x2; aw) must leave it out.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public interface ITensorProductDoubleBackward<T> : ITensorProductKernel<T>
    where T : unmanaged
{
    /// <summary>Adds x1 ⊗ x2 (with <paramref name="weights"/>) into the output tile; with <paramref name="weightedPathsOnly"/> only the weighted paths.</summary>
    static abstract void AddForward(ref T x1, ref T x2, ref T weights, ref T output, bool weightedPathsOnly);

    /// <summary>
    /// The backward tile as <see cref="ITensorProductBackward{T}.Backward"/> (x1 and x2 gradients added into, the weights'
    /// stored per row or added for shared weights); with <paramref name="weightedPathsOnly"/> only the weighted paths.
    /// </summary>
    static abstract void Backward(ref T x1, ref T x2, ref T weights, ref T gradOutput, ref T gradX1, ref T gradX2, ref T gradWeights, bool weightedPathsOnly);
}
