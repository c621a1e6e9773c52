namespace TensorGen;

/// <summary>Names of <see cref="MessagePassingGenerator"/>'s steps, for incremental-generation tests (<c>WithTrackingName</c>).</summary>
internal static class MessagePassingTrackingNames
{
    public const string ProductDeclarations = "ConvolutionProductDeclarations";
    public const string ConvolutionDeclarations = "ConvolutionDeclarations";
    public const string BackwardDeclarations = "ConvolutionBackwardDeclarations";
    public const string ConvolutionKernels = "ConvolutionKernels";
    public const string BackwardKernels = "ConvolutionBackwardKernels";
    public const string DoubleBackwardDeclarations = "ConvolutionDoubleBackwardDeclarations";
    public const string DoubleBackwardKernels = "ConvolutionDoubleBackwardKernels";
}
