namespace TensorGen.Runtime.SymmetricContraction;

/// <summary>
/// A generated symmetric contraction, one atom at a time, with SIMD lanes across channels. Operands are held channel-block major:
/// channel block j (<c>Vector&lt;T&gt;.Count</c> channels) of feature f is the vector at element (j · features + f) · Count, so
/// every operation is one SIMD instruction across channels. Weights arrive padded: row r (an [element, k] row of a weight
/// tensor, in MACE's flat order) holds its channels at feature r · channelBlocks + j.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public interface ISymmetricContractionKernel<T>
    where T : unmanaged
{
    /// <summary>What the kernel was compiled for.</summary>
    static abstract SymmetricContractionLayout Layout { get; }

    /// <summary>Folds one element's weights into the coupling coefficients: folded [channelBlocks, terms] (written in full).</summary>
    static abstract void Fold(ref T paddedWeights, int element, int channelBlocks, ref T folded);
}

/// <summary>A generated forward symmetric contraction for one atom: output [channelBlocks, dimOut per channel], written in full.</summary>
/// <typeparam name="T">float or double.</typeparam>
public interface ISymmetricContractionForward<T> : ISymmetricContractionKernel<T>
    where T : unmanaged
{
    /// <summary>Computes one atom from its A [channelBlocks, dim per channel] and its element's folded coefficients.</summary>
    static abstract void Forward(ref T a, ref T folded, int channelBlocks, ref T output);
}

/// <summary>
/// A generated backward symmetric contraction for one atom: A's gradient (written in full) and the weight sums
/// [channelBlocks, terms] of the atom's element (added to), which <see cref="Unfold"/> turns into the weights' gradient.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public interface ISymmetricContractionBackward<T> : ISymmetricContractionKernel<T>
    where T : unmanaged
{
    /// <summary>Computes one atom.</summary>
    static abstract void Backward(ref T a, ref T folded, ref T gradOutput, int channelBlocks, ref T gradA, ref T sums);

    /// <summary>Adds one element's weight sums into the padded weights' gradient (the transpose of <see cref="ISymmetricContractionKernel{T}.Fold"/>).</summary>
    static abstract void Unfold(ref T sums, int element, int channelBlocks, ref T paddedGradWeights);
}
