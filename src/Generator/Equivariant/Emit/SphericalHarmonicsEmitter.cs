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

        string tiny = NumericLiteral.Of(1e-12, element);
        WriteHarmonics(writer, spec, element, "Lanes", axis => $"Load(ref vectors, {Int(axis)})",
            squares => $"global::System.Numerics.Vector.Max(global::System.Numerics.Vector.SquareRoot({squares}), new Lanes({tiny}))",
            "Lanes.One",
            (name, terms) => terms.Select((t, n) => n == 0 ? $"Lanes {name} = {t.Product} * {t.Coefficient};" : $"{name} = MultiplyAdd({t.Product}, new Lanes({t.Coefficient}), {name});"));
        foreach ((int feature, string value) in OutputFeatures(spec, element))
        {
            writer.WriteLine($"Store(ref output, {Int(feature)}, {value});");
        }

        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>
    /// The evaluation both backends write, up to the stores: the vector's components x, y, z (normalized when the spec
    /// asks), then Yˡ⁺¹ from Yˡ for every degree, each sh{l}_{m} a sum over the recursion's non-zero terms. The backends
    /// differ only in the value <paramref name="type"/> and the lambdas.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="spec">The harmonics.</param>
    /// <param name="element">float or double.</param>
    /// <param name="type">The type of a value (a vector of lanes, or the element).</param>
    /// <param name="component">Axis (0, 1, 2) → the component read.</param>
    /// <param name="length">|v|² → max(|v|, 1e-12).</param>
    /// <param name="one">The value 1.</param>
    /// <param name="declareSum">(name, terms (product, coefficient)) → the statements declaring name = Σ product · coefficient.</param>
    internal static void WriteHarmonics(SourceWriter writer, SphericalHarmonicsSpec spec, string element, string type, Func<int, string> component,
        Func<string, string> length, string one, Func<string, IReadOnlyList<(string Product, string Coefficient)>, IEnumerable<string>> declareSum)
    {
        string[] axes = { "x", "y", "z" };
        for (int axis = 0; axis < 3; axis++)
        {
            writer.WriteLine($"{type} {axes[axis]} = {component(axis)};");
        }

        if (spec.Normalize)
        {
            writer.WriteComment("e3nn divides by max(|v|, 1e-12), so a zero vector gives zeros rather than NaN");
            writer.WriteLine($"{type} length = {length("(x * x) + (y * y) + (z * z)")};");
            foreach (string axis in axes)
            {
                writer.WriteLine($"{axis} /= length;");
            }
        }

        writer.WriteLine($"{type} sh0_0 = {one};");
        for (int l = 0; l < spec.LMax; l++)
        {
            writer.WriteComment($"Y{Int(l + 1)} from Y{Int(l)}");
            foreach (var group in SphericalHarmonicsRecursion.Step(l).GroupBy(t => t.I).OrderBy(g => g.Key))
            {
                var terms = group.Select(term => (l == 0 ? axes[term.J] : $"({axes[term.J]} * sh{Int(l)}_{Int(term.K)})", NumericLiteral.Of(term.Value, element))).ToList();
                foreach (string line in declareSum($"sh{Int(l + 1)}_{Int(group.Key)}", terms))
                {
                    writer.WriteLine(line);
                }
            }
        }
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
