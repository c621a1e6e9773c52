using System;
using System.Numerics.Tensors;
using Mace.Kernels;
using Potential.Geometry;
using Potential.Radial;

namespace Mace.Network;

/// <summary>What one layer's forward pass keeps for its backward pass.</summary>
public sealed record LayerPass(double[] Input, double[] EdgeWeights, double[] PreActivations, double[] Messages, double[] AtomicBasis,
    double[] Product, double[] Output);

/// <summary>
/// One MACE layer (Batatia et al. 2022, eqs. 8–13): the interaction A'_i = Σ_{j→i} TP(h_j, Y(r_ij); R(r_ij)) by the fused convolution
/// (per-edge weights from the NequIP example's radial network, whose last matrix carries 1/√avg_num_neighbors), the atomic basis A = Linear(A'), the symmetric
/// contraction B = Σ_ν W_ν[element] U_ν A^⊗ν, and the update h' = Linear(B) + the input's scalars (a residual on the invariant channels).
/// </summary>
public sealed class MaceLayer
{
    private readonly LayerKernels _kernels;
    private readonly RadialNetwork _radial;
    private readonly EquivariantLinearMap _atomicBasis;
    private readonly SymmetricProduct _product;
    private readonly EquivariantLinearMap _productLinear;

    /// <summary>A layer with random weights drawn from <paramref name="random"/> in a fixed order.</summary>
    public MaceLayer(LayerKernels kernels, MaceSettings settings, Random random)
    {
        _kernels = kernels;
        int weights = kernels.Message.WeightCount;
        _radial = new RadialNetwork(GaussianWeights.Draw(random, RadialNetwork.BasisCount * settings.Hidden, settings.RadialWeightScale),
            GaussianWeights.Draw(random, settings.Hidden * weights, settings.RadialWeightScale), settings.Hidden, weights, settings.AverageNeighbors);
        _atomicBasis = new EquivariantLinearMap(kernels.AtomicBasis, GaussianWeights.Draw(random, kernels.AtomicBasis.WeightCount, 1));
        _product = new SymmetricProduct(kernels.Product, _atomicBasis.OutputDim, random);
        _productLinear = new EquivariantLinearMap(kernels.ProductLinear, GaussianWeights.Draw(random, kernels.ProductLinear.WeightCount, 1));
    }

    /// <summary>Node features per input row.</summary>
    public int InputDim => _kernels.InputDim;

    /// <summary>Node features per output row; the first <see cref="MaceKernels.Channels"/> are the scalars.</summary>
    public int OutputDim => _kernels.OutputDim;

    /// <summary>The layer on node features [N, InputDim] given the edges' harmonics [E, 9] and radial basis [E, 8].</summary>
    public LayerPass Forward(double[] input, double[] harmonics, double[] basis, NeighborList graph, int[] elements)
    {
        int atoms = graph.AtomCount, edges = graph.EdgeCount;
        var message = _kernels.Message;
        (double[] edgeWeights, double[] pre) = _radial.Forward(basis, edges);
        var messages = new double[atoms * message.DimOut];
        _kernels.Interaction(new ReadOnlyTensorSpan<double>(input, [atoms, message.Dim1]), new ReadOnlyTensorSpan<double>(harmonics, [edges, message.Dim2]),
            new ReadOnlyTensorSpan<double>(edgeWeights, [edges, message.WeightCount]), graph.Senders, graph.Receivers,
            new TensorSpan<double>(messages, [atoms, message.DimOut]));

        double[] atomicBasis = _atomicBasis.Forward(messages, atoms);
        double[] product = _product.Forward(atomicBasis, elements);
        double[] output = _productLinear.Forward(product, atoms);
        ForEachScalar(atoms, (outputIndex, inputIndex) => output[outputIndex] += input[inputIndex]);
        return new LayerPass(input, edgeWeights, pre, messages, atomicBasis, product, output);
    }

    /// <summary>
    /// The gradient with respect to the layer's input [N, InputDim] given the output's; adds the gradients with respect to the
    /// harmonics [E, 9] and the radial basis [E, 8].
    /// </summary>
    public double[] Backward(LayerPass pass, double[] gradOutput, double[] harmonics, NeighborList graph, int[] elements, double[] gradHarmonics,
        double[] gradBasis)
    {
        int atoms = graph.AtomCount, edges = graph.EdgeCount;
        var message = _kernels.Message;
        double[] gradProduct = _productLinear.Backward(pass.Product, gradOutput, atoms);
        double[] gradAtomicBasis = _product.Backward(pass.AtomicBasis, elements, gradProduct);
        double[] gradMessages = _atomicBasis.Backward(pass.Messages, gradAtomicBasis, atoms);

        var gradInput = new double[atoms * message.Dim1];
        var gradEdges = new double[edges * message.Dim2];
        var gradWeights = new double[edges * message.WeightCount];
        _kernels.InteractionBackward(new ReadOnlyTensorSpan<double>(pass.Input, [atoms, message.Dim1]),
            new ReadOnlyTensorSpan<double>(harmonics, [edges, message.Dim2]),
            new ReadOnlyTensorSpan<double>(pass.EdgeWeights, [edges, message.WeightCount]), graph.Senders, graph.Receivers,
            new ReadOnlyTensorSpan<double>(gradMessages, [atoms, message.DimOut]), new TensorSpan<double>(gradInput, [atoms, message.Dim1]),
            new TensorSpan<double>(gradEdges, [edges, message.Dim2]), new TensorSpan<double>(gradWeights, [edges, message.WeightCount]));

        ForEachScalar(atoms, (outputIndex, inputIndex) => gradInput[inputIndex] += gradOutput[outputIndex]);
        for (int i = 0; i < gradEdges.Length; i++)
        {
            gradHarmonics[i] += gradEdges[i];
        }

        _radial.Backward(pass.PreActivations, gradWeights, edges, gradBasis);
        return gradInput;
    }

    // The residual joins the first Channels entries of each row on both sides: the 0e block leads e3nn's mul_ir layout.
    private void ForEachScalar(int atoms, Action<int, int> action)
    {
        for (int a = 0; a < atoms; a++)
        {
            for (int c = 0; c < MaceKernels.Channels; c++)
            {
                action((a * OutputDim) + c, (a * InputDim) + c);
            }
        }
    }
}
