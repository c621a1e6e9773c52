using System.Linq;
using TensorGen.Model;
using TensorGen.Parsing;
using TensorGen.Planning;

namespace TensorGen.Emit;

/// <summary>
/// The comment at the top of a generated kernel: what was declared (expression, element type, form) and
/// the contraction plan as opt_einsum's PathInfo table, so a reader sees what the loops below compute and why
/// in that order.
/// </summary>
internal static class PlanHeaderWriter
{
    /// <summary>The size every index is assumed to have when the dynamic form is planned at build time.</summary>
    public const int DynamicAssumedSize = 32;

    public static void Write(SourceWriter writer, EinsumKernel kernel)
    {
        EinsumExpression expression = kernel.Expression;
        writer.WriteComment($"TensorGen einsum kernel {kernel.Method.DisplayName}");
        writer.WriteComment(string.Empty);
        writer.WriteComment("  Expression:     " + expression.Text);
        if (expression.IsImplicitOutput)
        {
            writer.WriteComment("  Explicit form:  " + expression.ExplicitText + "  (numpy's implicit output)");
        }

        writer.WriteComment("  Element type:   " + kernel.ElementType.Replace("global::", string.Empty));
        writer.WriteComment("  Form:           " + (kernel.IsStatic
            ? "static sizes: dense row-major spans, loops specialized to the sizes"
            : "dynamic shapes: lengths and strides are read at run time (TensorGen.Runtime)"));
        writer.WriteComment("  Result:         " + (kernel.Accumulate ? "accumulated into (Accumulate = true)" : "overwritten"));
        writer.WriteComment(string.Empty);
        writer.WriteComment($"Contraction plan ({kernel.Planning.Origin}, in opt_einsum's cost units):");
        foreach (string line in PathInfo.Format(kernel.Plan, SizeNote(kernel)))
        {
            writer.WriteComment(line);
        }

        writer.WriteComment(string.Empty);
        writer.WriteComment("Kernels (TensorGen's cost model):");
        foreach (string line in kernel.Kernels.Describe(kernel.Plan))
        {
            writer.WriteComment(line);
        }

        if (kernel.EmitsGpu)
        {
            writer.WriteComment(string.Empty);
            writer.WriteComment($"GPU kernels (Backend.Gpu, ILGPU; entry points {Gpu.GpuNames.EntryPoint(kernel.Method)}):");
            if (kernel.IsStatic)
            {
                foreach (string line in kernel.GpuKernels.Describe(kernel.Plan))
                {
                    writer.WriteComment(line);
                }
            }
            else
            {
                writer.WriteComment("  every step in TensorGen.Runtime.Gpu's strided kernel: one thread per result element, the step's");
                writer.WriteComment("  lengths and strides (bound at run time, as on the CPU) read from a device table");
            }
        }
    }

    private static string SizeNote(EinsumKernel kernel)
    {
        if (kernel.StaticSizes is { } sizes)
        {
            return string.Join(", ", kernel.Expression.DistinctLabels.Select(l => l + "=" + CSharpLiteral.Int(sizes[l])));
        }

        string then = CpuDynamicEmitter.PlansPerShape(kernel)
            ? "the starting order; each new shape is planned again for its real sizes at run time"
            : "the order, pinned; real sizes are read at run time";
        string what = kernel.Expression.HasEllipsis ? "every index and \"...\"" : "every index";
        if (kernel.Planning.SizeHints is { } hints)
        {
            string hinted = string.Join(", ", kernel.Expression.DistinctLabels.Where(hints.ContainsKey).Select(l => l + "=" + CSharpLiteral.Int(hints[l])));
            string others = hints.Count < kernel.Expression.DistinctLabels.Count ? $", others {CSharpLiteral.Int(DynamicAssumedSize)}" : string.Empty;
            return $"SizeHints {hinted}{others} (a symbol counts {CSharpLiteral.Int(SizeHints.SymbolValue)}) to choose {then}";
        }

        return $"{what} assumed {CSharpLiteral.Int(DynamicAssumedSize)} to choose {then}";
    }
}
