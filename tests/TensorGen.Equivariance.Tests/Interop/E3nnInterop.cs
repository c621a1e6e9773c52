using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using TensorGen.Equivariance.Tests.Conformance;

namespace TensorGen.Equivariance.Tests.Interop;

/// <summary>tests/Conformance/e3nn_interop.json (written by tools/e3nn-interop/make_interop_data.py with e3nn 0.5.6).</summary>
public static class E3nnInterop
{
    private static readonly Lazy<JsonDocument> s_document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Conformance", "e3nn_interop.json"))));

    public static JsonElement Case(string section, string name) =>
        s_document.Value.RootElement.GetProperty(section).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static IEnumerable<JsonElement> Section(string section) => s_document.Value.RootElement.GetProperty(section).EnumerateArray();

    public static ConformanceArray Array(this JsonElement element, string name) => ConformanceArray.Read(element.GetProperty(name));

    public static string Text(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    public static float[] ToFloat(this double[] values) => values.Select(v => (float)v).ToArray();

    public static double[] ToDouble(this float[] values) => values.Select(v => (double)v).ToArray();
}
