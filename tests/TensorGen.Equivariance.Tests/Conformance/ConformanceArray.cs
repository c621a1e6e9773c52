using System.Linq;
using System.Text.Json;

namespace TensorGen.Equivariance.Tests.Conformance;

/// <summary>An array of the conformance files: <c>{"shape": [...], "data": [...]}</c>, row-major.</summary>
public sealed record ConformanceArray(double[] Data, int[] Shape)
{
    public static ConformanceArray Read(JsonElement element) => new(
        element.GetProperty("data").EnumerateArray().Select(v => v.GetDouble()).ToArray(),
        element.GetProperty("shape").EnumerateArray().Select(v => v.GetInt32()).ToArray());

    public int Rows => Shape.Length == 0 ? 1 : Shape[0];

    public override string ToString() => "[" + string.Join(", ", Shape) + "]";
}
