using System;
using System.Collections.Generic;
using System.Numerics.Tensors;
using Mace.Kernels;
using TensorGen.Runtime.E3nn;

namespace Mace.Network;

/// <summary>
/// MACE's symmetric contraction with fixed per-element weights, run by its generated kernels: B[z] = Σ_ν W_ν[element z] · U_ν · A[z]^⊗ν,
/// ν = 1 … 3 (body order 4).
/// </summary>
public sealed class SymmetricProduct
{
    private readonly ContractionKernels _kernels;
    private readonly double[] _weights;

    /// <param name="kernels">The generated passes and the coupling counts.</param>
    /// <param name="inputDim">A's features per atom.</param>
    /// <param name="random">The source of the weights, drawn as MACE initializes them: N(0, 1) / K for each [elements, K, channels] tensor.</param>
    public SymmetricProduct(ContractionKernels kernels, int inputDim, Random random)
    {
        _kernels = kernels;
        InputDim = inputDim;
        OutputDim = Irreps.Parse(kernels.IrrepsOut).Dim;
        int perTensor = MaceKernels.Elements * MaceKernels.Channels;
        var weights = new List<double>();
        foreach (int[] orders in kernels.Couplings)
        {
            foreach (int k in orders)
            {
                weights.AddRange(GaussianWeights.Draw(random, perTensor * k, 1.0 / k));
            }
        }

        _weights = weights.ToArray();
    }

    /// <summary>A's features per atom.</summary>
    public int InputDim { get; }

    /// <summary>B's features per atom.</summary>
    public int OutputDim { get; }

    /// <summary>B [atoms, OutputDim] from A [atoms, InputDim] and each atom's element.</summary>
    public double[] Forward(double[] a, int[] elements)
    {
        int atoms = elements.Length;
        var output = new double[atoms * OutputDim];
        _kernels.Forward(new ReadOnlyTensorSpan<double>(a, [atoms, InputDim]), new ReadOnlyTensorSpan<double>(_weights), elements,
            new TensorSpan<double>(output, [atoms, OutputDim]));
        return output;
    }

    /// <summary>∂L/∂A given ∂L/∂B.</summary>
    public double[] Backward(double[] a, int[] elements, double[] gradOutput)
    {
        int atoms = elements.Length;
        var gradA = new double[a.Length];
        var gradWeights = new double[_weights.Length];
        _kernels.Backward(new ReadOnlyTensorSpan<double>(a, [atoms, InputDim]), new ReadOnlyTensorSpan<double>(_weights), elements,
            new ReadOnlyTensorSpan<double>(gradOutput, [atoms, OutputDim]), new TensorSpan<double>(gradA, [atoms, InputDim]),
            new TensorSpan<double>(gradWeights));
        return gradA;
    }
}
