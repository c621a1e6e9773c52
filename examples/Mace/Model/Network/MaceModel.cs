using System;
using System.Numerics.Tensors;
using Mace.Kernels;
using Potential.Geometry;
using Potential.Radial;
using TensorGen.Runtime.E3nn;

namespace Mace.Network;

/// <summary>
/// A two-layer MACE-style potential (Batatia et al., NeurIPS 2022) with random but fixed weights: a per-element embedding, edge
/// harmonics (l ≤ 2) and MACE's Bessel basis with the polynomial envelope, two <see cref="MaceLayer"/>s (8x0e → 8x0e+8x1o → 8x0e),
/// and E = Σ_i [E0(element i) + s (linear readout of layer 1 + non-linear readout of layer 2)]. The gradient with respect to every
/// edge vector is reverse mode through all of it.
/// </summary>
public sealed class MaceModel
{
    private readonly double[] _embedding;
    private readonly MaceLayer[] _layers;
    private readonly double[] _readout1;
    private readonly double[] _readout2First;
    private readonly double[] _readout2Second;
    private readonly BesselBasis _basis;

    private MaceModel(MaceSettings settings, double[] embedding, MaceLayer[] layers, double[] readout1, double[] readout2First, double[] readout2Second)
    {
        Settings = settings;
        _embedding = embedding;
        _layers = layers;
        _readout1 = readout1;
        _readout2First = readout2First;
        _readout2Second = readout2Second;
        _basis = new BesselBasis(RadialNetwork.BasisCount, settings.Cutoff, BesselPrefactor.Mace, envelopeExponent: 6);
    }

    /// <summary>The hyperparameters.</summary>
    public MaceSettings Settings { get; }

    /// <summary>The cutoff in Å.</summary>
    public double Cutoff => Settings.Cutoff;

    /// <summary>A model whose weights are drawn with <see cref="MaceSettings.Seed"/> in a fixed order.</summary>
    public static MaceModel Create(MaceSettings settings)
    {
        if (settings.ReferenceEnergies.Length != MaceKernels.Elements)
        {
            throw new ArgumentException($"{settings.ReferenceEnergies.Length} reference energies for {MaceKernels.Elements} elements.", nameof(settings));
        }

        var random = new Random(settings.Seed);
        double[] embedding = GaussianWeights.Draw(random, MaceKernels.Elements * MaceKernels.Channels, 1);
        MaceLayer[] layers = [new MaceLayer(LayerKernels.First, settings, random), new MaceLayer(LayerKernels.Second, settings, random)];
        double[] readout1 = GaussianWeights.Draw(random, MaceKernels.Channels, 1);
        double[] readout2First = GaussianWeights.Draw(random, settings.ReadoutHidden * MaceKernels.Channels, 1);
        double[] readout2Second = GaussianWeights.Draw(random, settings.ReadoutHidden, 1);
        return new MaceModel(settings, embedding, layers, readout1, readout2First, readout2Second);
    }

    /// <summary>Σ_i E0(element i): the part of the energy that does not depend on the geometry.</summary>
    public double ReferenceEnergy(int[] elements)
    {
        double sum = 0;
        foreach (int element in elements)
        {
            sum += Settings.ReferenceEnergies[element];
        }

        return sum;
    }

    /// <summary>
    /// The energy (eV) of the atoms of <paramref name="elements"/> joined by <paramref name="graph"/> with edge vectors [E, 3] (Å);
    /// adds ∂E/∂(edge vector) into <paramref name="edgeGradient"/> [E, 3].
    /// </summary>
    public double Evaluate(double[] edgeVectors, NeighborList graph, int[] elements, double[] edgeGradient)
    {
        int atoms = graph.AtomCount, edges = graph.EdgeCount, shDim = LayerKernels.First.Message.Dim2;
        if (elements.Length != atoms || edgeVectors.Length != 3 * edges || edgeGradient.Length != edgeVectors.Length)
        {
            throw new ArgumentException($"{elements.Length} elements for {atoms} atoms, {edgeVectors.Length} and {edgeGradient.Length} numbers for {edges} edges.");
        }

        (double[] harmonics, double[] lengths, double[] basis, double[] basisDerivative, LayerPass first, LayerPass second) =
            Forward(edgeVectors, graph, elements);

        // Readouts: each layer's energy and its gradient with respect to that layer's features.
        var gradFirst = new double[first.Output.Length];
        var gradSecond = new double[second.Output.Length];
        double energy = ReferenceEnergy(elements)
            + Readouts.Linear(_readout1, first.Output, _layers[0].OutputDim, atoms, Settings.EnergyScale, gradFirst)
            + Readouts.NonLinear(_readout2First, _readout2Second, second.Output, _layers[1].OutputDim, atoms, Settings.EnergyScale, gradSecond);

        // Reverse: layer 2 into layer 1's features (adding to the readout's gradient), layer 1 (the embedding is constant), then the
        // harmonics and the radial basis to the edge vectors.
        var gradHarmonics = new double[harmonics.Length];
        var gradBasis = new double[basis.Length];
        double[] throughSecond = _layers[1].Backward(second, gradSecond, harmonics, graph, elements, gradHarmonics, gradBasis);
        for (int i = 0; i < gradFirst.Length; i++)
        {
            gradFirst[i] += throughSecond[i];
        }

        _layers[0].Backward(first, gradFirst, harmonics, graph, elements, gradHarmonics, gradBasis);

        var gradVectors = new double[edges * 3];
        MaceKernels.EdgeHarmonicsBackward(new ReadOnlyTensorSpan<double>(edgeVectors, [edges, 3]),
            new ReadOnlyTensorSpan<double>(gradHarmonics, [edges, shDim]), new TensorSpan<double>(gradVectors, [edges, 3]));
        for (int e = 0; e < edges; e++)
        {
            double gradLength = 0;
            for (int n = 0; n < RadialNetwork.BasisCount; n++)
            {
                gradLength += gradBasis[(e * RadialNetwork.BasisCount) + n] * basisDerivative[(e * RadialNetwork.BasisCount) + n];
            }

            for (int c = 0; c < 3; c++)
            {
                edgeGradient[(3 * e) + c] += gradVectors[(3 * e) + c] + (gradLength * edgeVectors[(3 * e) + c] / lengths[e]);
            }
        }

        return energy;
    }

    /// <summary>
    /// Layer 1's output (8x0e+8x1o) and layer 2's atomic basis A (8x0e+8x1o+8x2e), [N, dim] each in e3nn's mul_ir layout: they rotate
    /// by the Wigner-D matrices of their irreps when the system rotates (the tests check it).
    /// </summary>
    public (double[] Layer1Features, double[] Layer2AtomicBasis) Intermediates(double[] edgeVectors, NeighborList graph, int[] elements)
    {
        ForwardPass forward = Forward(edgeVectors, graph, elements);
        return (forward.First.Output, forward.Second.AtomicBasis);
    }

    private ForwardPass Forward(double[] edgeVectors, NeighborList graph, int[] elements)
    {
        int atoms = graph.AtomCount, edges = graph.EdgeCount, shDim = LayerKernels.First.Message.Dim2;
        if (elements.Length != atoms || edgeVectors.Length != 3 * edges)
        {
            throw new ArgumentException($"{elements.Length} elements for {atoms} atoms, {edgeVectors.Length} numbers for {edges} edges.");
        }

        // Edges: harmonics, lengths, basis and its derivative.
        var harmonics = new double[edges * shDim];
        MaceKernels.EdgeHarmonics(new ReadOnlyTensorSpan<double>(edgeVectors, [edges, 3]), new TensorSpan<double>(harmonics, [edges, shDim]));
        var lengths = new double[edges];
        for (int e = 0; e < edges; e++)
        {
            double x = edgeVectors[3 * e], y = edgeVectors[(3 * e) + 1], z = edgeVectors[(3 * e) + 2];
            lengths[e] = Math.Sqrt((x * x) + (y * y) + (z * z));
        }

        var basis = new double[edges * RadialNetwork.BasisCount];
        var basisDerivative = new double[basis.Length];
        _basis.Evaluate(lengths, basis, basisDerivative);

        // Forward: the embedding of each atom's element, then the layers.
        var features = new double[atoms * MaceKernels.Channels];
        for (int a = 0; a < atoms; a++)
        {
            Array.Copy(_embedding, elements[a] * MaceKernels.Channels, features, a * MaceKernels.Channels, MaceKernels.Channels);
        }

        LayerPass first = _layers[0].Forward(features, harmonics, basis, graph, elements);
        LayerPass second = _layers[1].Forward(first.Output, harmonics, basis, graph, elements);
        return new ForwardPass(harmonics, lengths, basis, basisDerivative, first, second);
    }

    /// <summary>What the forward pass keeps for the reverse pass.</summary>
    private sealed record ForwardPass(double[] Harmonics, double[] Lengths, double[] Basis, double[] BasisDerivative, LayerPass First, LayerPass Second);
}
