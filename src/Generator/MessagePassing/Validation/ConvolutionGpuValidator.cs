using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Diagnostics;
using TensorGen.Equivariance;
using TensorGen.Model;

namespace TensorGen.Validation;

/// <summary>
/// Checks the GPU options of a <c>[TensorProductConvolution]</c> or <c>[TensorProductConvolutionBackward]</c> declaration:
/// <c>Backends</c> as on <c>[TensorProduct]</c> (TG0019, TG0020, TG0112 through <see cref="EquivariantGpuValidator"/>),
/// <c>GpuScatter</c> a ConvolutionScatter value (TG0120) written only with <c>Backend.Gpu</c> (TG0121), no parameter named
/// like the device entry point's graph (TG0122), and — for the atomic backward pass, which sums an edge's x2 gradient in
/// shared memory as the product's does — x2 within the shared-memory limit (TG0112).
/// </summary>
internal static class ConvolutionGpuValidator
{
    /// <summary>The name of the device entry points' <c>GpuGraph</c> parameter (it replaces senders and receivers).</summary>
    public const string GraphParameter = "graph";

    /// <summary>Whether to write the GPU members, and whether they are the deterministic variant.</summary>
    public static (bool Gpu, bool Deterministic) Check(KernelMethodShape method, OptionModel backends, OptionModel scatter, bool gpuRuntime, string attribute,
        List<DiagnosticInfo> diagnostics, List<DiagnosticInfo> notes)
    {
        bool deterministic = true;
        if (scatter.IsSet)
        {
            if (scatter.Value is not (0 or 1))
            {
                diagnostics.Add(new DiagnosticInfo(MessagePassingDiagnosticIds.InvalidScatter,
                    $"GpuScatter = {scatter.Value.ToString(CultureInfo.InvariantCulture)} on '{method.DisplayName}' is not a ConvolutionScatter value. "
                    + "Write GpuScatter = ConvolutionScatter.Deterministic or ConvolutionScatter.Atomic.",
                    scatter.Location ?? method.Location));
            }

            deterministic = scatter.Value != 1;
        }

        bool asksForGpu = backends.IsSet && backends.Value is > 0 and <= 3 && (backends.Value & 2) != 0;
        if (scatter.IsSet && backends.Value is >= 0 and <= 3 && !asksForGpu)
        {
            diagnostics.Add(new DiagnosticInfo(MessagePassingDiagnosticIds.ScatterWithoutGpu,
                $"[{attribute}] method '{method.DisplayName}' sets GpuScatter but has no GPU kernels (the CPU kernel is always deterministic). "
                + "Add Backends = Backend.Cpu | Backend.Gpu, or remove GpuScatter.",
                scatter.Location ?? method.Location));
        }

        if (asksForGpu && method.Parameters.FirstOrDefault(p => p.DisplayName == GraphParameter) is { } clash)
        {
            diagnostics.Add(new DiagnosticInfo(MessagePassingDiagnosticIds.GraphParameterClash,
                $"Parameter '{clash.DisplayName}' of '{method.DisplayName}' has the name the GPU device entry point gives its GpuGraph (which replaces senders and receivers). "
                + "Rename it, or remove Backend.Gpu.",
                clash.Location ?? backends.Location ?? method.Location));
        }

        bool gpu = EquivariantGpuValidator.Check(method, backends, gpuRuntime, attribute, diagnostics, notes);
        return (gpu, deterministic);
    }

    /// <summary>TG0112 for the atomic backward pass when x2's gradient of an edge does not fit the shared memory that sums it.</summary>
    public static void CheckBackward(KernelMethodShape method, OptionModel backends, bool deterministic, TensorProductSpec spec, string element,
        List<DiagnosticInfo> diagnostics)
    {
        if (!deterministic)
        {
            EquivariantGpuValidator.CheckBackward(method, backends, spec, element, diagnostics);
        }
    }
}
