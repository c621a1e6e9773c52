using System.Linq;
using TensorGen.Equivariance;
using TensorGen.Model;
using static TensorGen.Emit.CSharpLiteral;

namespace TensorGen.Emit.Equivariant;

/// <summary>
/// Writes a <c>[SphericalHarmonicsDoubleBackward]</c> method: the tangent of the backward pass along gradGradVectors
/// (<see cref="SphericalHarmonicsDoubleBackwardPlan"/> says why that gives the Hessian–vector and Jacobian–vector products),
/// straight-line SIMD code over a tile of rows (<see cref="SphericalHarmonicsDoubleBackwardWriter"/> with the CPU
/// <see cref="ShDialect"/>) run by the runtime's <c>SphericalHarmonicsDoubleBackwardDriver</c>, and with <c>Backend.Gpu</c>
/// the same plan in an ILGPU kernel (<see cref="GpuSphericalHarmonicsDoubleBackwardEmitter"/>).
/// </summary>
internal static class SphericalHarmonicsDoubleBackwardEmitter
{
    private const string Runtime = "global::TensorGen.Runtime.Equivariance.";

    public static string Emit(KernelMethodShape method, string forwardName, SphericalHarmonicsSpec spec, string element, bool gpu)
    {
        var plan = SphericalHarmonicsDoubleBackwardPlan.Create(spec);
        string arguments = string.Join(", ", method.Parameters.Select(p => p.Name));
        string body = $"{Runtime}SphericalHarmonicsDoubleBackwardDriver.DoubleBackward<{element}, {EquivariantFileEmitter.KernelReference(method)}>({arguments});";
        return EquivariantFileEmitter.Emit(method, writer => Header(writer, method, forwardName, plan, element), body,
            writer => Kernel(writer, method, plan, element), element,
            gpu ? writer => GpuSphericalHarmonicsDoubleBackwardEmitter.Write(writer, method, plan, element) : null);
    }

    /// <summary>The layout's constructor arguments after the method's name: dim, FLOPs per row and the five parameter names.</summary>
    public static string LayoutArguments(KernelMethodShape method, SphericalHarmonicsDoubleBackwardPlan plan) =>
        $"{Int(plan.Spec.Irreps.Dim)}, {Int(plan.Flops())}, " + string.Join(", ", method.Parameters.Select(p => CSharpLiteral.String(p.DisplayName)));

    private static void Header(SourceWriter writer, KernelMethodShape method, string forwardName, SphericalHarmonicsDoubleBackwardPlan plan, string element)
    {
        SphericalHarmonicsSpec spec = plan.Spec;
        writer.WriteComment($"TensorGen: double backward pass {method.DisplayName} of spherical harmonics {forwardName} ({element})");
        writer.WriteComment(string.Empty);
        writer.WriteComment($"harmonics: {spec.Irreps}  (dim {Int(spec.Irreps.Dim)}), normalization {spec.Normalization.ToString().ToLowerInvariant()}");
        writer.WriteComment("gradVectors = H·v (H the Hessian of Σ_f gradOutput_f Y_f(r)), gradGradOutput = J·v (J = ∂Y/∂r), v = gradGradVectors");
        writer.WriteComment(spec.Normalize
            ? "through the normalization of the vectors, r / max(|r|, 1e-12): linear below 1e-12, as the backward's torch F.normalize"
            : "vectors used as given: Yˡ is a homogeneous polynomial of degree l");
        writer.WriteComment("forward mode over the backward: every statement of the backward pass and its tangent along v");
        writer.WriteComment($"{Int(plan.Forward.Sum(s => s.Terms.Count))} forward and {Int(plan.Reverse.Sum(s => s.Terms.Count))} reverse products; FLOPs per row: {Int(plan.Flops())}");
    }

    private static void Kernel(SourceWriter writer, KernelMethodShape method, SphericalHarmonicsDoubleBackwardPlan plan, string element)
    {
        writer.WriteLine($"/// <summary>The tiles of {method.DisplayName}.</summary>");
        writer.OpenBlock($"file readonly struct {method.LocalTypeName} : {Runtime}ISphericalHarmonicsDoubleBackward<{element}>");
        writer.WriteLine($"public static {Runtime}SphericalHarmonicsDoubleBackwardLayout Layout {{ get; }} = new({CSharpLiteral.String(method.DisplayName)}, {LayoutArguments(method, plan)});");
        writer.WriteLine();
        writer.WriteLine("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");
        writer.OpenBlock($"public static void DoubleBackward(ref {element} vectors, ref {element} gradOutput, ref {element} gradGradVectors, ref {element} gradVectors, ref {element} gradGradOutput)");
        SphericalHarmonicsDoubleBackwardWriter.Write(writer, plan, ShDialect.Cpu(element));
        writer.CloseBlock();
        writer.CloseBlock();
    }
}
