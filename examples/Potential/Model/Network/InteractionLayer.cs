using System;
using System.Numerics.Tensors;
using Potential.Geometry;
using Potential.Kernels;
using Potential.Radial;
using TensorGen.Runtime.E3nn;

namespace Potential.Network;

/// <summary>What one layer's forward pass keeps for its backward pass.</summary>
public sealed record LayerPass(double[] Input, double[] Harmonics, double[] EdgeWeights, double[] PreActivations, double[] Messages, double[] GateInput, double[] Output);

/// <summary>
/// One NequIP interaction: messages m_i = Σ_{j→i} TP(h_j, Y(r_ij); R(|r_ij|)) by the fused convolution (per-edge weights
/// from the radial network), then gate(Linear(m_i) + SelfInteraction(h_i)).
/// </summary>
public sealed class InteractionLayer
{
    private readonly LayerKernels _kernels;
    private readonly RadialNetwork _radial;
    private readonly Linear _mix;
    private readonly Linear _selfInteraction;
    private readonly Gate _gate;

    public InteractionLayer(LayerKernels kernels, RadialNetwork radial, Linear mix, Linear selfInteraction, Gate gate)
    {
        if (radial.Outputs != kernels.Message.WeightCount || mix.InputDim != kernels.Message.DimOut || mix.OutputDim != gate.IrrepsIn.Dim
            || selfInteraction.OutputDim != gate.IrrepsIn.Dim || selfInteraction.InputDim != kernels.Message.Dim1)
        {
            throw new ArgumentException("The layer's radial network, linear maps and gate do not fit its convolution's irreps.");
        }

        _kernels = kernels;
        _radial = radial;
        _mix = mix;
        _selfInteraction = selfInteraction;
        _gate = gate;
    }

    /// <summary>Node features per input row.</summary>
    public int InputDim => _kernels.Message.Dim1;

    /// <summary>Node features per output row.</summary>
    public int OutputDim => _gate.IrrepsOut.Dim;

    /// <summary>The layer on node features <paramref name="input"/> [N, InputDim] given the edges' harmonics [E, 9] and radial basis [E, 8].</summary>
    public LayerPass Forward(double[] input, double[] harmonics, double[] basis, NeighborList graph)
    {
        int atoms = graph.AtomCount, edges = graph.EdgeCount;
        TensorProductShape shape = Shape();
        (double[] weights, double[] pre) = _radial.Forward(basis, edges);
        var messages = new double[atoms * shape.DimOut];
        _kernels.Convolution(new ReadOnlyTensorSpan<double>(input, [atoms, shape.Dim1]), new ReadOnlyTensorSpan<double>(harmonics, [edges, shape.Dim2]),
            new ReadOnlyTensorSpan<double>(weights, [edges, shape.Weights]), graph.Senders, graph.Receivers,
            new TensorSpan<double>(messages, [atoms, shape.DimOut]));

        double[] gateInput = _mix.Forward(messages, atoms);
        double[] self = _selfInteraction.Forward(input, atoms);
        for (int i = 0; i < gateInput.Length; i++)
        {
            gateInput[i] += self[i];
        }

        var output = new double[atoms * OutputDim];
        _gate.Forward(gateInput, output, atoms);
        return new LayerPass(input, harmonics, weights, pre, messages, gateInput, output);
    }

    /// <summary>
    /// The gradient with respect to the layer's input [N, InputDim] given the output's gradient; adds the gradients with
    /// respect to the harmonics [E, 9] and the radial basis [E, 8].
    /// </summary>
    public double[] Backward(LayerPass pass, double[] gradOutput, NeighborList graph, double[] gradHarmonics, double[] gradBasis)
    {
        int atoms = graph.AtomCount, edges = graph.EdgeCount;
        TensorProductShape shape = Shape();
        var gradGateInput = new double[pass.GateInput.Length];
        _gate.Backward(pass.GateInput, gradOutput, gradGateInput, atoms);
        double[] gradMessages = _mix.Backward(pass.Messages, gradGateInput, atoms);
        double[] gradInput = _selfInteraction.Backward(pass.Input, gradGateInput, atoms);

        var gradNodes = new double[atoms * shape.Dim1];
        var gradEdges = new double[edges * shape.Dim2];
        var gradWeights = new double[edges * shape.Weights];
        _kernels.ConvolutionBackward(new ReadOnlyTensorSpan<double>(pass.Input, [atoms, shape.Dim1]),
            new ReadOnlyTensorSpan<double>(pass.Harmonics, [edges, shape.Dim2]),
            new ReadOnlyTensorSpan<double>(pass.EdgeWeights, [edges, shape.Weights]), graph.Senders, graph.Receivers,
            new ReadOnlyTensorSpan<double>(gradMessages, [atoms, shape.DimOut]), new TensorSpan<double>(gradNodes, [atoms, shape.Dim1]),
            new TensorSpan<double>(gradEdges, [edges, shape.Dim2]), new TensorSpan<double>(gradWeights, [edges, shape.Weights]));

        for (int i = 0; i < gradInput.Length; i++)
        {
            gradInput[i] += gradNodes[i];
        }

        for (int i = 0; i < gradEdges.Length; i++)
        {
            gradHarmonics[i] += gradEdges[i];
        }

        _radial.Backward(pass.PreActivations, gradWeights, edges, gradBasis);
        return gradInput;
    }

    private TensorProductShape Shape() => new(_kernels.Message.Dim1, _kernels.Message.Dim2, _kernels.Message.DimOut, _kernels.Message.WeightCount);

    private readonly record struct TensorProductShape(int Dim1, int Dim2, int DimOut, int Weights);
}
