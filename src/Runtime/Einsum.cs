using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Parsing;
using TensorGen.Planning;
using TensorGen.Runtime;

namespace TensorGen;

/// <summary>
/// Einstein summation over expressions known only at run time, with numpy.einsum's semantics: planned for the actual
/// sizes by the compile-time planner (Auto, under a 100 ms limit) and run by the same runtime that generated code calls.
/// Each expression is parsed once and each of its shapes planned once; the programs and plans are cached (bounded).
/// </summary>
/// <remarks>
/// System.Numerics.Tensors 10 has no rank-0 tensor, so a scalar (an operand or output with no index) is a
/// one-element tensor of shape <c>[1]</c>. Operands may be any strided views (transposed, sliced, broadcast
/// with stride 0).
/// </remarks>
public static class Einsum
{
    private const string ResultName = "result";

    /// <summary>Bounds the expressions kept parsed (each keeps its plans for up to 64 shapes); beyond it they are parsed per call.</summary>
    private const int MaxCachedPrograms = 256;

    /// <summary>Programs by expression and by the parameter their error messages name (operands or shapes).</summary>
    private static readonly ConcurrentDictionary<(string Expression, string Parameter), EinsumProgram> s_programs = new();

    /// <summary>Evaluates <paramref name="expression"/> into a new dense tensor.</summary>
    /// <param name="expression">numpy.einsum subscripts, e.g. <c>"ij,jk->ik"</c>, <c>"ii"</c> or <c>"...ij,...jk"</c>.</param>
    /// <param name="operands">One tensor per input term.</param>
    /// <exception cref="ArgumentException">The expression is invalid, or the operands' shapes do not fit it.</exception>
    public static Tensor<T> Evaluate<T>(string expression, params ReadOnlySpan<Tensor<T>> operands)
        where T : unmanaged, INumberBase<T>
    {
        EinsumBinding binding = BindOperands(expression, operands);
        ReadOnlySpan<nint> shape = binding.OutputShape;
        Tensor<T> result = Tensor.CreateFromShape<T>(shape.Length == 0 ? [1] : shape);
        TensorSpan<T> view = result.AsTensorSpan();
        binding.Result(view.Lengths, view.Strides);
        BoundProgramRunner.Run(binding, operands, TensorMemory.Of(view), accumulate: false);
        return result;
    }

    /// <summary>Evaluates <paramref name="expression"/> into <paramref name="result"/>, which must have exactly the output's shape.</summary>
    /// <param name="expression">numpy.einsum subscripts.</param>
    /// <param name="operands">One tensor per input term.</param>
    /// <param name="result">Where to write; any strided view whose elements are distinct and that shares no memory with an operand.</param>
    /// <param name="accumulate">When true, add to <paramref name="result"/> instead of overwriting it.</param>
    /// <exception cref="ArgumentException">The expression is invalid or a shape does not fit; nothing has been written.</exception>
    public static void Evaluate<T>(string expression, ReadOnlySpan<Tensor<T>> operands, in TensorSpan<T> result, bool accumulate = false)
        where T : unmanaged, INumberBase<T>
    {
        EinsumBinding binding = BindOperands(expression, operands);
        binding.Result(result.Lengths, result.Strides);
        Span<T> resultMemory = TensorMemory.Of(result);
        for (int i = 0; i < operands.Length; i++)
        {
            TensorMemory.ThrowIfOverlaps(resultMemory, ResultName, TensorMemory.Of(operands[i].AsReadOnlyTensorSpan()), OperandName(i));
        }

        BoundProgramRunner.Run(binding, operands, resultMemory, accumulate);
    }

    /// <summary>
    /// The contraction order <see cref="Evaluate{T}(string, ReadOnlySpan{Tensor{T}})"/> would use for operands of these
    /// shapes, as opt_einsum's PathInfo table (lines separated by <c>'\n'</c>). <c>...</c> shows as one index whose
    /// size is the product of its broadcast dimensions.
    /// </summary>
    /// <exception cref="ArgumentException">The expression is invalid, or the shapes do not fit it.</exception>
    public static string Path(string expression, params ReadOnlySpan<nint[]> shapes)
    {
        EinsumProgram program = ProgramFor(expression, nameof(shapes));
        EinsumExpression parsed = program.Expression;
        ThrowIfCountMismatch(parsed, shapes.Length, nameof(shapes));
        EinsumBinding binding = program.Bind();
        for (int i = 0; i < shapes.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(shapes[i], $"shapes[{i}]");
            binding.Operand(i, shapes[i], EinsumProgram.RowMajorStrides(shapes[i]));
        }

        ResolvedShapes resolved = binding.Resolved;
        ContractionPath path = program.PlanFor(resolved).Plan.Path;

        // Show "..." as written: one index, sized as all its broadcast dimensions together.
        var sizes = program.Labels.Letters.ToDictionary(l => l, l => (long)resolved.Sizes[program.Labels.IdOf(l)], StringComparer.Ordinal);
        ReadOnlySpan<nint> broadcast = resolved.Sizes.AsSpan(program.Labels.LetterCount);
        long ellipsisSize = broadcast.Contains(0) ? 0 : 1;
        foreach (nint size in ellipsisSize == 0 ? [] : broadcast)
        {
            if (ellipsisSize > long.MaxValue / size)
            {
                throw new ArgumentException(
                    $"The broadcast dimensions of \"...\" ({ShapeText.Format(broadcast)}) hold more than 2^63 elements, too many to count; "
                    + "no tensor has them.", nameof(shapes));
            }

            ellipsisSize *= size;
        }

        sizes[EinsumExpression.Ellipsis] = ellipsisSize;
        ContractionPlan shown = ContractionPlan.Lower(parsed, path, sizes);
        return string.Join("\n", PathInfo.Format(shown, SizeNote(program.Labels, resolved, parsed.HasEllipsis)));
    }

    private static EinsumBinding BindOperands<T>(string expression, ReadOnlySpan<Tensor<T>> operands)
    {
        EinsumProgram program = ProgramFor(expression, nameof(operands));
        ThrowIfCountMismatch(program.Expression, operands.Length, nameof(operands));
        EinsumBinding binding = program.Bind();
        for (int i = 0; i < operands.Length; i++)
        {
            Tensor<T> operand = operands[i] ?? throw new ArgumentNullException(OperandName(i));
            binding.Operand(i, operand.Lengths, operand.Strides);
        }

        return binding;
    }

    /// <summary>The program of <paramref name="expression"/>: parsed once, then planned per shape (see <see cref="EinsumProgram.PlanFor"/>).</summary>
    private static EinsumProgram ProgramFor(string expression, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (s_programs.TryGetValue((expression, parameterName), out EinsumProgram? cached))
        {
            return cached;
        }

        EinsumExpression parsed = EinsumProgram.Parse(expression);
        var program = EinsumProgram.PlannedPerBinding(parsed, Names(parsed, parameterName));
        if (s_programs.Count < MaxCachedPrograms)
        {
            s_programs.TryAdd((expression, parameterName), program);
        }

        return program;
    }

    private static void ThrowIfCountMismatch(EinsumExpression expression, int count, string parameterName)
    {
        if (count != expression.Inputs.Count)
        {
            throw new ArgumentException(
                $"Expression \"{expression.Text}\" has {expression.Inputs.Count} operand term{(expression.Inputs.Count == 1 ? string.Empty : "s")} "
                + $"but {count} {(parameterName == "shapes" ? "shape" : "operand")}{(count == 1 ? " was" : "s were")} given.",
                parameterName);
        }
    }

    private static string OperandName(int index) => "operands[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static string[] Names(EinsumExpression expression, string parameterName) =>
        Enumerable.Range(0, expression.Inputs.Count)
            .Select(i => parameterName + "[" + i.ToString(CultureInfo.InvariantCulture) + "]")
            .Append(ResultName).ToArray();

    /// <summary>"i=3, j=4, ...=[2, 5]" — each letter's size, and the broadcast dimensions of "..." if any.</summary>
    private static string SizeNote(ExpressionLabels labels, ResolvedShapes resolved, bool hasEllipsis)
    {
        var parts = labels.Letters.Select(l => l + "=" + ((long)resolved.Sizes[labels.IdOf(l)]).ToString(CultureInfo.InvariantCulture));
        if (hasEllipsis)
        {
            parts = parts.Append("...=" + ShapeText.Format(resolved.Sizes.AsSpan(labels.LetterCount)));
        }

        return string.Join(", ", parts);
    }
}
