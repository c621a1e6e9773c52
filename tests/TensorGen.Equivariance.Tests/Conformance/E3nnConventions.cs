using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace TensorGen.Equivariance.Tests.Conformance;

/// <summary>
/// e3nn 0.5.6's reference values from Conformance/e3nn_conventions.json: spherical harmonics at fixed unit vectors,
/// Wigner 3j symbols (dense to l = 3, non-zero counts to l = 4) and Wigner D matrices.
/// </summary>
public static class E3nnConventions
{
    private static readonly Lazy<JsonDocument> s_document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Conformance", "e3nn_conventions.json"))));

    private static JsonElement Root => s_document.Value.RootElement;

    /// <summary>The unit vectors the spherical harmonics were evaluated at, [n, 3].</summary>
    public static ConformanceArray ShVectors => ConformanceArray.Read(Root.GetProperty("spherical_harmonics").GetProperty("vectors"));

    /// <summary>(l, normalization, output [n, 2l+1]) per case.</summary>
    public static IEnumerable<(int L, string Normalization, ConformanceArray Output)> ShResults =>
        Root.GetProperty("spherical_harmonics").GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("l").GetInt32(), r.GetProperty("normalization").GetString()!, ConformanceArray.Read(r.GetProperty("output"))));

    /// <summary>(irreps, normalization, output [n, dim]) for concatenated degrees.</summary>
    public static IEnumerable<(string Irreps, string Normalization, ConformanceArray Output)> ShConcatenated
    {
        get
        {
            JsonElement results = Root.GetProperty("spherical_harmonics").GetProperty("results_concatenated");
            IEnumerable<JsonElement> all = results.ValueKind == JsonValueKind.Array ? results.EnumerateArray() : new[] { results };
            return all.Select(r => (r.GetProperty("irreps").GetString()!, r.GetProperty("normalization").GetString()!, ConformanceArray.Read(r.GetProperty("output"))))
                .ToList();
        }
    }

    public static IEnumerable<(int L1, int L2, int L3, ConformanceArray C)> ThreeJDense =>
        Root.GetProperty("wigner_3j").GetProperty("dense").EnumerateArray()
            .Select(r => (r.GetProperty("l1").GetInt32(), r.GetProperty("l2").GetInt32(), r.GetProperty("l3").GetInt32(), ConformanceArray.Read(r.GetProperty("C"))));

    public static IEnumerable<(int L1, int L2, int L3, int NonZero, double Sum, double SumAbs)> ThreeJCounts =>
        Root.GetProperty("wigner_3j").GetProperty("counts").EnumerateArray()
            .Select(r => (r.GetProperty("l1").GetInt32(), r.GetProperty("l2").GetInt32(), r.GetProperty("l3").GetInt32(),
                r.GetProperty("nonzero_count").GetInt32(), r.GetProperty("sum").GetDouble(), r.GetProperty("sum_abs").GetDouble()));

    public static IEnumerable<(double Alpha, double Beta, double Gamma, ConformanceArray Rotation, IReadOnlyList<(int L, ConformanceArray D)> D)> WignerD =>
        Root.GetProperty("wigner_D").GetProperty("cases").EnumerateArray()
            .Select(c => (c.GetProperty("alpha").GetDouble(), c.GetProperty("beta").GetDouble(), c.GetProperty("gamma").GetDouble(),
                ConformanceArray.Read(c.GetProperty("rotation_matrix")),
                (IReadOnlyList<(int, ConformanceArray)>)c.GetProperty("D").EnumerateArray()
                    .Select(d => (d.GetProperty("l").GetInt32(), ConformanceArray.Read(d.GetProperty("D")))).ToList()));
}
