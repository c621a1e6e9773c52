namespace TensorGen.Equivariance;

/// <summary>
/// One instruction of e3nn's <c>o3.Linear</c>: input block <see cref="InputBlock"/> mixed into output block
/// <see cref="OutputBlock"/> (the same irrep), <c>out[z, w, m] += PathWeight · Σ_u W[u, w] · in[z, u, m]</c> with W the
/// [MulIn, MulOut] row-major matrix at <see cref="WeightOffset"/> of the flat weight vector.
/// </summary>
/// <param name="InputBlock">The input block's index.</param>
/// <param name="OutputBlock">The output block's index.</param>
/// <param name="MulIn">The input block's multiplicity (u).</param>
/// <param name="MulOut">The output block's multiplicity (w).</param>
/// <param name="IrrepDim">2l + 1 (m).</param>
/// <param name="InputOffset">Where the input block starts in a row.</param>
/// <param name="OutputOffset">Where the output block starts in a row.</param>
/// <param name="WeightOffset">Where the path's weights start in e3nn's flat weight vector.</param>
/// <param name="PathWeight">e3nn's <c>path_weight</c>: 1/√(fan-in) under element normalization.</param>
internal sealed record LinearPath(int InputBlock, int OutputBlock, int MulIn, int MulOut, int IrrepDim, int InputOffset, int OutputOffset,
    int WeightOffset, double PathWeight)
{
    /// <summary>MulIn × MulOut.</summary>
    public int WeightCount => MulIn * MulOut;

    /// <summary>Multiply-adds per batch row: MulIn × MulOut × (2l + 1).</summary>
    public long MultiplyAddsPerRow => (long)MulIn * MulOut * IrrepDim;
}

/// <summary>
/// A bias of e3nn's <c>o3.Linear</c>: the <see cref="Mul"/> channels of a 0e output block, each added its own value from the
/// flat bias vector at <see cref="BiasOffset"/> (e3nn adds it with path weight 1).
/// </summary>
internal sealed record LinearBias(int OutputBlock, int Mul, int OutputOffset, int BiasOffset);
