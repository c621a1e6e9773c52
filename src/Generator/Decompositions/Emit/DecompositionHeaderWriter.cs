using System.Globalization;
using System.Linq;
using TensorGen.Decompositions.Lowering;
using TensorGen.Decompositions.Model;
using TensorGen.Decompositions.Validation;
using TensorGen.Emit;
using TensorGen.Planning;

namespace TensorGen.Decompositions.Emit;

/// <summary>
/// The comment at the top of a generated decomposition kernel: what was declared (format, operation, element type,
/// form), the einsum network it was lowered to, and each network's plan as opt_einsum's PathInfo table.
/// </summary>
internal static class DecompositionHeaderWriter
{
    public static void Write(SourceWriter writer, DecompositionKernel kernel, System.Collections.Generic.IReadOnlyList<ContractionHelper> helpers)
    {
        OperationSpec spec = kernel.Spec;
        writer.WriteComment($"TensorGen decomposition kernel {kernel.Declaration.Method.DisplayName}");
        writer.WriteComment(string.Empty);
        writer.WriteComment("  Format:         " + FormatText(spec.Format) + ", order " + CSharpLiteral.Int(spec.Order) + SizesText(kernel));
        writer.WriteComment("  Operation:      " + spec.Operation + " — " + OperationText(spec));
        writer.WriteComment("  Element type:   " + (kernel.Element == DecompositionElement.Complex ? "System.Numerics.Complex" : kernel.ElementType));
        writer.WriteComment("  Form:           " + (kernel.IsStatic
            ? "static sizes: components and dense operands are checked against the declaration; loops specialized to the sizes"
            : "dynamic sizes: lengths and strides are read at run time (TensorGen.Runtime)"));
        if (kernel.Spec.Operation == DecompositionOperation.Apply)
        {
            writer.WriteComment("  Core by core:   A_k [a, m, n, b] and x_k [c, n, d] give the product's core [(a c), m, (b d)] (Oseledets 2011 §4.3).");
        }

        foreach (ContractionHelper helper in helpers)
        {
            ContractionUnit unit = helper.Unit;
            writer.WriteComment(string.Empty);
            string cores = unit.Cores.Count == 0 ? string.Empty
                : (unit.Cores.Count == 1 ? " (core " : " (cores ") + string.Join(", ", unit.Cores.Select(k => CSharpLiteral.Int(k))) + ")";
            writer.WriteComment($"{helper.Name}{cores} contracts the network");
            writer.WriteComment("  " + unit.Lowered.Expression);
            writer.WriteComment("  over " + string.Join(", ", helper.OperandNames.Select((n, i) => n.TrimStart('@') + Conjugated(kernel, unit.Lowered.Operands[i]))) + ".");
            bool sweep = unit.Lowered.SweepPath is not null && unit.Plan.Path.Equals(unit.Lowered.SweepPath);
            writer.WriteComment(!sweep
                ? "Contraction plan (opt_einsum's greedy strategy and cost units):"
                : unit.StaticSizes is null
                    ? "Contraction plan: the sweep along the train, whose cost stays linear in the cores whatever the real sizes (opt_einsum's cost units):"
                    : "Contraction plan: the sweep along the train, no costlier than the greedy planner's path for these sizes (opt_einsum's cost units):");
            foreach (string line in PathInfo.Format(unit.Plan, SizeNote(unit)))
            {
                writer.WriteComment(line);
            }

            writer.WriteComment("Kernels (TensorGen's cost model):");
            foreach (string line in helper.Kernel.Kernels.Describe(unit.Plan))
            {
                writer.WriteComment(line);
            }
        }
    }

    private static string Conjugated(DecompositionKernel kernel, LoweredOperand operand) =>
        operand.Conjugate && kernel.Element == DecompositionElement.Complex ? " (conjugated)" : string.Empty;

    private static string SizeNote(ContractionUnit unit)
    {
        if (unit.StaticSizes is { } sizes)
        {
            return string.Join(", ", unit.Lowered.Parse().DistinctLabels.Select(l => l + "=" + CSharpLiteral.Int(sizes[l])));
        }

        return $"modes assumed {CSharpLiteral.Int(LoweredContraction.AssumedModeSize)} and ranks {CSharpLiteral.Int(LoweredContraction.AssumedRankSize)} "
            + "to choose the order (" + string.Join("", unit.Lowered.RankLabels) + " are ranks); real sizes are read at run time";
    }

    private static string SizesText(DecompositionKernel kernel)
    {
        FormatShape? shape = kernel.FormatShapes.FirstOrDefault(s => s is not null && s.Format == kernel.Spec.Format);
        if (shape is null)
        {
            return string.Empty;
        }

        string modes = shape.Format == DecompositionFormat.TensorTrainMatrix
            ? string.Join(", ", shape.Modes.Select((m, k) => CSharpLiteral.Int(m) + "x" + CSharpLiteral.Int(shape.Columns[k])))
            : string.Join(", ", shape.Modes.Select(m => CSharpLiteral.Int(m)));
        return $", shape [{modes}], ranks [{string.Join(", ", shape.Ranks.Select(r => CSharpLiteral.Int(r)))}]";
    }

    private static string FormatText(DecompositionFormat format) => format switch
    {
        DecompositionFormat.Cp => "CP",
        DecompositionFormat.Tucker => "Tucker",
        DecompositionFormat.TensorTrain => "tensor train (MPS)",
        _ => "TT-matrix (MPO)",
    };

    private static string OperationText(OperationSpec spec)
    {
        string modes = string.Join(", ", spec.Modes.Select(m => m.ToString(CultureInfo.InvariantCulture)));
        return spec.Operation switch
        {
            DecompositionOperation.Reconstruct => spec.Format == DecompositionFormat.TensorTrainMatrix
                ? "the dense operator [m_1, …, m_N, n_1, …, n_N]"
                : "the dense tensor",
            DecompositionOperation.ModeProduct => $"n-mode products with dense matrices along modes {modes}",
            DecompositionOperation.ModeVectorProduct => $"contraction with dense vectors along modes {modes}",
            DecompositionOperation.Inner => "⟨x, y⟩ = Σ conj(x) y, without densifying",
            DecompositionOperation.Norm => "‖x‖ = √⟨x, x⟩, without densifying",
            DecompositionOperation.Mttkrp => $"X_({modes}) times the Khatri–Rao product of the other factors (weights not applied), never forming the Khatri–Rao product",
            DecompositionOperation.MatVec => "A times a dense vector [n_1, …, n_N]",
            DecompositionOperation.Apply => "A times a tensor train, a tensor train with multiplied bonds",
            _ => "⟨x | A | y⟩ = Σ conj(x) A y, without densifying",
        };
    }
}
