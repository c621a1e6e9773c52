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

    /// <summary>One of the two <see cref="GpuRuntime"/> instances per compilation: equal values keep the steps that combine it cached.</summary>
    public static IncrementalValueProvider<GpuRuntime> Detect(IncrementalGeneratorInitializationContext context) =>
        context.CompilationProvider.Select(static (compilation, _) =>
            compilation.GetTypeByMetadataName(GpuContextMetadataName) is not null ? GpuRuntime.Referenced : GpuRuntime.Missing);
}

/// <summary>
/// Whether the GPU runtime is referenced, as a reference type rather than a bool: Roslyn's incremental-step code is generic
/// over each step's value, and a value type (a bool, or a tuple holding one after <c>Combine</c>) gets its own copy of that
/// code, which a fresh compiler process JIT-compiles first (about 80 methods per shape; benchmarks/cold-build.sh). Reference
/// types share one copy. Converts to bool where a builder asks.
/// </summary>
internal sealed class GpuRuntime
{
    public static readonly GpuRuntime Referenced = new(true);
    public static readonly GpuRuntime Missing = new(false);

    private GpuRuntime(bool isReferenced) => IsReferenced = isReferenced;

    public bool IsReferenced { get; }

    public static implicit operator bool(GpuRuntime runtime) => runtime.IsReferenced;

    public override string ToString() => IsReferenced ? "GPU runtime referenced" : "GPU runtime missing";
}
