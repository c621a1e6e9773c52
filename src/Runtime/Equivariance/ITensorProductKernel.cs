namespace TensorGen.Runtime.Equivariance;

/// <summary>
/// A generated tensor product, one tile at a time. A tile is <c>Vector&lt;T&gt;.Count</c> batch rows stored feature-major
/// ("structure of arrays"): feature f of all rows is the vector at element f × Count, so every operation of the kernel is
/// one SIMD instruction across the rows. Shared weights are passed as the plain vector [W]; per-row weights as a tile.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public interface ITensorProductKernel<T>
    where T : unmanaged
{
    /// <summary>What the kernel was compiled for.</summary>
    static abstract TensorProductLayout Layout { get; }
}

/// <summary>A generated forward tensor product: <c>output = x1 ⊗ x2</c> for one tile; the kernel writes every feature of the output tile.</summary>
/// <typeparam name="T">float or double.</typeparam>
public interface ITensorProductForward<T> : ITensorProductKernel<T>
    where T : unmanaged
{
    /// <summary>Computes one tile.</summary>
    static abstract void Forward(ref T x1, ref T x2, ref T weights, ref T output);
}

/// <summary>
/// A generated backward tensor product for one tile: the gradients with respect to x1, x2 and the weights given the
/// output's gradient. The x1 and x2 gradient tiles arrive zeroed and are added to; the weights' gradient tile accumulates
/// over a worker's tiles when the weights are shared (and is summed over its lanes at the end), and is written in full
/// otherwise.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public interface ITensorProductBackward<T> : ITensorProductKernel<T>
    where T : unmanaged
{
    /// <summary>Computes one tile.</summary>
    static abstract void Backward(ref T x1, ref T x2, ref T weights, ref T gradOutput, ref T gradX1, ref T gradX2, ref T gradWeights);
}
