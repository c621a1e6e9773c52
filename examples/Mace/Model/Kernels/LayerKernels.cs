using System;
using Potential.Kernels;
using TensorGen.Equivariance;
using TensorGen.Runtime.E3nn;

namespace Mace.Kernels;

/// <summary>An e3nn Linear between two irreps, with its generated forward and backward passes.</summary>
public sealed record LinearKernels(string IrrepsIn, string IrrepsOut, LinearKernel Forward, LinearBackwardKernel Backward)
{
    /// <summary>e3nn's weight count: one [mul_in, mul_out] matrix for every input and output block of the same irrep.</summary>
    public int WeightCount
    {
        get
        {
            int count = 0;
            foreach (MulIrrep input in Irreps.Parse(IrrepsIn))
            {
                foreach (MulIrrep output in Irreps.Parse(IrrepsOut))
                {
                    count += input.Irrep == output.Irrep ? input.Mul * output.Mul : 0;
                }
            }

            return count;
        }
    }
}

/// <summary>
/// A symmetric contraction with its generated passes and the coupling counts K of its weight tensors: per output irrep, orders
/// Correlation … 1 (MACE's parameter order; each tensor [elements, K, channels]).
/// </summary>
public sealed record ContractionKernels(string IrrepsOut, int[][] Couplings, ContractionKernel Forward, ContractionBackwardKernel Backward);

/// <summary>
/// The kernels of one MACE layer: the interaction (the fused convolution and the product it runs), the Linear onto the atomic basis,
/// the symmetric contraction and the Linear after it.
/// </summary>
public sealed record LayerKernels(TensorProductDescription Message, ConvolutionKernel Interaction, ConvolutionBackwardKernel InteractionBackward,
    LinearKernels AtomicBasis, ContractionKernels Product, LinearKernels ProductLinear)
{
    /// <summary>Layer 1: from the element embedding to 8x0e+8x1o.</summary>
    public static LayerKernels First { get; } = Checked(new(MaceKernels.Message1, MaceKernels.Interaction1, MaceKernels.Interaction1Backward,
        new LinearKernels(MaceKernels.AtomicBasisIrreps, MaceKernels.AtomicBasisIrreps, MaceKernels.AtomicBasis1, MaceKernels.AtomicBasis1Backward),
        new ContractionKernels(MaceKernels.Layer1Irreps, [MaceKernels.ScalarCouplings, MaceKernels.VectorCouplings], MaceKernels.Product1, MaceKernels.Product1Backward),
        new LinearKernels(MaceKernels.Layer1Irreps, MaceKernels.Layer1Irreps, MaceKernels.ProductLinear1, MaceKernels.ProductLinear1Backward)));

    /// <summary>Layer 2: from layer 1's features to 8 scalars.</summary>
    public static LayerKernels Second { get; } = Checked(new(MaceKernels.Message2, MaceKernels.Interaction2, MaceKernels.Interaction2Backward,
        new LinearKernels(MaceKernels.Layer2MessageIrreps, MaceKernels.AtomicBasisIrreps, MaceKernels.AtomicBasis2, MaceKernels.AtomicBasis2Backward),
        new ContractionKernels(MaceKernels.Layer2Irreps, [MaceKernels.ScalarCouplings], MaceKernels.Product2, MaceKernels.Product2Backward),
        new LinearKernels(MaceKernels.Layer2Irreps, MaceKernels.Layer2Irreps, MaceKernels.ProductLinear2, MaceKernels.ProductLinear2Backward)));

    /// <summary>The node features this layer reads, per atom.</summary>
    public int InputDim => Message.Dim1;

    /// <summary>The node features this layer writes, per atom.</summary>
    public int OutputDim => Irreps.Parse(ProductLinear.IrrepsOut).Dim;

    /// <summary>The flat weight count of the symmetric contraction: Σ elements · K · channels.</summary>
    public int ContractionWeightCount
    {
        get
        {
            int rows = 0;
            foreach (int[] orders in Product.Couplings)
            {
                foreach (int k in orders)
                {
                    rows += k;
                }
            }

            return rows * MaceKernels.Elements * MaceKernels.Channels;
        }
    }

    // The Linear constants are written by hand next to the attributes; the product's output comes from the generator's own planner,
    // so a constant that disagrees with it fails here, at start-up, rather than as a wrong layout.
    private static LayerKernels Checked(LayerKernels kernels)
    {
        if (Irreps.Parse(kernels.Message.IrrepsOut).Simplify() != Irreps.Parse(kernels.AtomicBasis.IrrepsIn).Simplify())
        {
            throw new InvalidOperationException(
                $"The interaction's output is {kernels.Message.IrrepsOut}, but the atomic-basis Linear reads {kernels.AtomicBasis.IrrepsIn}.");
        }

        return kernels;
    }
}
