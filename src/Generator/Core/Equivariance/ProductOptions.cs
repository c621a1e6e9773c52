namespace TensorGen.Equivariance;

/// <summary>How the instructions are derived when none are written (e3nn's sub-classes of TensorProduct).</summary>
internal enum ProductTemplate
{
    /// <summary>Every allowed (i1, i2, iout) as a weighted uvw path (e3nn <c>FullyConnectedTensorProduct</c>).</summary>
    FullyConnected = 0,

    /// <summary>x1's and x2's irreps paired one multiplicity at a time, uuu without weights (e3nn <c>ElementwiseTensorProduct</c>).</summary>
    Elementwise = 1,

    /// <summary>Every pair of blocks into every irrep of their product, uvuv without weights, output sorted (e3nn <c>FullTensorProduct</c>).</summary>
    Full = 2,

    /// <summary>Every allowed (i1, i2, irrep) into its own weighted uvu output block, output sorted (NequIP's and MACE's convolution).</summary>
    Channelwise = 3,
}

/// <summary>e3nn's <c>irrep_normalization</c>: the variance each output irrep is scaled for.</summary>
internal enum IrrepNormalizationRule
{
    /// <summary>Unit variance per component: α = 2l_out + 1.</summary>
    Component = 0,

    /// <summary>Unit norm per irrep: α = (2l₁ + 1)(2l₂ + 1).</summary>
    Norm = 1,

    /// <summary>α = 1.</summary>
    None = 2,
}

/// <summary>e3nn's <c>path_normalization</c>: how α is shared among the paths into one output block.</summary>
internal enum PathNormalizationRule
{
    /// <summary>Divided by the number of input elements summed into each output element, over all paths into the block.</summary>
    Element = 0,

    /// <summary>Divided by this path's elements times the number of paths into the block.</summary>
    Path = 1,

    /// <summary>Not divided.</summary>
    None = 2,
}

/// <summary>e3nn's spherical-harmonics <c>normalization</c>.</summary>
internal enum ShNormalizationRule
{
    /// <summary>‖Yˡ(x)‖² = 2l + 1 on the unit sphere.</summary>
    Component = 0,

    /// <summary>‖Yˡ(x)‖ = 1 on the unit sphere.</summary>
    Norm = 1,

    /// <summary>∫ Yˡₘ(x)² dx = 1 over the unit sphere.</summary>
    Integral = 2,
}

/// <summary>Everything a tensor-product declaration says, as written; <see cref="TensorProductBuilder"/> turns it into a <see cref="TensorProductSpec"/>.</summary>
internal sealed record TensorProductOptions(
    string? Irreps1,
    string? Irreps2,
    string? IrrepsOut,
    string? Instructions,
    ProductTemplate Template,
    IrrepNormalizationRule IrrepNormalization,
    PathNormalizationRule PathNormalization,
    bool SharedWeights,
    Wigner3jPhase Phase);
