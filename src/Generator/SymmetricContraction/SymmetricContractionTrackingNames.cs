namespace TensorGen;

/// <summary>Names of <see cref="SymmetricContractionGenerator"/>'s steps, for incremental-generation tests (<c>WithTrackingName</c>).</summary>
internal static class SymmetricContractionTrackingNames
{
    public const string ForwardDeclarations = "SymmetricContractionDeclarations";
    public const string BackwardDeclarations = "SymmetricContractionBackwardDeclarations";
    public const string ForwardKernels = "SymmetricContractionKernels";
    public const string BackwardKernels = "SymmetricContractionBackwardKernels";
}
