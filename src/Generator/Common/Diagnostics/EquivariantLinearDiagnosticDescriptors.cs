using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using static TensorGen.Diagnostics.DescriptorFactory;

namespace TensorGen.Diagnostics;

/// <summary>The TG diagnostics of <c>[EquivariantLinear]</c> and <c>[EquivariantLinearBackward]</c>, made as every TG descriptor is (<see cref="DescriptorFactory"/>).</summary>
internal static class EquivariantLinearDiagnosticDescriptors
{
    public static DiagnosticDescriptor WrongParameters { get; } = Create(EquivariantLinearDiagnosticIds.WrongParameters,
        "Parameters do not match the equivariant linear layer",
        "[EquivariantLinear]: (input, weights, [biases,] output); [EquivariantLinearBackward]: (input, weights, gradOutput, gradInput, gradWeights[, gradBiases]). Inputs are ReadOnlyTensorSpan<T>, results TensorSpan<T>, T float or double throughout, passed by value.");

    public static DiagnosticDescriptor BiasesMismatch { get; } = Create(EquivariantLinearDiagnosticIds.BiasesMismatch,
        "Biases parameter does not match the layer",
        "With Biases = true and a 0e output block the layer takes 'ReadOnlyTensorSpan<T> biases' after the weights (its backward pass 'TensorSpan<T> gradBiases' last); without either it takes none. Add or remove the parameter, or change Biases.");

    public static DiagnosticDescriptor UnknownForward { get; } = Create(EquivariantLinearDiagnosticIds.UnknownForward,
        "Unknown forward linear layer",
        "[EquivariantLinearBackward(nameof(Linear))] names one [EquivariantLinear] method of the same type; fix the name or add the attribute to the forward method.");

    public static DiagnosticDescriptor NothingConnects { get; } = Create(EquivariantLinearDiagnosticIds.NothingConnects,
        "No input irrep reaches the output",
        "o3.Linear mixes channels of one irrep only: give the output an irrep of the input (e.g. \"8x0e\" for a \"16x0e\" input), or set Biases = true with a 0e output.");

    /// <summary>Every descriptor.</summary>
    public static IEnumerable<DiagnosticDescriptor> All => new[] { WrongParameters, BiasesMismatch, UnknownForward, NothingConnects };
}
