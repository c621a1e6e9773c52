using System.Globalization;
using System.Linq;

namespace TensorGen.Tests.Reference;

/// <summary>A dense row-major array of doubles; a scalar has shape <c>[]</c> and one element.</summary>
public sealed record RefArray(double[] Data, int[] Shape)
{
    public int Rank => Shape.Length;

    public override string ToString() =>
        "[" + string.Join(", ", Shape) + "] {" + string.Join(", ", Data.Take(12).Select(v => v.ToString("G6", CultureInfo.InvariantCulture)))
        + (Data.Length > 12 ? ", …" : string.Empty) + "}";
}
