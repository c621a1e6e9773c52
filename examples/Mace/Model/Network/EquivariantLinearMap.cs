using System.Numerics.Tensors;
using Mace.Kernels;
using TensorGen.Runtime.E3nn;

namespace Mace.Network;

/// <summary>An e3nn Linear with fixed weights, run by its generated kernels.</summary>
public sealed class EquivariantLinearMap
{
    private readonly LinearKernels _kernels;
    private readonly double[] _weights;

    /// <param name="kernels">The generated passes.</param>
    /// <param name="weights">e3nn's flat weights (unit variance: the kernel carries the 1/√fan-in).</param>
    public EquivariantLinearMap(LinearKernels kernels, double[] weights)
    {
        _kernels = kernels;
        _weights = weights;
        InputDim = Irreps.Parse(kernels.IrrepsIn).Dim;
        OutputDim = Irreps.Parse(kernels.IrrepsOut).Dim;
    }

    /// <summary>Features per input row.</summary>
    public int InputDim { get; }

    /// <summary>Features per output row.</summary>
    public int OutputDim { get; }

    /// <summary>y [rows, OutputDim] = Linear(x [rows, InputDim]).</summary>
    public double[] Forward(double[] input, int rows)
    {
        var output = new double[rows * OutputDim];
        _kernels.Forward(new ReadOnlyTensorSpan<double>(input, [rows, InputDim]), new ReadOnlyTensorSpan<double>(_weights),
            new TensorSpan<double>(output, [rows, OutputDim]));
        return output;
    }

    /// <summary>∂L/∂x given ∂L/∂y (the weights' gradient, which a trainer would keep, is dropped).</summary>
    public double[] Backward(double[] input, double[] gradOutput, int rows)
    {
        var gradInput = new double[rows * InputDim];
        var gradWeights = new double[_weights.Length];
        _kernels.Backward(new ReadOnlyTensorSpan<double>(input, [rows, InputDim]), new ReadOnlyTensorSpan<double>(_weights),
            new ReadOnlyTensorSpan<double>(gradOutput, [rows, OutputDim]), new TensorSpan<double>(gradInput, [rows, InputDim]),
            new TensorSpan<double>(gradWeights));
        return gradInput;
    }
}
