namespace TensorGen;

/// <summary>Names of <see cref="EquivariantLinearGenerator"/>'s steps, for incremental-generation tests (<c>WithTrackingName</c>).</summary>
internal static class EquivariantLinearTrackingNames
{
    public const string LinearDeclarations = "EquivariantLinearDeclarations";
    public const string BackwardDeclarations = "EquivariantLinearBackwardDeclarations";
    public const string LinearKernels = "EquivariantLinearKernels";
    public const string BackwardKernels = "EquivariantLinearBackwardKernels";
}
