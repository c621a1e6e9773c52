using System;
using System.Numerics.Tensors;
using Potential.Kernels;

namespace Potential.Network;

/// <summary>e3nn's Linear as a generated fully connected product of the features with the constant scalar 1: y = x ⊗ 1 with shared weights.</summary>
public sealed class Linear
{
    private readonly LinearKernels _kernels;
    private readonly double[] _weights;

    /// <param name="kernels">The generated product and its backward pass.</param>
    /// <param name="weights">The product's shared weights [WeightCount].</param>
    public Linear(LinearKernels kernels, double[] weights)
    {
        if (weights.Length != kernels.Description.WeightCount)
        {
            throw new ArgumentException($"weights holds {weights.Length} numbers; the product {kernels.Description.Irreps1} -> {kernels.Description.IrrepsOut} has {kernels.Description.WeightCount}.", nameof(weights));
        }

        _kernels = kernels;
        _weights = weights;
    }

    /// <summary>Input features per row.</summary>
    public int InputDim => _kernels.Description.Dim1;

    /// <summary>Output features per row.</summary>
    public int OutputDim => _kernels.Description.DimOut;

    /// <summary>y [rows, OutputDim] = Linear(x [rows, InputDim]).</summary>
    public double[] Forward(double[] input, int rows)
    {
        var output = new double[rows * OutputDim];
        _kernels.Forward(new ReadOnlyTensorSpan<double>(input, [rows, InputDim]), Ones(rows), new ReadOnlyTensorSpan<double>(_weights),
            new TensorSpan<double>(output, [rows, OutputDim]));
        return output;
    }

    /// <summary>∂L/∂x [rows, InputDim] given ∂L/∂y [rows, OutputDim] (the weights' and the constant's gradients are dropped).</summary>
    public double[] Backward(double[] input, double[] gradOutput, int rows)
    {
        var gradInput = new double[rows * InputDim];
        var gradConstant = new double[rows];
        var gradWeights = new double[_weights.Length];
        _kernels.Backward(new ReadOnlyTensorSpan<double>(input, [rows, InputDim]), Ones(rows), new ReadOnlyTensorSpan<double>(_weights),
            new ReadOnlyTensorSpan<double>(gradOutput, [rows, OutputDim]), new TensorSpan<double>(gradInput, [rows, InputDim]),
            new TensorSpan<double>(gradConstant, [rows, 1]), new TensorSpan<double>(gradWeights));
        return gradInput;
    }

    private static ReadOnlyTensorSpan<double> Ones(int rows)
    {
        var ones = new double[rows];
        Array.Fill(ones, 1.0);
        return new ReadOnlyTensorSpan<double>(ones, [rows, 1]);
    }
}
