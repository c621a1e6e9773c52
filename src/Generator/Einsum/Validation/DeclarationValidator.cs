using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Diagnostics;
using TensorGen.Emit;
using TensorGen.Model;
using TensorGen.Parsing;
using TensorGen.Planning;

namespace TensorGen.Validation;

/// <summary>
/// Checks a declaration and, when it is sound, parses and plans it: the method's shape (TG0006), the
/// parameters against the expression and the form (TG0002–TG0005), the expression (TG0001, TG0007, TG0008),
/// the sizes (TG0009–TG0015; TG0014 also for a planned FLOP count beyond 2^63) and the planning options
/// (TG0016–TG0018). It reports every independent problem it
/// finds, not just the first.
/// </summary>
internal static class DeclarationValidator
{
    public static ValidationResult Validate(EinsumMethodModel declaration)
    {
        KernelMethodShape method = declaration.Method;
        var diagnostics = new List<DiagnosticInfo>();
        if (declaration.AttributeHasErrors)
        {
            // The compiler reports the attribute's own errors; there is nothing sound to check.
            return new ValidationResult(diagnostics, null);
        }

        MethodShapeCheck.Check(method, "[Einsum]", s_methodShape, diagnostics);

        EinsumParseResult parsed = EinsumParser.Parse(declaration.Expression.Value);
        EinsumExpression? expression = parsed.Expression;
        if (parsed.Error is { } expressionError)
        {
            diagnostics.Add(FromParserError(declaration, expressionError, isSizesText: false));
        }

        bool isStatic = declaration.Sizes.Value is not null;
        string? elementType = CheckParameters(declaration, expression, isStatic, diagnostics);

        IReadOnlyDictionary<string, long>? staticSizes = null;
        if (expression is not null && isStatic)
        {
            IndexSizesResult sizes = IndexSizes.Parse(declaration.Sizes.Value!, expression);
            if (sizes.Error is { } sizesError)
            {
                diagnostics.Add(FromParserError(declaration, sizesError, isSizesText: sizesError.Kind != EinsumErrorKind.EllipsisInStaticForm));
            }

            staticSizes = sizes.Sizes;
        }

        PlanningRequest? planning = expression is null ? null : PlanningValidator.Check(declaration, expression, isStatic, diagnostics);
        CheckBackends(declaration, diagnostics);
        CheckComplexOnGpu(declaration, elementType, diagnostics);
        if (diagnostics.Count > 0 || expression is null || elementType is null || planning is null)
        {
            return new ValidationResult(diagnostics, null);
        }

        // The output's labels too: "..." may be written in the output alone (standing for no dimension).
        IReadOnlyDictionary<string, long> planSizes = staticSizes
            ?? expression.DistinctLabels.Concat(expression.Output.Labels).Distinct().ToDictionary(l => l, l => planning.SizeHints is { } hints && hints.TryGetValue(l, out long hinted)
                ? hinted : PlanHeaderWriter.DynamicAssumedSize);
        ContractionPlan? plan = PlanningValidator.Plan(declaration, expression, planning, planSizes, diagnostics);
        if (plan is not null && staticSizes is not null)
        {
            CheckIntermediates(declaration, plan, diagnostics);
            CheckFlops(declaration, plan, diagnostics);
            if (declaration.WantsGpu && plan.SlicedLabels.Count > 0)
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticIds.GpuUnsupported,
                    $"MemoryLimit slices this plan over {string.Join(", ", plan.SlicedLabels)}, which the GPU kernels do not do. Remove Backend.Gpu, "
                    + "or raise MemoryLimit (or remove it) so that no index is sliced.",
                    declaration.BackendsLocation ?? method.Location));
            }
        }

        if (plan is null || diagnostics.Count > 0)
        {
            return new ValidationResult(diagnostics, null);
        }

        return new ValidationResult(diagnostics, new EinsumKernel(method, declaration.ProgramFieldName, declaration.Accumulate, expression, plan, staticSizes, elementType, planning));
    }

    /// <summary>
    /// TG0019: <c>Backends</c> holds only Backend flags (Cpu = 1, Gpu = 2) and at least one; TG0021: the GPU backend is asked
    /// for where it cannot be written (Replan; a generic containing type, whose kernels ILGPU cannot load as written).
    /// </summary>
    private static void CheckBackends(EinsumMethodModel declaration, List<DiagnosticInfo> diagnostics)
    {
        KernelMethodShape method = declaration.Method;
        if (declaration.Backends is not { } backends)
        {
            return;
        }

        LocationInfo? location = declaration.BackendsLocation ?? method.Location;
        if (backends == 0 || (backends & ~3) != 0)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.InvalidBackends,
                $"Backends = {backends.ToString(CultureInfo.InvariantCulture)} is not a combination of Backend.Cpu (1) and Backend.Gpu (2). "
                + "Write Backends = Backend.Cpu, Backend.Gpu or Backend.Cpu | Backend.Gpu.",
                location));
            return;
        }

        if (!declaration.WantsGpu)
        {
            return;
        }

        if (declaration.Planning.Replan)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.GpuUnsupported,
                $"'{method.DisplayName}' sets Replan, which the GPU kernels do not do (they run the compiled order). Remove Replan or Backend.Gpu.",
                location));
        }

        if (method.ContainingTypes.FirstOrDefault(t => t.TypeParameters.Count > 0) is { } generic)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.GpuUnsupported,
                $"'{method.DisplayName}' is in the generic type '{generic.Name}', where ILGPU cannot load the generated kernels. "
                + "Declare GPU kernels in a non-generic type, or remove Backend.Gpu.",
                location));
        }
    }

    /// <summary>TG0021: the GPU kernels compute in float or double (ILGPU has no System.Numerics.Complex arithmetic).</summary>
    private static void CheckComplexOnGpu(EinsumMethodModel declaration, string? elementType, List<DiagnosticInfo> diagnostics)
    {
        // Backends outside Cpu | Gpu are TG0019 already.
        if (elementType == ComplexElementType && declaration.WantsGpu && (declaration.Backends & ~3) == 0)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.GpuUnsupported,
                $"'{declaration.Method.DisplayName}' has Complex elements, which the GPU kernels do not compute (they are generated for float and double). "
                + "Remove Backend.Gpu, or declare the kernel over float or double (e.g. real and imaginary parts as separate operands).",
                declaration.BackendsLocation ?? declaration.Method.Location));
        }
    }

    /// <summary>TG0006, in einsum's words.</summary>
    private static readonly MethodShapeRules s_methodShape = new(
        DiagnosticIds.NotStaticPartialVoid,
        NotStatic: "An einsum kernel is 'static partial void'; add 'static'.",
        ReturnsValue: "An einsum kernel writes into its last parameter and returns void; declare it 'static partial void'.",
        Generic: "Kernels are generated for float, double or Complex; remove the type parameters and choose the element type.",
        NotPartial: method => $"Declare it 'static partial void {method.Name}(...);' without a body so that TensorGen can implement it.",
        HasBody: method => $"TensorGen writes the body; remove yours and keep the declaration 'static partial void {method.Name}(...);'.",
        FileLocalType: "; its generated part would be in another file. Remove 'file'.");

    /// <summary>TG0002–TG0005; returns the common element type (<c>float</c>, <c>double</c> or <see cref="ComplexElementType"/>) when the parameters agree on one.</summary>
    private static string? CheckParameters(EinsumMethodModel declaration, EinsumExpression? expression, bool isStatic, List<DiagnosticInfo> diagnostics)
    {
        KernelMethodShape method = declaration.Method;
        int before = diagnostics.Count;
        var parameters = method.Parameters;
        if (expression is not null && parameters.Count != expression.Inputs.Count + 1)
        {
            int n = expression.Inputs.Count;
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.OperandCountMismatch,
                $"Expression \"{expression.Text}\" has {Count(n, "operand")}, but '{method.DisplayName}' has {Count(parameters.Count, "parameter")}: "
                + $"{Count(n, "operand")} + 1 result = {n + 1} expected. Declare one parameter per operand, in order, then the result.",
                method.Location));
        }

        if (method.IsVararg)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.WrongParameterKind,
                $"'{method.DisplayName}' takes '__arglist'. Einsum parameters are one span per operand, then the result; remove '__arglist'.",
                method.Location));
        }

        string form = isStatic
            ? "Sizes is given, so this is the static form: operands are ReadOnlySpan<T> and the result a Span<T> (dense, row-major)"
            : "without Sizes this is the dynamic form: operands are ReadOnlyTensorSpan<T> and the result a TensorSpan<T>";
        string otherForm = isStatic ? "remove Sizes for the dynamic form" : "give every index's size in Sizes for the static form";
        for (int i = 0; i < parameters.Count; i++)
        {
            ParameterModel p = parameters[i];
            bool isResult = i == parameters.Count - 1;
            string role = isResult ? "result" : "operand";
            if (p.Modifier.Length > 0)
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticIds.WrongParameterKind,
                    $"The {role} parameter '{p.DisplayName}' is declared '{p.Modifier}'. Einsum parameters are spans passed by value; remove '{p.Modifier}'.",
                    p.Location));
                continue;
            }

            SpanKind expected = (isStatic, isResult) switch
            {
                (true, false) => SpanKind.ReadOnlySpan,
                (true, true) => SpanKind.Span,
                (false, false) => SpanKind.ReadOnlyTensorSpan,
                (false, true) => SpanKind.TensorSpan,
            };
            string elementShown = ElementShown(p.Element);
            if (p.Kind != expected)
            {
                bool kindOfOtherForm = isStatic
                    ? p.Kind is SpanKind.ReadOnlyTensorSpan or SpanKind.TensorSpan
                    : p.Kind is SpanKind.ReadOnlySpan or SpanKind.Span;
                string message;
                if (isResult && p.Kind is SpanKind.ReadOnlySpan or SpanKind.ReadOnlyTensorSpan && !kindOfOtherForm)
                {
                    message = $"The result parameter '{p.DisplayName}' is {p.TypeDisplay}, which is read-only; the result is written, so declare it {Name(expected)}<{elementShown}>.";
                }
                else if (kindOfOtherForm)
                {
                    message = $"The {role} parameter '{p.DisplayName}' is {p.TypeDisplay}, but {form}. Declare it {Name(expected)}<{elementShown}>, or {otherForm}.";
                }
                else if (!isResult && p.Kind != SpanKind.Other)
                {
                    message = $"The operand parameter '{p.DisplayName}' is {p.TypeDisplay}; operands are only read, so declare it {Name(expected)}<{elementShown}>.";
                }
                else
                {
                    message = $"The {role} parameter '{p.DisplayName}' is {p.TypeDisplay}, but {form}. Declare it {Name(expected)}<float>, {Name(expected)}<double> or {Name(expected)}<Complex>.";
                }

                diagnostics.Add(new DiagnosticInfo(DiagnosticIds.WrongParameterKind, message, p.TypeLocation));
            }

            if (p.Kind != SpanKind.Other && p.Element == ElementKind.Other)
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticIds.UnsupportedElementType,
                    $"The {role} parameter '{p.DisplayName}' has element type '{p.ElementTypeDisplay}'. Einsum kernels support float, double and "
                    + $"System.Numerics.Complex; declare it {Name(expected)}<float>, {Name(expected)}<double> or {Name(expected)}<Complex>.",
                    p.TypeLocation));
            }
        }

        var typed = parameters.Where(p => p.Modifier.Length == 0 && p.Kind != SpanKind.Other && p.Element != ElementKind.Other).ToList();
        if (typed.Count > 0)
        {
            ParameterModel first = typed[0];
            foreach (ParameterModel p in typed.Skip(1).Where(p => p.Element != first.Element))
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticIds.MixedElementTypes,
                    $"Parameter '{p.DisplayName}' has element type {p.ElementTypeDisplay}, but '{first.DisplayName}' has {first.ElementTypeDisplay}. "
                    + "All operands and the result of one kernel share one element type; use float, double or Complex everywhere.",
                    p.TypeLocation));
            }
        }

        if (diagnostics.Count > before || typed.Count == 0)
        {
            return null;
        }

        return typed[0].Element switch
        {
            ElementKind.Double => "double",
            ElementKind.Complex => ComplexElementType,
            _ => "float",
        };
    }

    /// <summary>The element type generated code declares for System.Numerics.Complex (as the decomposition helpers do).</summary>
    internal const string ComplexElementType = "global::System.Numerics.Complex";

    /// <summary>The element type as a message shows it in a suggested declaration.</summary>
    private static string ElementShown(ElementKind element) => element switch
    {
        ElementKind.Double => "double",
        ElementKind.Complex => "Complex",
        _ => "float",
    };

    /// <summary>TG0014 for the plan's intermediates (IndexSizes has checked the operands and the result).</summary>
    private static void CheckIntermediates(EinsumMethodModel declaration, ContractionPlan plan, List<DiagnosticInfo> diagnostics)
    {
        KernelMethodShape method = declaration.Method;
        for (int k = 0; k < plan.Steps.Count; k++)
        {
            ContractionStep step = plan.Steps[k];
            if (!step.IsFinal && step.ResultSize > int.MaxValue)
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticIds.SizeOverflow,
                    $"With these Sizes step {(k + 1).ToString(CultureInfo.InvariantCulture)} of the plan ({step.Contraction}) makes an intermediate of "
                    + $"{PathInfo.Number(step.ResultSize)} elements, more than a span can hold ({int.MaxValue.ToString(CultureInfo.InvariantCulture)}). Use smaller sizes.",
                    declaration.Sizes.Location ?? method.Location));
                return;
            }
        }
    }

    /// <summary>
    /// TG0014 for the plan's cost: FLOP counts are doubles (opt_einsum's units), so they cannot wrap, but a count beyond
    /// 2^63 fits no 64-bit integer and is a kernel that would not finish (centuries at 10^12 FLOP/s).
    /// </summary>
    private static void CheckFlops(EinsumMethodModel declaration, ContractionPlan plan, List<DiagnosticInfo> diagnostics)
    {
        KernelMethodShape method = declaration.Method;
        const double TwoToThe63 = 9223372036854775808.0;
        if (!(plan.Flops < TwoToThe63))
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.SizeOverflow,
                $"With these Sizes the planned contraction costs {PathInfo.Number(plan.Flops)} FLOPs, more than 2^63 (beyond a 64-bit count). Use smaller sizes.",
                declaration.Sizes.Location ?? method.Location));
        }
    }

    /// <summary>A parser or size error as its TG diagnostic, located at the offending characters of the expression or of Sizes.</summary>
    private static DiagnosticInfo FromParserError(EinsumMethodModel declaration, EinsumError error, bool isSizesText)
    {
        KernelMethodShape method = declaration.Method;
        string id = error.Kind switch
        {
            EinsumErrorKind.MalformedExpression => DiagnosticIds.MalformedExpression,
            EinsumErrorKind.OutputIndexNotInInputs => DiagnosticIds.OutputIndexNotInInputs,
            EinsumErrorKind.RepeatedOutputIndex => DiagnosticIds.RepeatedOutputIndex,
            EinsumErrorKind.MalformedSizes => DiagnosticIds.MalformedSizes,
            EinsumErrorKind.MissingSize => DiagnosticIds.MissingSize,
            EinsumErrorKind.ConflictingSize => DiagnosticIds.ConflictingSize,
            EinsumErrorKind.UnknownSizeIndex => DiagnosticIds.UnknownSizeIndex,
            EinsumErrorKind.NegativeSize => DiagnosticIds.NegativeSize,
            EinsumErrorKind.SizeOverflow => DiagnosticIds.SizeOverflow,
            EinsumErrorKind.EllipsisInStaticForm => DiagnosticIds.EllipsisInStaticForm,
            _ => DiagnosticIds.InternalError,
        };
        AttributeArgumentModel argument = isSizesText ? declaration.Sizes : declaration.Expression;
        LocationInfo? location = argument.LocationOf(error.Position, error.Length) ?? method.Location;
        return new DiagnosticInfo(id, error.Message, location);
    }

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");

    private static string Name(SpanKind kind) => kind.ToString();
}

/// <summary>The validator's verdict: the diagnostics, and the kernel to emit when there are none.</summary>
internal sealed class ValidationResult
{
    public ValidationResult(IReadOnlyList<DiagnosticInfo> diagnostics, EinsumKernel? kernel)
    {
        Diagnostics = diagnostics;
        Kernel = kernel;
    }

    public IReadOnlyList<DiagnosticInfo> Diagnostics { get; }

    public EinsumKernel? Kernel { get; }
}
