using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using static TensorGen.Diagnostics.DescriptorFactory;

namespace TensorGen.Diagnostics;

/// <summary>
/// The TG diagnostics of <c>GpuScatter</c> and the GPU entry points of <c>[TensorProductConvolution]</c> and
/// <c>[TensorProductConvolutionBackward]</c>. Errors in category "TensorGen", like every TensorGen diagnostic.
/// </summary>
internal static class MessagePassingDiagnosticDescriptors
{
    public static DiagnosticDescriptor InvalidScatter { get; } = Create(MessagePassingDiagnosticIds.InvalidScatter,
        "GpuScatter is not a ConvolutionScatter value",
        "Write GpuScatter = ConvolutionScatter.Deterministic (CSR segments, bit-identical run to run; the default) or ConvolutionScatter.Atomic (one row of threads per edge, atomic adds).");

    public static DiagnosticDescriptor ScatterWithoutGpu { get; } = Create(MessagePassingDiagnosticIds.ScatterWithoutGpu,
        "GpuScatter without Backend.Gpu",
        "GpuScatter chooses how the GPU kernels sum into nodes; the CPU kernel is always deterministic. Add Backends = Backend.Cpu | Backend.Gpu, or remove GpuScatter.");

    public static DiagnosticDescriptor GraphParameterClash { get; } = Create(MessagePassingDiagnosticIds.GraphParameterClash,
        "Parameter named like the GPU entry point's graph",
        "The device entry point NameGpu(GpuContext gpu, ..., GpuGraph graph, ...) takes the edges as a parameter named 'graph' in place of senders and receivers; rename the parameter, or remove Backend.Gpu.");

    /// <summary>Every descriptor.</summary>
    public static IEnumerable<DiagnosticDescriptor> All => new[] { InvalidScatter, ScatterWithoutGpu, GraphParameterClash };
}
