using System;
using System.Linq;
using TensorGen.Model;

namespace TensorGen.Decompositions.Lowering;

/// <summary>
/// What to lower: a format, an operation on it, the format's order (number of modes) and, for mode products,
/// vector contractions and MTTKRP, the modes it acts on (0-based, in the order the dense inputs are passed).
/// </summary>
internal sealed class OperationSpec : IEquatable<OperationSpec>
{
    public OperationSpec(DecompositionFormat format, DecompositionOperation operation, int order, EquatableArray<int> modes)
    {
        Format = format;
        Operation = operation;
        Order = order;
        Modes = modes;
    }

    public DecompositionFormat Format { get; }

    public DecompositionOperation Operation { get; }

    public int Order { get; }

    public EquatableArray<int> Modes { get; }

    public static OperationSpec Of(DecompositionFormat format, DecompositionOperation operation, int order, params int[] modes) =>
        new(format, operation, order, modes.ToEquatableArray());

    public bool Equals(OperationSpec? other) =>
        other is not null && Format == other.Format && Operation == other.Operation && Order == other.Order && Modes.Equals(other.Modes);

    public override bool Equals(object? obj) => Equals(obj as OperationSpec);

    public override int GetHashCode() => ((int)Format * 397) ^ ((int)Operation * 31) ^ Order ^ Modes.GetHashCode();

    public override string ToString() =>
        $"{Format} {Operation}, order {Order}" + (Modes.Count == 0 ? string.Empty : ", modes " + string.Join(",", Modes.Select(m => m.ToString(System.Globalization.CultureInfo.InvariantCulture))));
}
