using System;
using System.Linq;

namespace TensorGen.Runtime.SymmetricContraction;

/// <summary>
/// What a generated symmetric contraction was compiled for, and its parameter names for messages: the channels (every block's
/// multiplicity), the elements, the degrees of the input and output blocks (e3nn's mul_ir layout), the weights' rows
/// (Σ elements · K over the weight tensors, each row holding the channels) and the terms (folded coefficients per channel).
/// </summary>
public sealed class SymmetricContractionLayout
{
    /// <param name="method">The declared method's name.</param>
    /// <param name="parameterNames">(a, weights, elements, output) or (a, weights, elements, gradOutput, gradA, gradWeights).</param>
    /// <param name="channels">The multiplicity of every block.</param>
    /// <param name="elements">The number of chemical elements.</param>
    /// <param name="inputDegrees">l of each input block, in order.</param>
    /// <param name="outputDegrees">l of each output block, in order.</param>
    /// <param name="weightRows">Σ elements · K over the weight tensors.</param>
    /// <param name="terms">Folded coefficients per channel (the kernel's terms).</param>
    /// <param name="multipliesPerChannel">The forward pass's multiplications per channel and atom (for the thread count).</param>
    public SymmetricContractionLayout(string method, string[] parameterNames, int channels, int elements, int[] inputDegrees, int[] outputDegrees,
        int weightRows, int terms, int multipliesPerChannel)
    {
        Method = method;
        ParameterNames = parameterNames;
        Channels = channels;
        Elements = elements;
        InputDegrees = inputDegrees;
        OutputDegrees = outputDegrees;
        WeightRows = weightRows;
        Terms = terms;
        MultipliesPerChannel = multipliesPerChannel;
        CouplingDim = inputDegrees.Sum(l => (2 * l) + 1);
        OutputDim = outputDegrees.Sum(l => (2 * l) + 1);
    }

    /// <summary>The declared method's name (for messages).</summary>
    public string Method { get; }

    /// <summary>The parameters' names in the driver's order (for messages).</summary>
    public string[] ParameterNames { get; }

    /// <summary>The multiplicity of every block.</summary>
    public int Channels { get; }

    /// <summary>The number of chemical elements.</summary>
    public int Elements { get; }

    /// <summary>l of each input block, in order.</summary>
    public int[] InputDegrees { get; }

    /// <summary>l of each output block, in order.</summary>
    public int[] OutputDegrees { get; }

    /// <summary>Σ elements · K over the weight tensors: the flat weights' rows of channels.</summary>
    public int WeightRows { get; }

    /// <summary>Folded coefficients per channel.</summary>
    public int Terms { get; }

    /// <summary>The forward pass's multiplications per channel and atom.</summary>
    public int MultipliesPerChannel { get; }

    /// <summary>Features of one channel of A: Σ (2l+1) over the input blocks.</summary>
    public int CouplingDim { get; }

    /// <summary>Features of one channel of the output.</summary>
    public int OutputDim { get; }

    /// <summary>A's features per atom: channels · Σ (2l+1).</summary>
    public int DimIn => checked(Channels * CouplingDim);

    /// <summary>The output's features per atom.</summary>
    public int DimOut => checked(Channels * OutputDim);

    /// <summary>The flat weights' length.</summary>
    public int WeightCount => checked(WeightRows * Channels);

    /// <summary>The parameter name at <paramref name="index"/>.</summary>
    public string Name(int index) => index < ParameterNames.Length ? ParameterNames[index] : throw new ArgumentOutOfRangeException(nameof(index));
}
