namespace TensorGen;

/// <summary>How a <see cref="TensorProductAttribute"/> without <c>Instructions</c> derives its paths.</summary>
public enum TensorProductKind
{
    /// <summary>
    /// e3nn's <c>FullyConnectedTensorProduct</c>: a weighted uvw path for every (i1, i2, iout) whose irreps couple.
    /// The output irreps are the ones written.
    /// </summary>
    FullyConnected = 0,

    /// <summary>
    /// e3nn's <c>ElementwiseTensorProduct</c>: irrep n of x1 with irrep n of x2 into every irrep of their product (uuu, no
    /// weights). The output irreps are derived; the written ones filter which irreps are kept (empty: all).
    /// </summary>
    Elementwise = 1,

    /// <summary>
    /// e3nn's <c>FullTensorProduct</c>: every block of x1 with every block of x2 into every irrep of their product (uvuv, no
    /// weights), the output sorted by irrep. The output irreps are derived; the written ones filter (empty: all).
    /// </summary>
    Full = 2,

    /// <summary>
    /// NequIP's and MACE's convolution: every (i1, i2, irrep) into its own output block of x1's multiplicity (uvu, weighted),
    /// the output sorted by irrep. The written output irreps say which irreps are kept (MACE's target irreps; empty: all).
    /// </summary>
    Channelwise = 3,
}
