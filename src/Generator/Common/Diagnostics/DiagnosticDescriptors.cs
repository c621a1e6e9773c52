using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using static TensorGen.Diagnostics.DescriptorFactory;

namespace TensorGen.Diagnostics;

/// <summary>
/// The TG diagnostics. All are errors in category "TensorGen"; the message is composed where the problem
/// is found (it names the offending character, index or parameter), the description says how to fix it.
/// </summary>
internal static class DiagnosticDescriptors
{
    public static DiagnosticDescriptor MalformedExpression { get; } = Create(DiagnosticIds.MalformedExpression,
        "Malformed einsum expression",
        "Write numpy.einsum subscripts: index letters per operand separated by ',', optionally '->' and the output indices, '...' for broadcast dimensions, e.g. \"bij,bjk->bik\".");

    public static DiagnosticDescriptor OperandCountMismatch { get; } = Create(DiagnosticIds.OperandCountMismatch,
        "Operand count does not match the parameters",
        "Declare one parameter per operand of the expression, in order, then the result last: an expression with N operands needs N + 1 parameters.");

    public static DiagnosticDescriptor UnsupportedElementType { get; } = Create(DiagnosticIds.UnsupportedElementType,
        "Unsupported element type",
        "Einsum kernels are generated for float, double and System.Numerics.Complex elements; declare the spans with one of them.");

    public static DiagnosticDescriptor MixedElementTypes { get; } = Create(DiagnosticIds.MixedElementTypes,
        "Mixed element types",
        "All operands and the result of one kernel have the same element type; use float, double or Complex everywhere.");

    public static DiagnosticDescriptor WrongParameterKind { get; } = Create(DiagnosticIds.WrongParameterKind,
        "Wrong parameter kind",
        "Without Sizes (dynamic form) operands are ReadOnlyTensorSpan<T> and the result a TensorSpan<T>; with Sizes (static form) operands are ReadOnlySpan<T> and the result a Span<T>. Parameters are passed by value: no ref, out, in or params.");

    public static DiagnosticDescriptor NotStaticPartialVoid { get; } = Create(DiagnosticIds.NotStaticPartialVoid,
        "Einsum method must be a static partial void method in partial types",
        "Declare the method as 'static partial void Name(...);' without a body and type parameters, and declare every containing type 'partial' (not 'file').");

    public static DiagnosticDescriptor OutputIndexNotInInputs { get; } = Create(DiagnosticIds.OutputIndexNotInInputs,
        "Output index absent from the inputs",
        "Every index after '->' must occur in at least one operand; remove it from the output or add it to an operand.");

    public static DiagnosticDescriptor RepeatedOutputIndex { get; } = Create(DiagnosticIds.RepeatedOutputIndex,
        "Repeated output index",
        "Write each output index once; to take a diagonal, repeat the index in an operand instead (\"ii->i\").");

    public static DiagnosticDescriptor MalformedSizes { get; } = Create(DiagnosticIds.MalformedSizes,
        "Malformed Sizes",
        "Write Sizes as comma-separated \"index=size\" pairs with one letter and a whole number each, e.g. Sizes = \"i=3,j=4\".");

    public static DiagnosticDescriptor MissingSize { get; } = Create(DiagnosticIds.MissingSize,
        "Sizes does not give every index",
        "The static form fixes every dimension: give each index of the expression a size in Sizes, or remove Sizes for the dynamic form.");

    public static DiagnosticDescriptor ConflictingSize { get; } = Create(DiagnosticIds.ConflictingSize,
        "Sizes gives an index twice",
        "Give each index exactly one size in Sizes.");

    public static DiagnosticDescriptor UnknownSizeIndex { get; } = Create(DiagnosticIds.UnknownSizeIndex,
        "Sizes names an unknown index",
        "Sizes may only name indices the expression uses; remove the entry or fix the expression.");

    public static DiagnosticDescriptor NegativeSize { get; } = Create(DiagnosticIds.NegativeSize,
        "Negative size",
        "Sizes are zero or more.");

    public static DiagnosticDescriptor SizeOverflow { get; } = Create(DiagnosticIds.SizeOverflow,
        "Size overflow",
        "An operand, the result or a planned intermediate would have more than int.MaxValue elements, more than a span holds, or the planned contraction would cost more than 2^63 FLOPs; use smaller sizes or the dynamic form with smaller tensors.");

    public static DiagnosticDescriptor EllipsisInStaticForm { get; } = Create(DiagnosticIds.EllipsisInStaticForm,
        "'...' in the static form",
        "With Sizes every dimension is named and sized: replace '...' by index letters, or remove Sizes and take ReadOnlyTensorSpan/TensorSpan parameters (dynamic form).");

    public static DiagnosticDescriptor InvalidPath { get; } = Create(DiagnosticIds.InvalidPath,
        "Invalid contraction path",
        "Write Path in opt_einsum's linear format, e.g. Path = \"[(1, 2), (0, 1)]\": each step names one or two positions in the current operand list (which are removed and the result appended); a complete path for N operands has N - 1 pairwise steps, plus any unary sum-out steps on input operands.");

    public static DiagnosticDescriptor MalformedSizeHints { get; } = Create(DiagnosticIds.MalformedSizeHints,
        "Malformed SizeHints",
        "SizeHints plans the dynamic form for the sizes it gives: comma-separated \"index=size\" pairs, a size being a whole number or a product of symbols with powers, e.g. SizeHints = \"a=chi,b=chi^2,c=4\". With Sizes (static form) the sizes are known; remove SizeHints.");

    public static DiagnosticDescriptor InvalidPlanningOption { get; } = Create(DiagnosticIds.InvalidPlanningOption,
        "Invalid planning option",
        "Strategy and Minimize take their enums' values; MemoryLimit is 0 (none) or a positive element count, for the static form; PlanningTimeLimit is in seconds, above 0 and at most 60; Replan and PinOrder are for the dynamic form and contradict each other; Path replaces planning, so Strategy, Minimize, SizeHints, PlanningTimeLimit, Replan and PinOrder do not go with it.");

    public static DiagnosticDescriptor InvalidBackends { get; } = Create(DiagnosticIds.InvalidBackends,
        "Invalid Backends value",
        "Backends takes the flags Backend.Cpu and Backend.Gpu, e.g. 'Backends = Backend.Cpu | Backend.Gpu'.");

    public static DiagnosticDescriptor GpuRuntimeNotReferenced { get; } = Create(DiagnosticIds.GpuRuntimeNotReferenced,
        "Backend.Gpu needs TensorGen.Runtime.Gpu",
        "GPU kernels are written against TensorGen.Runtime.Gpu (which brings ILGPU): add a reference to src/Runtime/Gpu/TensorGen.Runtime.Gpu.csproj (or its package), or remove Backend.Gpu.");

    public static DiagnosticDescriptor GpuUnsupported { get; } = Create(DiagnosticIds.GpuUnsupported,
        "GPU backend not supported for this declaration",
        "The GPU backend covers static-form (Sizes) and dynamic-form einsum kernels in non-generic types; it does not cover Replan or MemoryLimit slicing. Remove Backend.Gpu, or the option (or move the method out of the generic type).");

    public static DiagnosticDescriptor MultipleKernelAttributes { get; } = Create(DiagnosticIds.MultipleKernelAttributes,
        "Method carries attributes of more than one TensorGen kernel kind",
        "A method is one kernel: keep one of [Einsum], [TensorProduct], [TensorProductBackward], [SphericalHarmonics], [SphericalHarmonicsBackward], [SphericalHarmonicsDoubleBackward], [TensorProductConvolution], [TensorProductConvolutionBackward], [EquivariantLinear], [EquivariantLinearBackward], [CpKernel], [TuckerKernel], [TensorTrainKernel] and [TensorTrainMatrixKernel] on it, and declare another partial method for each other kernel. Until then the method gets only a body that throws.");

    public static DiagnosticDescriptor InternalError { get; } = Create(DiagnosticIds.InternalError,
        "TensorGen internal error",
        "The generator failed unexpectedly on this declaration; please report it with the declaration. The method gets no implementation.");

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = new[]
    {
        MalformedExpression, OperandCountMismatch, UnsupportedElementType, MixedElementTypes, WrongParameterKind,
        NotStaticPartialVoid, OutputIndexNotInInputs, RepeatedOutputIndex, MalformedSizes, MissingSize, ConflictingSize,
        UnknownSizeIndex, NegativeSize, SizeOverflow, EllipsisInStaticForm, InvalidPath, MalformedSizeHints, InvalidPlanningOption,
        InvalidBackends, GpuRuntimeNotReferenced, GpuUnsupported, MultipleKernelAttributes, InternalError,
    }.Concat(EquivariantDiagnosticDescriptors.All).Concat(MessagePassingDiagnosticDescriptors.All).Concat(SymmetricContractionDiagnosticDescriptors.All).Concat(EquivariantLinearDiagnosticDescriptors.All)
        .Concat(TensorGen.Decompositions.Diagnostics.DecompositionDiagnosticDescriptors.All).ToDictionary(d => d.Id);

    /// <summary>Every descriptor of every kernel family, by id: the one table the pipelines' diagnostics are created from.</summary>
    public static IReadOnlyDictionary<string, DiagnosticDescriptor> ById => s_byId;
}
