using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace TensorGen.Tests.Core;

/// <summary>The opt_einsum reference paths in Conformance/path_cases.json (see its README).</summary>
public sealed record PathCase(string Name, string Equation, IReadOnlyDictionary<string, long> Sizes, IReadOnlyDictionary<string, PathResult> Results)
{
    public override string ToString() => Name;

    public static IReadOnlyList<PathCase> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, "Conformance", "path_cases.json")));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => new PathCase(
            c.GetProperty("name").GetString()!,
            c.GetProperty("equation").GetString()!,
            c.GetProperty("size_dict").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64()),
            c.GetProperty("results").EnumerateObject().Where(p => p.Value.TryGetProperty("path", out _)).ToDictionary(p => p.Name, p => new PathResult(
                p.Value.GetProperty("path").EnumerateArray().Select(s => s.EnumerateArray().Select(i => i.GetInt32()).ToArray()).ToArray(),
                decimal.Parse(p.Value.GetProperty("opt_cost").GetRawText(), System.Globalization.CultureInfo.InvariantCulture),
                decimal.Parse(p.Value.GetProperty("largest_intermediate").GetRawText(), System.Globalization.CultureInfo.InvariantCulture)))))
            .ToList();
    }
}

public sealed record PathResult(int[][] Path, decimal OptCost, decimal LargestIntermediate);
