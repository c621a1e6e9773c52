using System.Numerics.Tensors;
using TensorGen;

namespace Equivariant;

/// <summary>The two kernels of a NequIP / MACE interaction: edge spherical harmonics and the channelwise message tensor product.</summary>
public static partial class MessageKernels
{
    public const string NodeIrreps = "32x0e+32x1o+32x2e";
    public const string EdgeIrreps = "0e+1o+2e+3o";

    /// <summary>Y⁰..Y³ of the unit edge vectors ("component": ‖Yˡ‖² = 2l+1), as MACE computes them.</summary>
    [SphericalHarmonics(EdgeIrreps, Normalize = true, Normalization = ShNormalization.Component)]
    public static partial void EdgeHarmonics(ReadOnlyTensorSpan<float> vectors, TensorSpan<float> harmonics);

    /// <summary>
    /// The message of each edge: the sender's features ⊗ the edge's harmonics, every allowed (i, j, irrep) into its own
    /// output block (uvu), weighted per edge by a function of its length — MACE's conv_tp, NequIP's convolution.
    /// </summary>
    [TensorProduct(NodeIrreps, EdgeIrreps, EdgeIrreps, Kind = TensorProductKind.Channelwise, SharedWeights = false)]
    public static partial void Message(ReadOnlyTensorSpan<float> senders, ReadOnlyTensorSpan<float> harmonics,
        ReadOnlyTensorSpan<float> edgeWeights, TensorSpan<float> messages);
}
