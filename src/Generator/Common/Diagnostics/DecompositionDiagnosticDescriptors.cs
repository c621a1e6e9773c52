using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using static TensorGen.Diagnostics.DescriptorFactory;

namespace TensorGen.Decompositions.Diagnostics;

/// <summary>
/// The decomposition kernels' diagnostics: errors in category "TensorGen", the message composed where the problem is
/// found, the description saying how to fix it. TG9999 (internal error) and TG0022 are the shared table's.
/// </summary>
internal static class DecompositionDiagnosticDescriptors
{
    public static DiagnosticDescriptor UnknownOperation { get; } = Create(DecompositionDiagnosticIds.UnknownOperation,
        "Unknown decomposition operation",
        "Name one of the operation enum's members, e.g. [TensorTrainKernel(TensorTrainOperation.Inner, Order = 4)]; a cast integer that is not a member has no meaning.");

    public static DiagnosticDescriptor MalformedSizes { get; } = Create(DecompositionDiagnosticIds.MalformedSizes,
        "Malformed decomposition sizes",
        "Shape, Ranks and TrainRanks are comma-separated whole numbers (a TT-matrix's Shape is rows x columns per core, e.g. \"2x2,2x2\"); Modes are comma-separated mode numbers, each with ':' and the matrix's row count for a static ModeProduct (\"0:64,2:32\").");

    public static DiagnosticDescriptor OrderMismatch { get; } = Create(DecompositionDiagnosticIds.OrderMismatch,
        "Order missing or inconsistent",
        "Give Order (the number of modes: 1 to 32 for CP and Tucker, 1 to 64 for trains) or a Shape with one entry per mode; Ranks has 1 entry for CP, N for Tucker and N - 1 for trains, and TrainRanks N - 1.");

    public static DiagnosticDescriptor IncompleteStaticSizes { get; } = Create(DecompositionDiagnosticIds.IncompleteStaticSizes,
        "Incomplete static sizes",
        "The static form fixes every size: give Shape and Ranks together (and TrainRanks for a TT-matrix's Apply and Expectation, and each ModeProduct mode's row count), or give none of them for the dynamic form.");

    public static DiagnosticDescriptor InvalidModes { get; } = Create(DecompositionDiagnosticIds.InvalidModes,
        "Invalid modes",
        "ModeProduct and ModeVectorProduct take one or more distinct modes in 0..N-1, Mttkrp exactly one, e.g. Modes = \"0,2\"; the other operations take no Modes.");

    public static DiagnosticDescriptor SizeOutOfRange { get; } = Create(DecompositionDiagnosticIds.SizeOutOfRange,
        "Size out of range",
        "Sizes and ranks are at least 1, and every component, dense operand, result and planned intermediate must fit in a span (at most int.MaxValue elements).");

    public static DiagnosticDescriptor WrongSignature { get; } = Create(DecompositionDiagnosticIds.WrongSignature,
        "Signature does not match the operation",
        "Each operation has one signature (see the operation enum's documentation and the message's expected signature): the format types, dense spans of the form's kind, and the return type, in order.");

    public static DiagnosticDescriptor UnsupportedElementType { get; } = Create(DecompositionDiagnosticIds.UnsupportedElementType,
        "Unsupported or mixed element types",
        "Decomposition kernels are generated for float, double and System.Numerics.Complex elements, one of them for every parameter (a norm returns float for float, double otherwise).");

    public static DiagnosticDescriptor NotStaticPartial { get; } = Create(DecompositionDiagnosticIds.NotStaticPartial,
        "Decomposition kernel must be a static partial method in partial types",
        "Declare the method 'static partial' without a body and type parameters, and declare every containing type 'partial' (not 'file').");

    /// <summary>Every decomposition descriptor (<see cref="TensorGen.Diagnostics.DiagnosticDescriptors.ById"/> holds them with the others).</summary>
    public static IEnumerable<DiagnosticDescriptor> All => new[]
    {
        UnknownOperation, MalformedSizes, OrderMismatch, IncompleteStaticSizes, InvalidModes, SizeOutOfRange, WrongSignature,
        UnsupportedElementType, NotStaticPartial,
    };
}
