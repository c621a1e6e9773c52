using System.Linq;
using TensorGen.Model;
using static TensorGen.Emit.CSharpLiteral;

namespace TensorGen.Emit.Equivariant;

/// <summary>
/// Writes the GPU members of a <c>[SphericalHarmonicsDoubleBackward]</c> method declared with <c>Backend.Gpu</c> (docs/gpu.md):
/// the device and host entry points <c>NameGpu</c> and the ILGPU kernel <c>NameGpuKernel</c>, one thread per vector, rendering
/// the same <see cref="SphericalHarmonicsDoubleBackwardPlan"/> as the CPU kernel in scalar code.
/// </summary>
internal static class GpuSphericalHarmonicsDoubleBackwardEmitter
{
    private const string Driver = "global::TensorGen.Runtime.Gpu.Equivariance.GpuSphericalHarmonicsDoubleBackwardDriver";

    public static void Write(SourceWriter writer, KernelMethodShape method, SphericalHarmonicsDoubleBackwardPlan plan, string element)
    {
        string name = method.MethodName + "Gpu";
        string kernel = name + "Kernel";
        string view = $"global::ILGPU.ArrayView<{element}>";
        string layout = EquivariantFileEmitter.KernelReference(method) + ".Layout";
        string[] names = method.Parameters.Select(p => p.Name).ToArray();
        string arguments = string.Join(", ", names);
        string dim = Int(plan.Spec.Irreps.Dim);
        string summary = $"{method.DisplayName} on the GPU: vectors, gradGradVectors and gradVectors [Z, 3], gradOutput and gradGradOutput [Z, {dim}]";
        string views = string.Join(", ", Enumerable.Repeat(view, 5));

        GpuEntryPoints.Write(writer, method, element,
            $"{summary}: dense row-major device views. Enqueued on <c>gpu.Stream</c>; returns without waiting.",
            $"{summary}: copies the host tensors in (strided ones packed densely), runs the device entry point and copies the results out (waits).",
            $"{Driver}.DoubleBackward(gpu, {layout}, gpu.Kernel(static a => global::ILGPU.Runtime.KernelLoaders.LoadAutoGroupedKernel<global::ILGPU.Index1D, {views}>(a, {kernel})), {arguments});",
            $"{Driver}.DoubleBackward(gpu, {layout}, {arguments}, static (context, v, g, gg, gv, ggo) => {name}(context, v, g, gg, gv, ggo));");

        writer.WriteLine();
        writer.WriteLine($"/// <summary>The ILGPU kernel of {name}: one thread per vector.</summary>");
        writer.OpenBlock($"private static void {kernel}(global::ILGPU.Index1D row, {view} vectors, {view} gradOutput, {view} gradGradVectors, {view} gradVectors, {view} gradGradOutput)");
        writer.WriteLine("long v = (long)row.X * 3;");
        writer.WriteLine($"long o = (long)row.X * {dim};");
        SphericalHarmonicsDoubleBackwardWriter.Write(writer, plan, ShDialect.Gpu(element));
        writer.CloseBlock();
    }
}
