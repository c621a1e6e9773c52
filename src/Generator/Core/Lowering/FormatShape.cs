using System;
using System.Globalization;
using System.Linq;
using TensorGen.Model;

namespace TensorGen.Decompositions.Lowering;

/// <summary>
/// A format's sizes when they are known: the mode sizes (a TT-matrix's row sizes), a TT-matrix's column sizes,
/// and the ranks — CP's single rank R, Tucker's r_1..r_N, or a train's bond ranks r_0..r_N with r_0 = r_N = 1.
/// It gives every component's shape, from which a lowered network's index sizes follow.
/// </summary>
internal sealed class FormatShape : IEquatable<FormatShape>
{
    public FormatShape(DecompositionFormat format, EquatableArray<long> modes, EquatableArray<long> columns, EquatableArray<long> ranks)
    {
        Format = format;
        Modes = modes;
        Columns = columns;
        Ranks = ranks;
    }

    public DecompositionFormat Format { get; }

    public int Order => Modes.Count;

    /// <summary>Mode sizes n_k; a TT-matrix's row sizes m_k.</summary>
    public EquatableArray<long> Modes { get; }

    /// <summary>A TT-matrix's column sizes n_k; empty for the other formats.</summary>
    public EquatableArray<long> Columns { get; }

    /// <summary>CP: [R]; Tucker: [r_1, …, r_N]; trains: [1, r_1, …, r_{N−1}, 1].</summary>
    public EquatableArray<long> Ranks { get; }

    /// <summary>The shape of component <paramref name="part"/> <paramref name="index"/>.</summary>
    public long[] ComponentShape(OperandPart part, int index) => (Format, part) switch
    {
        (DecompositionFormat.Cp, OperandPart.Weights) => new[] { Ranks[0] },
        (DecompositionFormat.Cp, OperandPart.Factor) => new[] { Modes[index], Ranks[0] },
        (DecompositionFormat.Tucker, OperandPart.Core) => Ranks.ToArray(),
        (DecompositionFormat.Tucker, OperandPart.Factor) => new[] { Modes[index], Ranks[index] },
        (DecompositionFormat.TensorTrain, OperandPart.TrainCore) => new[] { Ranks[index], Modes[index], Ranks[index + 1] },
        (DecompositionFormat.TensorTrainMatrix, OperandPart.TrainCore) => new[] { Ranks[index], Modes[index], Columns[index], Ranks[index + 1] },
        _ => throw new ArgumentException($"A {Format} tensor has no {part} component."),
    };

    /// <summary>The component a reader sees in messages: "factor 2", "core", "core 3", "weights".</summary>
    public static string ComponentName(OperandPart part, int index) => part switch
    {
        OperandPart.Weights => "weights",
        OperandPart.Core => "core",
        OperandPart.Factor => "factor " + index.ToString(CultureInfo.InvariantCulture),
        OperandPart.TrainCore => "core " + index.ToString(CultureInfo.InvariantCulture),
        _ => "operand",
    };

    public bool Equals(FormatShape? other) =>
        other is not null && Format == other.Format && Modes.Equals(other.Modes) && Columns.Equals(other.Columns) && Ranks.Equals(other.Ranks);

    public override bool Equals(object? obj) => Equals(obj as FormatShape);

    public override int GetHashCode() => ((int)Format * 397) ^ Modes.GetHashCode() ^ Ranks.GetHashCode();
}
