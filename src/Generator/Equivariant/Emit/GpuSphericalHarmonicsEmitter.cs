using System.Linq;
using TensorGen.Equivariance;
using TensorGen.Model;
using static TensorGen.Emit.CSharpLiteral;

namespace TensorGen.Emit.Equivariant;

/// <summary>
/// Writes the GPU members of a <c>[SphericalHarmonics]</c> method declared with <c>Backend.Gpu</c> (docs/gpu.md): the
/// device and host entry points <c>NameGpu</c> and the ILGPU kernel <c>NameGpuKernel</c>, one thread per vector, the same
/// straight-line recursion as the CPU kernel in scalar code.
/// </summary>
internal static class GpuSphericalHarmonicsEmitter
{
    private const string Driver = "global::TensorGen.Runtime.Gpu.Equivariance.GpuSphericalHarmonicsDriver";

    public static void Write(SourceWriter writer, KernelMethodShape method, SphericalHarmonicsSpec spec, string element)
    {
        string name = method.MethodName + "Gpu";
        string kernel = name + "Kernel";
        string view = $"global::ILGPU.ArrayView<{element}>";
        string layout = EquivariantFileEmitter.KernelReference(method) + ".Layout";
        string vectors = method.Parameters[0].Name, output = method.Parameters[1].Name;
        string summary = $"{method.DisplayName} on the GPU: vectors [Z, 3], output [Z, {Int(spec.Irreps.Dim)}]";

        GpuEntryPoints.Write(writer, method, element,
            $"{summary}: dense row-major device views. Enqueued on <c>gpu.Stream</c>; returns without waiting.",
            $"{summary}: copies the host tensors in (strided ones packed densely), runs the device entry point and copies the output out (waits).",
            $"{Driver}.Evaluate(gpu, {layout}, gpu.Kernel(static a => global::ILGPU.Runtime.KernelLoaders.LoadAutoGroupedKernel<global::ILGPU.Index1D, {view}, {view}>(a, {kernel})), {vectors}, {output});",
            $"{Driver}.Evaluate(gpu, {layout}, {vectors}, {output}, static (context, vectors, output) => {name}(context, vectors, output));");

        writer.WriteLine();
        writer.WriteLine($"/// <summary>The ILGPU kernel of {name}: one thread per vector.</summary>");
        writer.OpenBlock($"private static void {kernel}(global::ILGPU.Index1D row, {view} vectors, {view} output)");
        if (spec.LMax >= 0)
        {
            WriteBody(writer, spec, element);
        }

        writer.CloseBlock();
    }

    private static void WriteBody(SourceWriter writer, SphericalHarmonicsSpec spec, string element)
    {
        string math = element == "float" ? "global::System.MathF" : "global::System.Math";
        writer.WriteLine("long v = (long)row.X * 3;");
        SphericalHarmonicsEmitter.WriteHarmonics(writer, spec, element, element, axis => axis == 0 ? "vectors[v]" : $"vectors[v + {Int(axis)}]",
            squares => $"{math}.Max({math}.Sqrt({squares}), {NumericLiteral.Of(1e-12, element)})",
            NumericLiteral.Of(1, element),
            (name, terms) => new[] { $"{element} {name} = {string.Join(" + ", terms.Select(t => $"{t.Product} * {t.Coefficient}"))};" });

        writer.WriteLine($"long o = (long)row.X * {Int(spec.Irreps.Dim)};");
        foreach ((int feature, string value) in SphericalHarmonicsEmitter.OutputFeatures(spec, element))
        {
            writer.WriteLine($"output[o + {Int(feature)}] = {value};");
        }
    }
}
