using System;
using System.Numerics.Tensors;
using Potential.Geometry;
using Potential.Kernels;
using Potential.Radial;
using TensorGen.Runtime.E3nn;

namespace Potential.Network;

/// <summary>
/// A two-layer NequIP-style potential (Batzner et al. 2022) with random but fixed weights: edge harmonics (l ≤ 2) and radial
/// basis, two interaction layers, per-atom energy E_i = s · (w · scalars of h²_i), total E = Σ_i E_i. The gradient with
/// respect to every edge vector is reverse mode through all of it: the convolutions' and linear maps' generated backward
/// passes, the gate and radial network by hand, and the generated harmonics backward.
/// </summary>
public sealed class NequipModel
{
    /// <summary>
    /// NequIP's gate for "8x0e+8x1o+8x2e" features (TensorGen.Runtime.E3nn.Gate, e3nn's semantics): input "24x0e+8x1o+8x2e" — 8
    /// scalars through SiLU, 16 gates through the sigmoid, each multiplying one channel of 8x1o+8x2e. The activations are the bare
    /// functions (scale 1) rather than e3nn's second-moment-normalized ones: the weights' scales were chosen for them.
    /// </summary>
    public static Gate FeatureGate { get; } = new(Irreps.Parse("8x0e"), [ScalarActivation.WithScale(ActivationFunction.SiLU, 1)],
        Irreps.Parse("16x0e"), [ScalarActivation.WithScale(ActivationFunction.Sigmoid, 1)], Irreps.Parse("8x1o+8x2e"));

    private readonly double[] _embedding;
    private readonly InteractionLayer[] _layers;
    private readonly double[] _readout;

    private NequipModel(ModelSettings settings, double[] embedding, InteractionLayer[] layers, double[] readout)
    {
        Settings = settings;
        _embedding = embedding;
        _layers = layers;
        _readout = readout;
    }

    /// <summary>The hyperparameters.</summary>
    public ModelSettings Settings { get; }

    /// <summary>The cutoff in Å.</summary>
    public double Cutoff => Settings.Cutoff;

    /// <summary>
    /// A model whose weights are drawn from N(0, 1) (the radial network's from N(0, RadialWeightScale²)) with
    /// <see cref="ModelSettings.Seed"/>; the 1/√fan-in normalization lives in the kernels and layers.
    /// </summary>
    public static NequipModel Create(ModelSettings settings)
    {
        var random = new Random(settings.Seed);
        double[] embedding = Gaussian(random, PotentialKernels.Message1.Dim1, 1);
        var layers = new InteractionLayer[2];
        LayerKernels[] kernels = [LayerKernels.First, LayerKernels.Second];
        for (int n = 0; n < layers.Length; n++)
        {
            LayerKernels k = kernels[n];
            int weights = k.Message.WeightCount;
            var radial = new RadialNetwork(Gaussian(random, RadialNetwork.BasisCount * settings.Hidden, settings.RadialWeightScale),
                Gaussian(random, settings.Hidden * weights, settings.RadialWeightScale),
                settings.Hidden, weights, settings.AverageNeighbors);
            layers[n] = new InteractionLayer(k, radial, new Linear(k.Mix, Gaussian(random, k.Mix.Description.WeightCount, 1)),
                new Linear(k.SelfInteraction, Gaussian(random, k.SelfInteraction.Description.WeightCount, 1)), FeatureGate);
        }

        int scalars = FeatureGate.IrrepsScalars.Dim;
        double[] readout = Gaussian(random, scalars, 1 / Math.Sqrt(scalars));
        return new NequipModel(settings, embedding, layers, readout);
    }

    /// <summary>
    /// The energy (eV) of the atoms joined by <paramref name="graph"/> with edge vectors [E, 3] (Å); adds ∂E/∂(edge vector)
    /// into <paramref name="edgeGradient"/> [E, 3].
    /// </summary>
    public double Evaluate(double[] edgeVectors, NeighborList graph, double[] edgeGradient)
    {
        ForwardPass forward = Forward(edgeVectors, graph);
        int atoms = graph.AtomCount, edges = graph.EdgeCount, dim = _layers[^1].OutputDim;
        double energy = 0;
        var gradFeatures = new double[atoms * dim];
        for (int a = 0; a < atoms; a++)
        {
            for (int u = 0; u < _readout.Length; u++)
            {
                energy += Settings.EnergyScale * _readout[u] * forward.Features[(a * dim) + u];
                gradFeatures[(a * dim) + u] = Settings.EnergyScale * _readout[u];
            }
        }

        // Reverse: the layers in turn (the embedding is constant), then the harmonics and the radial basis to the edge vectors.
        var gradHarmonics = new double[forward.Harmonics.Length];
        var gradBasis = new double[forward.Basis.Length];
        for (int n = _layers.Length - 1; n >= 0; n--)
        {
            gradFeatures = _layers[n].Backward(forward.Layers[n], gradFeatures, graph, gradHarmonics, gradBasis);
        }

        int shDim = PotentialKernels.Message1.Dim2;
        var gradVectors = new double[edges * 3];
        PotentialKernels.EdgeHarmonicsBackward(new ReadOnlyTensorSpan<double>(edgeVectors, [edges, 3]),
            new ReadOnlyTensorSpan<double>(gradHarmonics, [edges, shDim]), new TensorSpan<double>(gradVectors, [edges, 3]));
        for (int e = 0; e < edges; e++)
        {
            double gradLength = 0;
            for (int n = 0; n < RadialNetwork.BasisCount; n++)
            {
                gradLength += gradBasis[(e * RadialNetwork.BasisCount) + n] * forward.BasisDerivative[(e * RadialNetwork.BasisCount) + n];
            }

            for (int c = 0; c < 3; c++)
            {
                edgeGradient[(3 * e) + c] += gradVectors[(3 * e) + c] + (gradLength * edgeVectors[(3 * e) + c] / forward.Lengths[e]);
            }
        }

        return energy;
    }

    /// <summary>
    /// The node features after the last interaction layer, [N, dim] in e3nn's layout of <see cref="PotentialKernels.FeatureIrreps"/>:
    /// they rotate by the Wigner-D matrices of their irreps when the system rotates.
    /// </summary>
    public double[] NodeFeatures(double[] edgeVectors, NeighborList graph) => Forward(edgeVectors, graph).Features;

    private ForwardPass Forward(double[] edgeVectors, NeighborList graph)
    {
        int atoms = graph.AtomCount, edges = graph.EdgeCount;
        int shDim = PotentialKernels.Message1.Dim2;
        var harmonics = new double[edges * shDim];
        PotentialKernels.EdgeHarmonics(new ReadOnlyTensorSpan<double>(edgeVectors, [edges, 3]), new TensorSpan<double>(harmonics, [edges, shDim]));
        var lengths = new double[edges];
        for (int e = 0; e < edges; e++)
        {
            double x = edgeVectors[3 * e], y = edgeVectors[(3 * e) + 1], z = edgeVectors[(3 * e) + 2];
            lengths[e] = Math.Sqrt((x * x) + (y * y) + (z * z));
        }

        var basis = new double[edges * RadialNetwork.BasisCount];
        var basisDerivative = new double[basis.Length];
        new BesselBasis(RadialNetwork.BasisCount, Cutoff).Evaluate(lengths, basis, basisDerivative);

        // One species, so every atom starts from the same embedding.
        var features = new double[atoms * _embedding.Length];
        for (int a = 0; a < atoms; a++)
        {
            _embedding.CopyTo(features, a * _embedding.Length);
        }

        var passes = new LayerPass[_layers.Length];
        for (int n = 0; n < _layers.Length; n++)
        {
            passes[n] = _layers[n].Forward(features, harmonics, basis, graph);
            features = passes[n].Output;
        }

        return new ForwardPass(harmonics, lengths, basis, basisDerivative, passes, features);
    }

    /// <summary>What the forward pass keeps for the reverse pass.</summary>
    private sealed record ForwardPass(double[] Harmonics, double[] Lengths, double[] Basis, double[] BasisDerivative, LayerPass[] Layers, double[] Features);

    private static double[] Gaussian(Random random, int count, double scale)
    {
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            // Box–Muller: the seed alone fixes the weights on every platform.
            values[i] = scale * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        }

        return values;
    }
}
