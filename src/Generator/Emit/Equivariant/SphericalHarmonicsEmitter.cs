using System;
using System.Collections.Generic;
using System.Linq;
using TensorGen.Equivariance;
using TensorGen.Model;
using static TensorGen.Emit.CSharpLiteral;

namespace TensorGen.Emit.Equivariant;

/// <summary>
/// Writes a <c>[SphericalHarmonics]</c> method: straight-line evaluation of e3nn's recursion
/// Yˡ⁺¹_i = Σ_jk A_ijk v_j Yˡ_k (<see cref="SphericalHarmonicsRecursion"/>) over its non-zero terms, one tile of vectors at a
/// time, then the normalization and the copies the irreps ask for.
/// </summary>
internal static class SphericalHarmonicsEmitter
{
    private const string Runtime = "global::TensorGen.Runtime.Equivariance.";

    public static string Emit(KernelMethodShape method, SphericalHarmonicsSpec spec, string element, bool gpu)
    {
        string[] names = method.Parameters.Select(p => p.Name).ToArray();
        string body = $"{Runtime}SphericalHarmonicsDriver.Evaluate<{element}, {EquivariantFileEmitter.KernelReference(method)}>({names[0]}, {names[1]});";
        return EquivariantFileEmitter.Emit(method, writer => Header(writer, method, spec, element), body, writer => Kernel(writer, method, spec, element), element,
            gpu ? writer => GpuSphericalHarmonicsEmitter.Write(writer, method, spec, element) : null);
    }

    private static void Header(SourceWriter writer, KernelMethodShape method, SphericalHarmonicsSpec spec, string element)
    {
        writer.WriteComment($"TensorGen: spherical harmonics {method.DisplayName} ({element})");
        writer.WriteComment(string.Empty);
        writer.WriteComment($"output: {spec.Irreps}  (dim {Int(spec.Irreps.Dim)}), e3nn's real basis, y the polar axis, l = 1 as (x, y, z)");
        writer.WriteComment($"input vectors {(spec.Normalize ? "normalized to unit length (zero vectors stay zero)" : "used as given")}; "
            + $"normalization {spec.Normalization.ToString().ToLowerInvariant()}");
        writer.WriteComment(string.Join(", ", spec.Degrees.Skip(1).Select(l => $"Y{Int(l)}: {Int(SphericalHarmonicsRecursion.Step(l - 1).Count)} terms")));
        writer.WriteComment($"FLOPs per row: {Int(spec.Flops())}");
    }

    private static void Kernel(SourceWriter writer, KernelMethodShape method, SphericalHarmonicsSpec spec, string element)
    {
        string[] names = method.Parameters.Select(p => p.DisplayName).ToArray();
        writer.WriteLine($"/// <summary>The tiles of {method.DisplayName}.</summary>");
        writer.OpenBlock($"file readonly struct {method.LocalTypeName} : {Runtime}ISphericalHarmonicsKernel<{element}>");
        writer.WriteLine($"public static {Runtime}SphericalHarmonicsLayout Layout {{ get; }} = new({CSharpLiteral.String(method.DisplayName)}, "
            + $"{Int(spec.Irreps.Dim)}, {Int(spec.Flops())}, {CSharpLiteral.String(names[0])}, {CSharpLiteral.String(names[1])});");
        writer.WriteLine();
        writer.WriteLine("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");
        writer.OpenBlock($"public static void Evaluate(ref {element} vectors, ref {element} output)");
        if (spec.LMax < 0)
        {
            writer.CloseBlock();
            writer.CloseBlock();
            return;
        }

        writer.WriteLine("Lanes x = Load(ref vectors, 0);");
        writer.WriteLine("Lanes y = Load(ref vectors, 1);");
        writer.WriteLine("Lanes z = Load(ref vectors, 2);");
        if (spec.Normalize)
        {
            writer.WriteComment("e3nn divides by max(|v|, 1e-12), so a zero vector gives zeros rather than NaN");
            writer.WriteLine($"Lanes length = global::System.Numerics.Vector.Max(global::System.Numerics.Vector.SquareRoot((x * x) + (y * y) + (z * z)), new Lanes({NumericLiteral.Of(1e-12, element)}));");
            writer.WriteLine("x /= length;");
            writer.WriteLine("y /= length;");
            writer.WriteLine("z /= length;");
        }

        writer.WriteLine("Lanes sh0_0 = Lanes.One;");
        string[] axes = { "x", "y", "z" };
        for (int l = 0; l < spec.LMax; l++)
        {
            writer.WriteComment($"Y{Int(l + 1)} from Y{Int(l)}");
            foreach (var group in SphericalHarmonicsRecursion.Step(l).GroupBy(t => t.I).OrderBy(g => g.Key))
            {
                string name = $"sh{Int(l + 1)}_{Int(group.Key)}";
                bool first = true;
                foreach (ShRecursionTerm term in group)
                {
                    string product = l == 0 ? axes[term.J] : $"({axes[term.J]} * sh{Int(l)}_{Int(term.K)})";
                    writer.WriteLine(first
                        ? $"Lanes {name} = {product} * {NumericLiteral.Of(term.Value, element)};"
                        : $"{name} = MultiplyAdd({product}, new Lanes({NumericLiteral.Of(term.Value, element)}), {name});");
                    first = false;
                }
            }
        }

        foreach ((int feature, string value) in OutputFeatures(spec, element))
        {
            writer.WriteLine($"Store(ref output, {Int(feature)}, {value});");
        }

        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>
    /// Each output feature in order and its value: the harmonic <c>sh{l}_{m}</c> its irrep holds (every copy of a block the
    /// same), scaled by the normalization — e3nn's 'component' as is, 'norm' ÷ √(2l + 1), 'integral' ÷ √(4π). Both backends
    /// store these.
    /// </summary>
    internal static IEnumerable<(int Feature, string Value)> OutputFeatures(SphericalHarmonicsSpec spec, string element)
    {
        int feature = 0;
        foreach (MulIrrep block in spec.Irreps.Blocks)
        {
            int l = block.Irrep.L;
            string scale = spec.Normalization switch
            {
                ShNormalizationRule.Norm => " / " + NumericLiteral.Of(Math.Sqrt((2 * l) + 1), element),
                ShNormalizationRule.Integral => " / " + NumericLiteral.Of(Math.Sqrt(4 * Math.PI), element),
                _ => string.Empty,
            };
            for (int copy = 0; copy < block.Mul; copy++)
            {
                for (int m = 0; m < block.Irrep.Dim; m++)
                {
                    yield return (feature++, $"sh{Int(l)}_{Int(m)}{scale}");
                }
            }
        }
    }
}
