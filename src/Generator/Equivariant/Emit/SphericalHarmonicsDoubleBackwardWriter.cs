using System.Linq;
using TensorGen.Equivariance;

namespace TensorGen.Emit.Equivariant;

/// <summary>
/// Writes the body of a <c>[SphericalHarmonicsDoubleBackward]</c> kernel — one tile (CPU) or one row (GPU) — from its
/// <see cref="SphericalHarmonicsDoubleBackwardPlan"/> through a <see cref="ShDialect"/>, over the operands <c>vectors</c>,
/// <c>gradOutput</c>, <c>gradGradVectors</c> (read) and <c>gradVectors</c>, <c>gradGradOutput</c> (written).
/// </summary>
internal static class SphericalHarmonicsDoubleBackwardWriter
{
    private static readonly string[] s_axes = { "x", "y", "z" };

    public static void Write(SourceWriter writer, SphericalHarmonicsDoubleBackwardPlan plan, ShDialect dialect)
    {
        SphericalHarmonicsSpec spec = plan.Spec;
        int dim = spec.Irreps.Dim;
        string type = dialect.Type;
        if (plan.IsZero)
        {
            writer.WriteComment("only Y⁰ = constant (or nothing): both results are zero");
            WriteVector(writer, dialect, "gradVectors", s_axes.Select(_ => dialect.Zero).ToArray());
            foreach (ShTangentFeature feature in plan.TangentFeatures)
            {
                writer.WriteLine(dialect.Store("gradGradOutput", dim, feature.Feature, dialect.Zero));
            }

            return;
        }

        for (int axis = 0; axis < 3; axis++)
        {
            writer.WriteLine($"{type} {s_axes[axis]} = {dialect.Load("vectors", 3, axis)};");
        }

        if (spec.Normalize)
        {
            // u = r / max(|r|, ε) and its tangent u̇ = (v − u (u·v)) / |r| above ε, v / ε below (where u is linear in r).
            writer.WriteComment("as the forward: e3nn divides by max(|r|, 1e-12); the tangent of u along v = gradGradVectors");
            for (int axis = 0; axis < 3; axis++)
            {
                writer.WriteLine($"{type} v{s_axes[axis]} = {dialect.Load("gradGradVectors", 3, axis)};");
            }

            writer.WriteLine($"{type} radius = {dialect.Sqrt("(x * x) + (y * y) + (z * z)")};");
            writer.WriteLine($"{type} length = {dialect.Max("radius", NumericLiteral.Of(1e-12, dialect.Element))};");
            foreach (string axis in s_axes)
            {
                writer.WriteLine($"{axis} /= length;");
            }

            writer.WriteLine($"{type} along = {dialect.AboveEpsilon("radius", "(x * vx) + (y * vy) + (z * vz)")};");
            foreach (string axis in s_axes)
            {
                writer.WriteLine($"{type} d{axis} = (v{axis} - ({axis} * along)) / length;");
            }
        }
        else
        {
            writer.WriteComment("the tangent direction: gradGradVectors");
            for (int axis = 0; axis < 3; axis++)
            {
                writer.WriteLine($"{type} d{s_axes[axis]} = {dialect.Load("gradGradVectors", 3, axis)};");
            }
        }

        writer.WriteComment("forward: Y¹ … Y^(lmax − 1) and their tangents Ẏ¹ … Ẏ^lmax along v");
        WriteSums(writer, plan.Forward, dialect);

        writer.WriteComment("gradGradOutput = J·v: the tangents, over the normalization (Ẏ⁰ = 0)");
        foreach (ShTangentFeature feature in plan.TangentFeatures)
        {
            string value = feature.Tangent is null ? dialect.Zero
                : feature.Divisor == 1.0 ? feature.Tangent : $"{feature.Tangent} / {NumericLiteral.Of(feature.Divisor, dialect.Element)}";
            writer.WriteLine(dialect.Store("gradGradOutput", dim, feature.Feature, value));
        }

        writer.WriteComment("adjoints of the harmonics, as the backward: the output gradient summed over every copy, over the normalization");
        foreach (ShAdjointSum sum in plan.Backward.Sums)
        {
            string loads = string.Join(" + ", sum.Features.Select(f => dialect.Load("gradOutput", dim, f)));
            writer.WriteLine($"{type} {sum.Target} = {(sum.Divisor == 1.0 ? loads : $"({loads}) / {NumericLiteral.Of(sum.Divisor, dialect.Element)}")};");
        }

        if (plan.NeedsVectorAdjoint)
        {
            foreach (string axis in s_axes)
            {
                writer.WriteLine($"{type} g{axis} = {dialect.Zero};");
            }
        }

        foreach (string axis in s_axes)
        {
            writer.WriteLine($"{type} dg{axis} = {dialect.Zero};");
        }

        writer.WriteComment("reverse: each adjoint term of the backward and its tangent, l = lmax − 1 … 0");
        WriteSums(writer, plan.Reverse, dialect);

        if (spec.Normalize)
        {
            // r̄ |r| = ū − u s with s = u·ū (zero below ε), so (r̄)˙ = (ū̇ − u̇ s − u ṡ − r̄ (|r|)˙) / |r|, (|r|)˙ = u·v.
            writer.WriteComment("through the normalization: the tangent of r̄ = (ū − u (u·ū)) / |r| above ε; ū̇ / ε below");
            writer.WriteLine($"{type} radial = {dialect.AboveEpsilon("radius", "(x * gx) + (y * gy) + (z * gz)")};");
            writer.WriteLine($"{type} dradial = {dialect.AboveEpsilon("radius", "(dx * gx) + (dy * gy) + (dz * gz) + (x * dgx) + (y * dgy) + (z * dgz)")};");
            foreach (string axis in s_axes)
            {
                writer.WriteLine($"{type} r{axis} = (g{axis} - ({axis} * radial)) / length;");
            }

            foreach (string axis in s_axes)
            {
                writer.WriteLine($"dg{axis} = (dg{axis} - (d{axis} * radial) - ({axis} * dradial) - (r{axis} * along)) / length;");
            }
        }

        writer.WriteComment("gradVectors = H·v");
        WriteVector(writer, dialect, "gradVectors", new[] { "dgx", "dgy", "dgz" });
    }

    private static void WriteSums(SourceWriter writer, System.Collections.Generic.IEnumerable<ShSum> sums, ShDialect dialect)
    {
        foreach (ShSum sum in sums)
        {
            var terms = sum.Terms.Select(t => (t.Left, t.Right, NumericLiteral.Of(t.Coefficient, dialect.Element))).ToArray();
            foreach (string line in dialect.Sum(sum.Target, sum.Declares, terms))
            {
                writer.WriteLine(line);
            }
        }
    }

    private static void WriteVector(SourceWriter writer, ShDialect dialect, string operand, string[] values)
    {
        for (int axis = 0; axis < 3; axis++)
        {
            writer.WriteLine(dialect.Store(operand, 3, axis, values[axis]));
        }
    }
}
