using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using static TensorGen.Diagnostics.DescriptorFactory;

namespace TensorGen.Diagnostics;

/// <summary>The TG diagnostics of <c>[SymmetricContraction]</c>'s irreps and options. Made as every TG descriptor is (<see cref="DescriptorFactory"/>).</summary>
internal static class SymmetricContractionDiagnosticDescriptors
{
    public static DiagnosticDescriptor Multiplicity { get; } = Create(SymmetricContractionDiagnosticIds.Multiplicity,
        "Symmetric-contraction irreps do not share one multiplicity",
        "The contraction acts on each channel separately (MACE): every input and output block has the same multiplicity, at least 1, e.g. \"128x0e+128x1o+128x2e\" into \"128x0e+128x1o\".");

    public static DiagnosticDescriptor Correlation { get; } = Create(SymmetricContractionDiagnosticIds.Correlation,
        "Correlation order out of range",
        "Give Correlation = 1 to 4 (the body order is Correlation + 1; MACE uses 3).");

    public static DiagnosticDescriptor Unreachable { get; } = Create(SymmetricContractionDiagnosticIds.Unreachable,
        "Output irrep not reached by the symmetric products of the inputs",
        "No symmetric product of up to Correlation inputs couples into this irrep, so its output would always be zero: remove it, raise Correlation, or add the input irreps it needs.");

    public static DiagnosticDescriptor Elements { get; } = Create(SymmetricContractionDiagnosticIds.Elements,
        "Number of elements out of range",
        "Give Elements = 1 to 1024: the number of chemical elements, the first axis of every weight tensor.");

    public static DiagnosticDescriptor TooLarge { get; } = Create(SymmetricContractionDiagnosticIds.TooLarge,
        "Symmetric contraction too large",
        "The coupling tensors are computed exactly at build time and written as straight-line code: at most 8,192 input indices (dim^Correlation) and 16,384 terms. Use fewer or lower irreps, or a lower Correlation.");

    /// <summary>Every descriptor.</summary>
    public static IEnumerable<DiagnosticDescriptor> All => new[] { Multiplicity, Correlation, Unreachable, Elements, TooLarge };
}
