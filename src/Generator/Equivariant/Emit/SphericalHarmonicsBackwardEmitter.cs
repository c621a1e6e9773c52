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

    private static readonly string[] s_vectorAdjoints = { "gx", "gy", "gz" };

    public static string Emit(KernelMethodShape method, string forwardName, SphericalHarmonicsSpec spec, string element, bool gpu)
    {
        var plan = SphericalHarmonicsBackwardPlan.Create(spec);
        string[] names = method.Parameters.Select(p => p.Name).ToArray();
        string body = $"{Runtime}SphericalHarmonicsBackwardDriver.Backward<{element}, {EquivariantFileEmitter.KernelReference(method)}>({names[0]}, {names[1]}, {names[2]});";
        return EquivariantFileEmitter.Emit(method, writer => Header(writer, method, forwardName, plan, element), body,
            writer => Kernel(writer, method, plan, element), element,
            gpu ? writer => GpuSphericalHarmonicsBackwardEmitter.Write(writer, method, plan, element) : null);
    }

    private static void Header(SourceWriter writer, KernelMethodShape method, string forwardName, SphericalHarmonicsBackwardPlan plan, string element)
    {
        SphericalHarmonicsSpec spec = plan.Spec;
        writer.WriteComment($"TensorGen: backward pass {method.DisplayName} of spherical harmonics {forwardName} ({element})");
        writer.WriteComment(string.Empty);
        writer.WriteComment($"harmonics: {spec.Irreps}  (dim {N(spec.Irreps.Dim)}), normalization {spec.Normalization.ToString().ToLowerInvariant()}");
        writer.WriteComment(spec.Normalize
            ? "gradient through the normalization of the vectors: (ū − u (u·ū)) / |r|, ū / 1e-12 for |r| ≤ 1e-12 (torch's F.normalize)"
            : "vectors used as given: Yˡ is a homogeneous polynomial of degree l");
        writer.WriteComment("reverse mode: the recursion re-evaluated, then each term's adjoint from l = lmax − 1 down to 0");
        writer.WriteComment($"FLOPs per row: {N(plan.Flops())}");
    }

    private static void Kernel(SourceWriter writer, KernelMethodShape method, SphericalHarmonicsBackwardPlan plan, string element)
    {
        string[] names = method.Parameters.Select(p => p.DisplayName).ToArray();
        SphericalHarmonicsSpec spec = plan.Spec;
        writer.WriteLine($"/// <summary>The tiles of {method.DisplayName}.</summary>");
        writer.OpenBlock($"file readonly struct {method.LocalTypeName} : {Runtime}ISphericalHarmonicsBackward<{element}>");
        writer.WriteLine($"public static {Runtime}SphericalHarmonicsBackwardLayout Layout {{ get; }} = new({CSharpLiteral.String(method.DisplayName)}, "
            + $"{N(spec.Irreps.Dim)}, {N(plan.Flops())}, {CSharpLiteral.String(names[0])}, {CSharpLiteral.String(names[1])}, {CSharpLiteral.String(names[2])});");
        writer.WriteLine();
        writer.WriteLine("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");
        writer.OpenBlock($"public static void Backward(ref {element} vectors, ref {element} gradOutput, ref {element} gradVectors)");
        if (plan.IsZero)
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

        // The sums as the double backward writes them (ShDialect.Cpu says why: no JIT temporaries per product).
        ShDialect dialect = ShDialect.Cpu(element);
        void Sum(string target, bool declares, params (string Left, string? Right, double Coefficient)[] terms)
        {
            foreach (string line in dialect.Sum(target, declares, terms.Select(t => (t.Left, t.Right, NumericLiteral.Of(t.Coefficient, element))).ToArray()))
            {
                writer.WriteLine(line);
            }
        }

        writer.WriteComment("forward: Y¹ … Y^(lmax − 1), the values the adjoint terms read");
        foreach (ShForwardStatement statement in plan.Forward)
        {
            Sum(statement.Target, true, statement.Terms.Select(t => (s_axes[t.Axis], t.Harmonic, t.Coefficient)).ToArray());
        }

        writer.WriteComment("adjoints of the harmonics: the output gradient summed over every copy, times the normalization");
        foreach (ShAdjointSum sum in plan.Sums)
        {
            string loads = string.Join(" + ", sum.Features.Select(f => $"Load(ref gradOutput, {N(f)})"));
            writer.WriteLine($"Lanes {sum.Target} = {(sum.Divisor == 1.0 ? loads : $"({loads}) / {NumericLiteral.Of(sum.Divisor, element)}")};");
        }

        writer.WriteLine("Lanes gx = Lanes.Zero;");
        writer.WriteLine("Lanes gy = Lanes.Zero;");
        writer.WriteLine("Lanes gz = Lanes.Zero;");
        int degree = -1;
        foreach (ShAdjointTerm term in plan.Terms)
        {
            if (term.Degree != degree)
            {
                degree = term.Degree;
                writer.WriteComment($"adjoint of Y{N(degree + 1)} = A·(u ⊗ Y{N(degree)}): into u{(degree > 0 ? $" and Y{N(degree)}" : string.Empty)}");
            }

            Sum(s_vectorAdjoints[term.Product.Axis], false, (term.Source, term.Product.Harmonic, term.Product.Coefficient));
            if (term.Target is not null)
            {
                Sum(term.Target, term.DeclaresTarget, (term.Source, s_axes[term.Product.Axis], term.Product.Coefficient));
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

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
