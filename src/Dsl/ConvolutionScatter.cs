namespace TensorGen;

/// <summary>
/// How a convolution's GPU kernels (<c>Backends = Backend.Cpu | Backend.Gpu</c>) sum messages into nodes (docs/gpu.md). The
/// CPU kernel is always deterministic.
/// </summary>
public enum ConvolutionScatter
{
    /// <summary>
    /// Edges grouped by receiver (forward) or sender (backward) in CSR segments; each output element is summed by one thread
    /// in edge order, so results are bit-identical run to run and equal the CPU kernel's within rounding. The backward pass
    /// runs a warp (or, for products with fewer than 32 channels per block or with uu paths, one thread) per sender, which sums each edge's
    /// feature gradient over channels by shuffles in a fixed order, so it has less parallelism than <see cref="Atomic"/>.
    /// </summary>
    Deterministic = 0,

    /// <summary>
    /// One row of threads per edge; messages (forward) and node-feature gradients (backward) are added with atomic adds. More
    /// parallel, but the order of the additions varies between runs: results agree with the CPU kernel's within a
    /// tolerance, not bit for bit.
    /// </summary>
    Atomic = 1,
}
