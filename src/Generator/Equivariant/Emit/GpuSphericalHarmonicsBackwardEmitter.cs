using System.Globalization;
using System.Linq;
using TensorGen.Model;

namespace TensorGen.Emit.Equivariant;

/// <summary>
/// Writes the GPU members of a <c>[SphericalHarmonicsBackward]</c> method declared with <c>Backend.Gpu</c> (docs/gpu.md): the
/// device and host entry points <c>NameGpu</c> and the ILGPU kernel <c>NameGpuKernel</c>, one thread per vector, rendering the
/// same <see cref="SphericalHarmonicsBackwardPlan"/> as the CPU kernel in scalar code.
/// </summary>
internal static class GpuSphericalHarmonicsBackwardEmitter
{
    private const string Driver = "global::TensorGen.Runtime.Gpu.Equivariance.GpuSphericalHarmonicsBackwardDriver";
    private const string Context = "global::TensorGen.Runtime.Gpu.GpuContext";

    private static readonly string[] s_axes = { "x", "y", "z" };

    private static readonly string[] s_vectorAdjoints = { "gx", "gy", "gz" };

    public static void Write(SourceWriter writer, KernelMethodShape method, SphericalHarmonicsBackwardPlan plan, string element)
    {
        string name = method.MethodName + "Gpu";
        string kernel = name + "Kernel";
        string modifiers = string.Join(" ", method.Modifiers.Split(' ').Where(m => m.Length > 0 && m != "new"));
        string view = $"global::ILGPU.ArrayView<{element}>";
        string layout = EquivariantFileEmitter.KernelReference(method) + ".Layout";
        string vectors = method.Parameters[0].Name, gradOutput = method.Parameters[1].Name, gradVectors = method.Parameters[2].Name;
        string summary = $"{method.DisplayName} on the GPU: vectors [Z, 3], gradOutput [Z, {N(plan.Spec.Irreps.Dim)}], gradVectors [Z, 3]";

        writer.WriteLine();
        writer.WriteLine($"/// <summary>{summary}: dense row-major device views. Enqueued on <c>gpu.Stream</c>; returns without waiting.</summary>");
        writer.OpenBlock($"{modifiers} void {name}({Context} gpu, {view} {vectors}, {view} {gradOutput}, {view} {gradVectors})");
        writer.WriteLine($"{Driver}.Backward(gpu, {layout}, gpu.Kernel(static a => global::ILGPU.Runtime.KernelLoaders.LoadAutoGroupedKernel<global::ILGPU.Index1D, {view}, {view}, {view}>(a, {kernel})), "
            + $"{vectors}, {gradOutput}, {gradVectors});");
        writer.CloseBlock();

        writer.WriteLine();
        writer.WriteLine($"/// <summary>{summary}: copies the host tensors in (strided ones packed densely), runs the device entry point and copies the gradient out (waits).</summary>");
        writer.OpenBlock($"{modifiers} void {name}({Context} gpu, {string.Join(", ", method.Parameters.Select(p => p.Declaration))})");
        writer.WriteLine($"{Driver}.Backward(gpu, {layout}, {vectors}, {gradOutput}, {gradVectors}, static (context, v, g, r) => {name}(context, v, g, r));");
        writer.CloseBlock();

        writer.WriteLine();
        writer.WriteLine($"/// <summary>The ILGPU kernel of {name}: one thread per vector.</summary>");
        writer.OpenBlock($"private static void {kernel}(global::ILGPU.Index1D row, {view} vectors, {view} gradOutput, {view} gradVectors)");
        WriteBody(writer, plan, element);
        writer.CloseBlock();
    }

    private static void WriteBody(SourceWriter writer, SphericalHarmonicsBackwardPlan plan, string element)
    {
        string math = element == "float" ? "global::System.MathF" : "global::System.Math";
        string zero = NumericLiteral.Of(0, element);
        writer.WriteLine("long v = (long)row.X * 3;");
        if (plan.IsZero)
        {
            writer.WriteLine($"gradVectors[v] = {zero};");
            writer.WriteLine($"gradVectors[v + 1] = {zero};");
            writer.WriteLine($"gradVectors[v + 2] = {zero};");
            return;
        }

        writer.WriteLine($"{element} x = vectors[v];");
        writer.WriteLine($"{element} y = vectors[v + 1];");
        writer.WriteLine($"{element} z = vectors[v + 2];");
        if (plan.Spec.Normalize)
        {
            writer.WriteLine($"{element} radius = {math}.Sqrt((x * x) + (y * y) + (z * z));");
            writer.WriteLine($"{element} length = {math}.Max(radius, {NumericLiteral.Of(1e-12, element)});");
            writer.WriteLine("x /= length;");
            writer.WriteLine("y /= length;");
            writer.WriteLine("z /= length;");
        }

        foreach (ShForwardStatement statement in plan.Forward)
        {
            string terms = string.Join(" + ", statement.Terms.Select(t =>
                (t.Harmonic is null ? s_axes[t.Axis] : $"({s_axes[t.Axis]} * {t.Harmonic})") + $" * {NumericLiteral.Of(t.Coefficient, element)}"));
            writer.WriteLine($"{element} {statement.Target} = {terms};");
        }

        writer.WriteLine($"long o = (long)row.X * {N(plan.Spec.Irreps.Dim)};");
        foreach (ShAdjointSum sum in plan.Sums)
        {
            string loads = string.Join(" + ", sum.Features.Select(f => $"gradOutput[o + {N(f)}]"));
            writer.WriteLine($"{element} {sum.Target} = {(sum.Divisor == 1.0 ? loads : $"({loads}) / {NumericLiteral.Of(sum.Divisor, element)}")};");
        }

        writer.WriteLine($"{element} gx = {zero};");
        writer.WriteLine($"{element} gy = {zero};");
        writer.WriteLine($"{element} gz = {zero};");
        foreach (ShAdjointTerm term in plan.Terms)
        {
            string coefficient = NumericLiteral.Of(term.Product.Coefficient, element);
            string vectorAdjoint = s_vectorAdjoints[term.Product.Axis];
            writer.WriteLine(term.Product.Harmonic is null
                ? $"{vectorAdjoint} += {term.Source} * {coefficient};"
                : $"{vectorAdjoint} += ({term.Source} * {term.Product.Harmonic}) * {coefficient};");
            if (term.Target is not null)
            {
                writer.WriteLine(term.DeclaresTarget
                    ? $"{element} {term.Target} = ({term.Source} * {s_axes[term.Product.Axis]}) * {coefficient};"
                    : $"{term.Target} += ({term.Source} * {s_axes[term.Product.Axis]}) * {coefficient};");
            }
        }

        if (plan.Spec.Normalize)
        {
            writer.WriteComment("through u = r / max(|r|, ε): the tangential part over |r| above ε, ū / ε below");
            writer.WriteLine($"{element} radial = radius > {NumericLiteral.Of(1e-12, element)} ? (x * gx) + (y * gy) + (z * gz) : {zero};");
            writer.WriteLine("gx = (gx - (x * radial)) / length;");
            writer.WriteLine("gy = (gy - (y * radial)) / length;");
            writer.WriteLine("gz = (gz - (z * radial)) / length;");
        }

        writer.WriteLine("gradVectors[v] = gx;");
        writer.WriteLine("gradVectors[v + 1] = gy;");
        writer.WriteLine("gradVectors[v + 2] = gz;");
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
