using System.Linq;
using TensorGen.Model;

namespace TensorGen.Emit.Gpu;

/// <summary>The names and types generated GPU code uses (docs/gpu.md): <c>FGpu</c> entry points, <c>FGpuStep1</c> kernels.</summary>
internal static class GpuNames
{
    public const string Ilgpu = "global::ILGPU.";

    public const string RuntimeGpu = "global::TensorGen.Runtime.Gpu.";

    /// <summary>The entry points' name: the method's name and <c>Gpu</c> (<c>Rotate</c> → <c>RotateGpu</c>).</summary>
    public static string EntryPoint(KernelMethodShape method) => method.Name.TrimStart('@') + "Gpu";

    /// <summary>The entry points' modifiers: the declared method's, without <c>new</c> (they hide nothing).</summary>
    public static string Modifiers(KernelMethodShape method) =>
        string.Join(" ", method.Modifiers.Split(' ').Where(m => m.Length > 0 && m != "new"));

    public static string View(string elementType) => $"{Ilgpu}ArrayView<{elementType}>";

    public static string Buffer(string elementType) => $"{RuntimeGpu}GpuBuffer<{elementType}>";
}
