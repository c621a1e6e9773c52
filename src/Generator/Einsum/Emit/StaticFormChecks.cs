using System.Collections.Generic;
using System.Linq;
using TensorGen.Model;

namespace TensorGen.Emit;

/// <summary>
/// What every static-form entry point (the CPU method, the GPU device entry point) writes before its steps: each span's length
/// against its shape, the result against overlap with each input, and — when an index has size 0 — the whole answer, since
/// an empty loop space reads no operand. The backends differ only in the calls they write.
/// </summary>
internal static class StaticFormChecks
{
    /// <summary>The length and overlap checks: nothing is written unless every span has its shape's length and the result overlaps no input.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="kernel">The kernel (static form).</param>
    /// <param name="lengthCheck">The call that checks a parameter: (parameter, element count, shape text) → statement.</param>
    /// <param name="overlapCheck">The call that checks the result against an input: (result, input) → statement.</param>
    public static void Write(SourceWriter writer, EinsumKernel kernel, System.Func<ParameterModel, string, string, string> lengthCheck,
        System.Func<ParameterModel, ParameterModel, string> overlapCheck)
    {
        IReadOnlyDictionary<string, long> sizes = kernel.StaticSizes!;
        KernelMethodShape method = kernel.Method;
        var terms = kernel.Expression.Inputs.Append(kernel.Expression.Output).ToList();
        for (int i = 0; i < method.Parameters.Count; i++)
        {
            var lengths = terms[i].Labels.Select(l => sizes[l]).ToList();
            long count = lengths.Aggregate(1L, (product, length) => product * length);
            writer.WriteLine(lengthCheck(method.Parameters[i], CSharpLiteral.Int(count), CSharpLiteral.String(CSharpLiteral.Shape(lengths))));
        }

        for (int i = 0; i < kernel.OperandCount; i++)
        {
            writer.WriteLine(overlapCheck(kernel.Result, method.Parameters[i]));
        }
    }

    /// <summary>
    /// When an index has size 0, the body's end: every result element is a sum of no terms. No step runs, so no operand is
    /// read: a NaN or ∞ takes part in no term (a plan of steps would multiply it by an earlier step's empty sum, 0, and make
    /// NaN). Writes the explanation and <paramref name="clear"/> (unless accumulating or the result is empty), closes the
    /// method's block and returns true; else writes nothing and returns false.
    /// </summary>
    public static bool WriteEmptyLoopSpace(SourceWriter writer, EinsumKernel kernel, string clear)
    {
        IReadOnlyDictionary<string, long> sizes = kernel.StaticSizes!;
        if (kernel.Expression.DistinctLabels.FirstOrDefault(l => sizes[l] == 0) is not { } empty)
        {
            return false;
        }

        writer.WriteLine();
        if (kernel.Expression.Output.Labels.Contains(empty))
        {
            writer.WriteComment($"Index {empty} has size 0: the result has no elements.");
        }
        else if (kernel.Accumulate)
        {
            writer.WriteComment($"Index {empty} has size 0: every sum is empty, so nothing is added.");
        }
        else
        {
            writer.WriteComment($"Index {empty} has size 0: every sum is empty, so every element is 0.");
            writer.WriteLine(clear);
        }

        writer.CloseBlock();
        return true;
    }
}
