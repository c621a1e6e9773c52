namespace TensorGen;

/// <summary>Names of the pipeline's steps, for incremental-generation tests (<c>WithTrackingName</c>).</summary>
internal static class TrackingNames
{
    public const string Declarations = "EinsumDeclarations";
    public const string Kernels = "EinsumKernels";
    public const string Sources = "EinsumSources";
    public const string Diagnostics = "EinsumDiagnostics";
}
