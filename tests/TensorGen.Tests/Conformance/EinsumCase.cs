using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using TensorGen.Tests.Reference;

namespace TensorGen.Tests.Conformance;

/// <summary>A numpy.einsum reference case from Conformance/einsum_cases.json (format in tests/Conformance/README.md).</summary>
public sealed record EinsumCase(string Name, string Equation, string ExplicitEquation, RefArray[] Operands, RefArray Output)
{
    private static readonly Lazy<IReadOnlyDictionary<string, EinsumCase>> All = new(Load);

    /// <summary>Case names, as xunit member data (names serialize; the cases are looked up by <see cref="Named"/>).</summary>
    public static IEnumerable<object[]> Names => All.Value.Keys.Select(name => new object[] { name });

    public static EinsumCase Named(string name) => All.Value[name];

    public override string ToString() => Name;

    private static IReadOnlyDictionary<string, EinsumCase> Load()
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Conformance", "einsum_cases.json")));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => new EinsumCase(
                c.GetProperty("name").GetString()!,
                c.GetProperty("equation").GetString()!,
                c.GetProperty("explicit_equation").GetString()!,
                c.GetProperty("operands").EnumerateArray().Select(Array).ToArray(),
                Array(c.GetProperty("output"))))
            .ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    private static RefArray Array(JsonElement array) => new(
        array.GetProperty("data").EnumerateArray().Select(v => v.GetDouble()).ToArray(),
        array.GetProperty("shape").EnumerateArray().Select(v => v.GetInt32()).ToArray());
}
