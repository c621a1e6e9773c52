using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Diagnostics;
using TensorGen.Emit.Equivariant;
using TensorGen.Equivariance;
using TensorGen.Model;

namespace TensorGen.Validation;

/// <summary>
/// Checks <c>Backends</c> on <c>[TensorProduct]</c>, <c>[TensorProductBackward]</c> and <c>[SphericalHarmonics]</c>
/// (docs/gpu.md): TG0019 for a value that is not Backend flags, TG0020 when GPU code is asked for without a reference to
/// TensorGen.Runtime.Gpu (the CPU kernel is still written), TG0112 where the GPU kernels cannot be written.
/// </summary>
internal static class EquivariantGpuValidator
{
    /// <summary>The name of the context parameter of the GPU entry points.</summary>
    public const string ContextParameter = "gpu";

    /// <summary>Whether to write the GPU members: <c>Backend.Gpu</c> is asked for, and nothing stands in the way.</summary>
    /// <param name="method">The declaration.</param>
    /// <param name="backends">The <c>Backends</c> argument.</param>
    /// <param name="gpuRuntime">Whether the compilation references TensorGen.Runtime.Gpu.</param>
    /// <param name="attribute">The attribute's name, for messages.</param>
    /// <param name="diagnostics">Errors: the declaration gets no implementation.</param>
    /// <param name="notes">TG0020: the CPU kernel is written, the GPU members are not.</param>
    public static bool Check(KernelMethodShape method, OptionModel backends, bool gpuRuntime, string attribute, List<DiagnosticInfo> diagnostics,
        List<DiagnosticInfo> notes)
    {
        if (!backends.IsSet)
        {
            return false;
        }

        LocationInfo? location = backends.Location ?? method.Location;
        int value = backends.Value;
        if (value == 0 || (value & ~3) != 0)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.InvalidBackends,
                $"Backends = {value.ToString(CultureInfo.InvariantCulture)} is not a combination of Backend.Cpu (1) and Backend.Gpu (2). "
                + "Write Backends = Backend.Cpu, Backend.Gpu or Backend.Cpu | Backend.Gpu.",
                location));
            return false;
        }

        if ((value & 2) == 0)
        {
            return false;
        }

        int before = diagnostics.Count;
        if (method.ContainingTypes.FirstOrDefault(t => t.TypeParameters.Count > 0) is { } generic)
        {
            diagnostics.Add(new DiagnosticInfo(EquivariantDiagnosticIds.GpuUnsupported,
                $"[{attribute}] method '{method.DisplayName}' is in the generic type '{generic.Name}', where ILGPU cannot load the generated kernels. "
                + "Declare GPU kernels in a non-generic type, or remove Backend.Gpu.",
                location));
        }

        if (method.Parameters.FirstOrDefault(p => p.DisplayName == ContextParameter) is { } clash)
        {
            diagnostics.Add(new DiagnosticInfo(EquivariantDiagnosticIds.GpuUnsupported,
                $"Parameter '{clash.DisplayName}' of '{method.DisplayName}' has the name the GPU entry points give their GpuContext. Rename it, or remove Backend.Gpu.",
                clash.Location ?? location));
        }

        if (diagnostics.Count > before)
        {
            return false;
        }

        if (!gpuRuntime)
        {
            notes.Add(new DiagnosticInfo(DiagnosticIds.GpuRuntimeNotReferenced,
                $"'{method.DisplayName}' asks for Backend.Gpu, but the project does not reference TensorGen.Runtime.Gpu: add a reference to "
                + "src/Runtime/Gpu/TensorGen.Runtime.Gpu.csproj (it brings ILGPU), or remove Backend.Gpu. Only the CPU kernel was generated.",
                location));
            return false;
        }

        return true;
    }

    /// <summary>
    /// TG0112 for a backward pass whose x2 rows are too wide for the GPU kernel: a row's x2 gradient is summed in shared
    /// memory (<see cref="GpuTensorProductEmitter.X2GradientBytes"/> per row at most).
    /// </summary>
    public static void CheckBackward(KernelMethodShape method, OptionModel backends, TensorProductSpec spec, string element, List<DiagnosticInfo> diagnostics)
    {
        int size = element == "float" ? sizeof(float) : sizeof(double);
        int limit = GpuTensorProductEmitter.X2GradientBytes / size;
        if (spec.Irreps2.Dim > limit)
        {
            diagnostics.Add(new DiagnosticInfo(EquivariantDiagnosticIds.GpuUnsupported,
                $"x2 of '{method.DisplayName}' has {spec.Irreps2.Dim.ToString(CultureInfo.InvariantCulture)} features per row; the GPU backward pass sums a row's x2 gradient "
                + $"in shared memory, at most {limit.ToString(CultureInfo.InvariantCulture)} {element} features. Remove Backend.Gpu from the backward pass, "
                + "or split x2 into several products.",
                backends.Location ?? method.Location));
        }
    }
}
