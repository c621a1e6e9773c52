namespace TensorGen;

/// <summary>e3nn's <c>irrep_normalization</c>: the variance the tensor product's path weights are chosen for.</summary>
public enum IrrepNormalization
{
    /// <summary>Unit variance per component of each output irrep (e3nn's default).</summary>
    Component = 0,

    /// <summary>Unit norm per output irrep.</summary>
    Norm = 1,

    /// <summary>No irrep normalization (α = 1).</summary>
    None = 2,
}
