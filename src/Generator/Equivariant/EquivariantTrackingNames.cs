namespace TensorGen;

/// <summary>Names of <see cref="TensorProductGenerator"/>'s steps, for incremental-generation tests (<c>WithTrackingName</c>).</summary>
internal static class EquivariantTrackingNames
{
    public const string TensorProductDeclarations = "TensorProductDeclarations";
    public const string BackwardDeclarations = "TensorProductBackwardDeclarations";
    public const string SphericalHarmonicsDeclarations = "SphericalHarmonicsDeclarations";
    public const string TensorProductKernels = "TensorProductKernels";
    public const string BackwardKernels = "TensorProductBackwardKernels";
    public const string SphericalHarmonicsKernels = "SphericalHarmonicsKernels";
    public const string SphericalHarmonicsBackwardDeclarations = "SphericalHarmonicsBackwardDeclarations";
    public const string SphericalHarmonicsBackwardKernels = "SphericalHarmonicsBackwardKernels";
    public const string SphericalHarmonicsDoubleBackwardDeclarations = "SphericalHarmonicsDoubleBackwardDeclarations";
    public const string SphericalHarmonicsDoubleBackwardKernels = "SphericalHarmonicsDoubleBackwardKernels";
    public const string DoubleBackwardDeclarations = "TensorProductDoubleBackwardDeclarations";
    public const string DoubleBackwardKernels = "TensorProductDoubleBackwardKernels";
}
