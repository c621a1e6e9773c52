using Microsoft.CodeAnalysis;

namespace TensorGen;

/// <summary>
/// Whether the compilation references TensorGen.Runtime.Gpu (and so ILGPU): code for <c>Backend.Gpu</c> compiles only
/// then. Every generator that emits GPU code asks this once per compilation and reports TG0020 when it is missing.
/// </summary>
internal static class GpuRuntimeReference
{
    /// <summary>The type generated GPU code is written against.</summary>
    public const string GpuContextMetadataName = "TensorGen.Runtime.Gpu.GpuContext";

    /// <summary>A bool per compilation: equal values keep the steps that combine it cached.</summary>
    public static IncrementalValueProvider<bool> Detect(IncrementalGeneratorInitializationContext context) =>
        context.CompilationProvider.Select(static (compilation, _) => compilation.GetTypeByMetadataName(GpuContextMetadataName) is not null);
}
