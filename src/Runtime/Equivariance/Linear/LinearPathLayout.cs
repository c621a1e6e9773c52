namespace TensorGen.Runtime.Equivariance;

/// <summary>
/// One path of an equivariant linear layer (an e3nn <c>o3.Linear</c> instruction) as a generated kernel carries it:
/// <c>output[z, OutputOffset + w·IrrepDim + m] += PathWeight · Σ_u weights[WeightOffset + u·MulOut + w] · input[z, InputOffset + u·IrrepDim + m]</c>.
/// </summary>
/// <param name="InputOffset">Where the input block starts in a row.</param>
/// <param name="OutputOffset">Where the output block starts in a row.</param>
/// <param name="MulIn">The input block's channels (u).</param>
/// <param name="MulOut">The output block's channels (w).</param>
/// <param name="IrrepDim">2l + 1 (m).</param>
/// <param name="WeightOffset">Where the path's [MulIn, MulOut] matrix starts in the flat weight vector.</param>
/// <param name="PathWeight">e3nn's path weight, 1/√(fan-in) under element normalization.</param>
public readonly record struct LinearPathLayout(int InputOffset, int OutputOffset, int MulIn, int MulOut, int IrrepDim, int WeightOffset, double PathWeight)
{
    /// <summary>MulIn × MulOut.</summary>
    public int WeightCount => MulIn * MulOut;
}

/// <summary>A bias of an equivariant linear layer: the <paramref name="Mul"/> channels of a 0e output block at <paramref name="OutputOffset"/>, values at <paramref name="BiasOffset"/> of the flat bias vector.</summary>
public readonly record struct LinearBiasLayout(int OutputOffset, int Mul, int BiasOffset);
