using System;
using System.Globalization;

namespace TensorGen.Equivariance;

/// <summary>
/// One path of a tensor product, e3nn's instruction <c>(i_in1, i_in2, i_out, mode, has_weight, path_weight)</c>:
/// block <see cref="In1"/> of x1 ⊗ block <see cref="In2"/> of x2 → block <see cref="Out"/> of the output.
/// <see cref="PathWeight"/> is the user's factor before normalization (1 when not given).
/// </summary>
internal sealed class TensorProductInstruction : IEquatable<TensorProductInstruction>
{
    public TensorProductInstruction(int in1, int in2, int @out, ConnectionMode mode, bool hasWeight, double pathWeight = 1.0)
    {
        In1 = in1;
        In2 = in2;
        Out = @out;
        Mode = mode;
        HasWeight = hasWeight;
        PathWeight = pathWeight;
    }

    public int In1 { get; }

    public int In2 { get; }

    public int Out { get; }

    public ConnectionMode Mode { get; }

    public bool HasWeight { get; }

    public double PathWeight { get; }

    public TensorProductInstruction WithOut(int @out) => new(In1, In2, @out, Mode, HasWeight, PathWeight);

    public bool Equals(TensorProductInstruction? other) =>
        other is not null && In1 == other.In1 && In2 == other.In2 && Out == other.Out && Mode == other.Mode
        && HasWeight == other.HasWeight && PathWeight.Equals(other.PathWeight);

    public override bool Equals(object? obj) => Equals(obj as TensorProductInstruction);

    public override int GetHashCode() => unchecked((((((In1 * 31) + In2) * 31) + Out) * 31) + ((int)Mode * 2) + (HasWeight ? 1 : 0));

    /// <summary>The instruction as written in <c>Instructions</c>, e.g. <c>0,1,1,uvw,true</c>.</summary>
    public override string ToString() =>
        string.Join(",", In1.ToString(CultureInfo.InvariantCulture), In2.ToString(CultureInfo.InvariantCulture), Out.ToString(CultureInfo.InvariantCulture),
            Mode.Name(), HasWeight ? "true" : "false")
        + (PathWeight == 1.0 ? string.Empty : "," + PathWeight.ToString("R", CultureInfo.InvariantCulture));
}
