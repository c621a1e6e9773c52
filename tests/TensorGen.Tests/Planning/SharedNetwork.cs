using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using TensorGen.Parsing;
using TensorGen.Planning;

namespace TensorGen.Tests.Planning;

/// <summary>
/// cotengra's benchmark networks (tests/Conformance/networks, <c>{inputs, output, size_dict}</c>) as <see cref="RandomNetwork"/>s,
/// so that <see cref="IndependentCost"/> can recount their plans: each index name becomes one character from U+0100 on.
/// </summary>
public static class SharedNetwork
{
    public static readonly string[] Names =
        ["sycamore_n53_m20_s0_e0_pABCDCDAB", "randreg_200_3_a", "peps_cluster_r2_D10_a", "mps_mpo_L100_chi64_D5", "rtree_100_a"];

    public static RandomNetwork Load(string name)
    {
        string file = Path.Combine(AppContext.BaseDirectory, "Conformance", "networks", name + ".json");
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(file));
        var symbols = new Dictionary<string, char>(StringComparer.Ordinal);
        string Term(JsonElement term) => string.Concat(term.EnumerateArray().Select(i =>
        {
            string index = i.GetString()!;
            if (!symbols.TryGetValue(index, out char symbol))
            {
                symbols[index] = symbol = (char)(0x100 + symbols.Count);
            }

            return symbol;
        }));
        string[] terms = json.RootElement.GetProperty("inputs").EnumerateArray().Select(Term).ToArray();
        string output = Term(json.RootElement.GetProperty("output"));
        var sizes = json.RootElement.GetProperty("size_dict").EnumerateObject()
            .Where(p => symbols.ContainsKey(p.Name))
            .ToDictionary(p => symbols[p.Name].ToString(), p => p.Value.GetInt64());
        return new RandomNetwork(terms, output, sizes);
    }

    /// <summary>The planning problem of a network.</summary>
    internal static ContractionNetwork Network(RandomNetwork network) =>
        ContractionPlan.Network(EinsumParser.Parse(network.Expression, anySymbol: true).Expression!, network.Sizes);
}
