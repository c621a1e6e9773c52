using System;
using TensorGen.Model;

namespace TensorGen.Decompositions.Lowering;

/// <summary>
/// One operand of a lowered einsum network: which input of the operation supplies it (<see cref="Source"/>,
/// in the operation's parameter order), which component of that input it is, whether it enters complex
/// conjugated, and its index labels.
/// </summary>
internal sealed class LoweredOperand : IEquatable<LoweredOperand>
{
    public LoweredOperand(int source, OperandPart part, int index, bool conjugate, EquatableArray<string> labels)
    {
        Source = source;
        Part = part;
        Index = index;
        Conjugate = conjugate;
        Labels = labels;
    }

    /// <summary>The operation's input (0 = its first parameter) this operand comes from.</summary>
    public int Source { get; }

    public OperandPart Part { get; }

    /// <summary>The factor's or core's mode (0-based); for a dense input, its position among the dense inputs; 0 otherwise.</summary>
    public int Index { get; }

    /// <summary>True when the operand enters conjugated (the left side of an inner product); real types ignore it.</summary>
    public bool Conjugate { get; }

    public EquatableArray<string> Labels { get; }

    public bool Equals(LoweredOperand? other) =>
        other is not null && Source == other.Source && Part == other.Part && Index == other.Index
        && Conjugate == other.Conjugate && Labels.Equals(other.Labels);

    public override bool Equals(object? obj) => Equals(obj as LoweredOperand);

    public override int GetHashCode() => (Source * 397) ^ ((int)Part * 31) ^ Index ^ Labels.GetHashCode();

    public override string ToString() => $"{Part} {Index} of input {Source}{(Conjugate ? " (conjugated)" : string.Empty)}: {string.Concat(Labels)}";
}
