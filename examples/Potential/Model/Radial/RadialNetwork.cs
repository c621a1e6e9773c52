using System;
using System.Numerics.Tensors;
using Potential.Kernels;

namespace Potential.Radial;

/// <summary>
/// The per-edge weights of a convolution from the radial basis (TensorGen.Runtime.E3nn.BesselBasis): w = SiLU(B W₁) W₂, no biases (so weights vanish with the
/// basis at the cutoff), the dense layers run as generated einsum kernels over all edges at once. Both matrices carry e3nn's
/// 1/√fan-in; W₂ also carries the convolution's 1/√(average neighbours), which the sum over neighbours would otherwise grow by.
/// </summary>
public sealed class RadialNetwork
{
    /// <summary>The number of Bessel functions the network reads (NequIP's default num_basis).</summary>
    public const int BasisCount = 8;

    private readonly double[] _first;
    private readonly double[] _second;

    /// <param name="first">W₁ [<see cref="BasisCount"/>, hidden], unscaled (unit-variance entries).</param>
    /// <param name="second">W₂ [hidden, outputs], unscaled.</param>
    /// <param name="hidden">The hidden width.</param>
    /// <param name="outputs">The number of weights per edge (the product's weight count).</param>
    /// <param name="averageNeighbors">The normalization of the sum over neighbours.</param>
    public RadialNetwork(double[] first, double[] second, int hidden, int outputs, double averageNeighbors)
    {
        if (first.Length != BasisCount * hidden || second.Length != hidden * outputs)
        {
            throw new ArgumentException($"W1 holds {first.Length} numbers and W2 {second.Length}; expected {BasisCount}x{hidden} and {hidden}x{outputs}.");
        }

        Hidden = hidden;
        Outputs = outputs;
        _first = Scaled(first, 1 / Math.Sqrt(BasisCount));
        _second = Scaled(second, 1 / Math.Sqrt(hidden * averageNeighbors));
    }

    /// <summary>The hidden width.</summary>
    public int Hidden { get; }

    /// <summary>The number of weights per edge.</summary>
    public int Outputs { get; }

    /// <summary>The weights [E, Outputs] of every edge, and the hidden pre-activations [E, Hidden] the backward pass needs.</summary>
    public (double[] Weights, double[] PreActivations) Forward(double[] basis, int edges)
    {
        var pre = new double[edges * Hidden];
        PotentialKernels.Dense(new ReadOnlyTensorSpan<double>(basis, [edges, BasisCount]),
            new ReadOnlyTensorSpan<double>(_first, [BasisCount, Hidden]), new TensorSpan<double>(pre, [edges, Hidden]));
        var hidden = new double[pre.Length];
        for (int i = 0; i < pre.Length; i++)
        {
            hidden[i] = pre[i] * Sigmoid(pre[i]);
        }

        var weights = new double[edges * Outputs];
        PotentialKernels.Dense(new ReadOnlyTensorSpan<double>(hidden, [edges, Hidden]), new ReadOnlyTensorSpan<double>(_second, [Hidden, Outputs]),
            new TensorSpan<double>(weights, [edges, Outputs]));
        return (weights, pre);
    }

    /// <summary>Adds the gradient with respect to the basis [E, Count] given the weights' gradient [E, Outputs].</summary>
    public void Backward(double[] preActivations, double[] gradWeights, int edges, double[] gradBasis)
    {
        var gradHidden = new double[edges * Hidden];
        PotentialKernels.DenseBackward(new ReadOnlyTensorSpan<double>(gradWeights, [edges, Outputs]),
            new ReadOnlyTensorSpan<double>(_second, [Hidden, Outputs]), new TensorSpan<double>(gradHidden, [edges, Hidden]));
        for (int i = 0; i < gradHidden.Length; i++)
        {
            // SiLU'(x) = σ(x) (1 + x (1 − σ(x))).
            double x = preActivations[i], s = Sigmoid(x);
            gradHidden[i] *= s * (1 + (x * (1 - s)));
        }

        var gradInput = new double[edges * BasisCount];
        PotentialKernels.DenseBackward(new ReadOnlyTensorSpan<double>(gradHidden, [edges, Hidden]),
            new ReadOnlyTensorSpan<double>(_first, [BasisCount, Hidden]), new TensorSpan<double>(gradInput, [edges, BasisCount]));
        for (int i = 0; i < gradInput.Length; i++)
        {
            gradBasis[i] += gradInput[i];
        }
    }

    internal static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static double[] Scaled(double[] values, double factor)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = values[i] * factor;
        }

        return result;
    }
}
