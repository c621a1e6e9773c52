using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Equivariance;
using TensorGen.Model;

namespace TensorGen.Emit.Equivariant;

/// <summary>
/// Writes a <c>[SphericalHarmonicsBackward]</c> method: reverse-mode differentiation of the forward's straight-line code.
/// The tile kernel first re-evaluates the recursion Yˡ⁺¹_i = Σ_jk A_ijk u_j Yˡ_k (<see cref="SphericalHarmonicsRecursion"/>)
/// as the forward does, then sums the output gradient into one adjoint ḡˡ_m per harmonic (every copy of a block, times its
/// normalization), then runs the recursion backwards, l = lmax − 1 … 0, each term A_ijk u_j Yˡ_k contributing
/// ū_j += A_ijk ḡˡ⁺¹_i Yˡ_k and ḡˡ_k += A_ijk ḡˡ⁺¹_i u_j (Griewank &amp; Walther, "Evaluating Derivatives", 2008, ch. 3:
/// the adjoint of each multiply-add). With <c>Normalize = true</c>, u = r / max(|r|, ε) and the adjoint is taken through
/// it: r̄ = (ū − u (u·ū)) / |r| where |r| &gt; ε (the projection removes the radial part, since Y depends only on the
/// direction), r̄ = ū / ε below (there u = r / ε is linear) — the derivative of torch.nn.functional.normalize that e3nn calls.
/// </summary>
internal static class SphericalHarmonicsBackwardEmitter
{
    private const string Runtime = "global::TensorGen.Runtime.Equivariance.";

    private static readonly string[] s_axes = { "x", "y", "z" };

    public static string Emit(KernelMethodShape method, string forwardName, SphericalHarmonicsSpec spec, string element)
    {
        string[] names = method.Parameters.Select(p => p.Name).ToArray();
        string body = $"{Runtime}SphericalHarmonicsBackwardDriver.Backward<{element}, {EquivariantFileEmitter.KernelReference(method)}>({names[0]}, {names[1]}, {names[2]});";
        return EquivariantFileEmitter.Emit(method, writer => Header(writer, method, forwardName, spec, element), body,
            writer => Kernel(writer, method, spec, element), element, gpuMembers: null);
    }

    /// <summary>Operations per row: the forward's recursion again, then two multiply-adds per term backwards, and the normalization's adjoint.</summary>
    public static long Flops(SphericalHarmonicsSpec spec) => (3 * spec.Flops()) + (spec.Normalize ? 15 : 0);

    private static void Header(SourceWriter writer, KernelMethodShape method, string forwardName, SphericalHarmonicsSpec spec, string element)
    {
        writer.WriteComment($"TensorGen: backward pass {method.DisplayName} of spherical harmonics {forwardName} ({element})");
        writer.WriteComment(string.Empty);
        writer.WriteComment($"harmonics: {spec.Irreps}  (dim {N(spec.Irreps.Dim)}), normalization {spec.Normalization.ToString().ToLowerInvariant()}");
        writer.WriteComment(spec.Normalize
            ? "gradient through the normalization of the vectors: (ū − u (u·ū)) / |r|, ū / 1e-12 for |r| ≤ 1e-12 (torch's F.normalize)"
            : "vectors used as given: Yˡ is a homogeneous polynomial of degree l");
        writer.WriteComment("reverse mode: the recursion re-evaluated, then each term's adjoint from l = lmax − 1 down to 0");
        writer.WriteComment($"FLOPs per row: {N(Flops(spec))}");
    }

    private static void Kernel(SourceWriter writer, KernelMethodShape method, SphericalHarmonicsSpec spec, string element)
    {
        string[] names = method.Parameters.Select(p => p.DisplayName).ToArray();
        writer.WriteLine($"/// <summary>The tiles of {method.DisplayName}.</summary>");
        writer.OpenBlock($"file readonly struct {method.LocalTypeName} : {Runtime}ISphericalHarmonicsBackward<{element}>");
        writer.WriteLine($"public static {Runtime}SphericalHarmonicsBackwardLayout Layout {{ get; }} = new({CSharpLiteral.String(method.DisplayName)}, "
            + $"{N(spec.Irreps.Dim)}, {N(Flops(spec))}, {CSharpLiteral.String(names[0])}, {CSharpLiteral.String(names[1])}, {CSharpLiteral.String(names[2])});");
        writer.WriteLine();
        writer.WriteLine("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");
        writer.OpenBlock($"public static void Backward(ref {element} vectors, ref {element} gradOutput, ref {element} gradVectors)");
        if (spec.LMax < 1)
        {
            // Only Y⁰ = constant (or nothing): the gradient is zero.
            writer.WriteLine("Store(ref gradVectors, 0, Lanes.Zero);");
            writer.WriteLine("Store(ref gradVectors, 1, Lanes.Zero);");
            writer.WriteLine("Store(ref gradVectors, 2, Lanes.Zero);");
            writer.CloseBlock();
            writer.CloseBlock();
            return;
        }

        writer.WriteLine("Lanes x = Load(ref vectors, 0);");
        writer.WriteLine("Lanes y = Load(ref vectors, 1);");
        writer.WriteLine("Lanes z = Load(ref vectors, 2);");
        if (spec.Normalize)
        {
            writer.WriteComment("as the forward: e3nn divides by max(|r|, 1e-12)");
            writer.WriteLine("Lanes radius = global::System.Numerics.Vector.SquareRoot((x * x) + (y * y) + (z * z));");
            writer.WriteLine($"Lanes length = global::System.Numerics.Vector.Max(radius, new Lanes({NumericLiteral.Of(1e-12, element)}));");
            writer.WriteLine("x /= length;");
            writer.WriteLine("y /= length;");
            writer.WriteLine("z /= length;");
        }

        // The forward recursion, keeping every Yˡ (l < lmax) that a backward term reads.
        writer.WriteComment("forward: Y¹ … Y^(lmax − 1), the values the adjoint terms read");
        for (int l = 0; l < spec.LMax - 1; l++)
        {
            foreach (var group in SphericalHarmonicsRecursion.Step(l).GroupBy(t => t.I).OrderBy(g => g.Key))
            {
                string name = Harmonic(l + 1, group.Key);
                bool first = true;
                foreach (ShRecursionTerm term in group)
                {
                    string product = l == 0 ? s_axes[term.J] : $"({s_axes[term.J]} * {Harmonic(l, term.K)})";
                    writer.WriteLine(first
                        ? $"Lanes {name} = {product} * {NumericLiteral.Of(term.Value, element)};"
                        : $"{name} = MultiplyAdd({product}, new Lanes({NumericLiteral.Of(term.Value, element)}), {name});");
                    first = false;
                }
            }
        }

        // ḡˡ_m: Σ over the output features holding Yˡ_m (every copy of its block) of gradOutput, times the normalization.
        writer.WriteComment("adjoints of the harmonics: the output gradient summed over every copy, times the normalization");
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var degree in AdjointSources(spec).GroupBy(s => s.L).OrderBy(g => g.Key))
        {
            if (degree.Key == 0)
            {
                continue; // Y⁰ is constant.
            }

            foreach (var component in degree.GroupBy(s => s.M).OrderBy(g => g.Key))
            {
                string name = Adjoint(degree.Key, component.Key);
                string sum = string.Join(" + ", component.Select(s => $"Load(ref gradOutput, {N(s.Feature)})"));
                string scale = Scale(spec, degree.Key, element);
                writer.WriteLine($"Lanes {name} = {(scale.Length == 0 ? sum : $"({sum}){scale}")};");
                declared.Add(name);
            }
        }

        writer.WriteLine("Lanes gx = Lanes.Zero;");
        writer.WriteLine("Lanes gy = Lanes.Zero;");
        writer.WriteLine("Lanes gz = Lanes.Zero;");
        string[] vectorAdjoints = { "gx", "gy", "gz" };
        for (int l = spec.LMax - 1; l >= 0; l--)
        {
            var terms = SphericalHarmonicsRecursion.Step(l).Where(t => declared.Contains(Adjoint(l + 1, t.I))).ToList();
            if (terms.Count == 0)
            {
                continue;
            }

            writer.WriteComment($"adjoint of Y{N(l + 1)} = A·(u ⊗ Y{N(l)}): into u{(l > 0 ? $" and Y{N(l)}" : string.Empty)}");
            foreach (ShRecursionTerm term in terms)
            {
                string coefficient = $"new Lanes({NumericLiteral.Of(term.Value, element)})";
                string source = Adjoint(l + 1, term.I);
                string vectorAdjoint = vectorAdjoints[term.J];
                writer.WriteLine(l == 0
                    ? $"{vectorAdjoint} = MultiplyAdd({source}, {coefficient}, {vectorAdjoint});"
                    : $"{vectorAdjoint} = MultiplyAdd({source} * {Harmonic(l, term.K)}, {coefficient}, {vectorAdjoint});");
                if (l > 0)
                {
                    string target = Adjoint(l, term.K);
                    if (declared.Add(target))
                    {
                        writer.WriteLine($"Lanes {target} = ({source} * {s_axes[term.J]}) * {NumericLiteral.Of(term.Value, element)};");
                    }
                    else
                    {
                        writer.WriteLine($"{target} = MultiplyAdd({source} * {s_axes[term.J]}, {coefficient}, {target});");
                    }
                }
            }
        }

        if (spec.Normalize)
        {
            writer.WriteComment("through u = r / max(|r|, ε): the tangential part over |r| above ε, ū / ε below");
            writer.WriteLine("Lanes radial = (x * gx) + (y * gy) + (z * gz);");
            writer.WriteLine($"radial = global::System.Numerics.Vector.ConditionalSelect(global::System.Numerics.Vector.GreaterThan(radius, new Lanes({NumericLiteral.Of(1e-12, element)})), radial, Lanes.Zero);");
            writer.WriteLine("gx = (gx - (x * radial)) / length;");
            writer.WriteLine("gy = (gy - (y * radial)) / length;");
            writer.WriteLine("gz = (gz - (z * radial)) / length;");
        }

        writer.WriteLine("Store(ref gradVectors, 0, gx);");
        writer.WriteLine("Store(ref gradVectors, 1, gy);");
        writer.WriteLine("Store(ref gradVectors, 2, gz);");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>Each output feature with the harmonic (l, m) it holds, in the order <see cref="SphericalHarmonicsEmitter.OutputFeatures"/> writes them.</summary>
    private static IEnumerable<(int Feature, int L, int M)> AdjointSources(SphericalHarmonicsSpec spec)
    {
        int feature = 0;
        foreach (MulIrrep block in spec.Irreps.Blocks)
        {
            for (int copy = 0; copy < block.Mul; copy++)
            {
                for (int m = 0; m < block.Irrep.Dim; m++)
                {
                    yield return (feature++, block.Irrep.L, m);
                }
            }
        }
    }

    /// <summary>The forward's normalization of degree l (e3nn: 'component' 1, 'norm' 1/√(2l + 1), 'integral' 1/√(4π)).</summary>
    private static string Scale(SphericalHarmonicsSpec spec, int l, string element) => spec.Normalization switch
    {
        ShNormalizationRule.Norm => " / " + NumericLiteral.Of(Math.Sqrt((2 * l) + 1), element),
        ShNormalizationRule.Integral => " / " + NumericLiteral.Of(Math.Sqrt(4 * Math.PI), element),
        _ => string.Empty,
    };

    private static string Harmonic(int l, int m) => $"sh{N(l)}_{N(m)}";

    private static string Adjoint(int l, int m) => $"g{N(l)}_{N(m)}";

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
