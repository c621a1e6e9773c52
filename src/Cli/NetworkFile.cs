using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using TensorGen.Parsing;

namespace TensorGen.Cli;

/// <summary>
/// A network in cotengra's JSON form, <c>{"inputs": [["a", "b"], ...], "output": [...], "size_dict": {"a": 2, ...}}</c>
/// (its <c>examples/benchmarks/*.json</c>), read into the einsum expression the planner takes. An index name that is one
/// symbol (<see cref="EinsumParser.IsSymbol"/>) is kept; a longer name is given a symbol of its own, and
/// <see cref="NameOf"/> maps it back for what is printed.
/// </summary>
internal sealed class NetworkFile
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    private NetworkFile(string expression, Dictionary<string, long> sizes)
    {
        Expression = expression;
        Sizes = sizes;
    }

    public string Expression { get; }

    public Dictionary<string, long> Sizes { get; }

    /// <summary>The name the file gives the index written <paramref name="symbol"/> in <see cref="Expression"/>.</summary>
    public string NameOf(string symbol) => _names.TryGetValue(symbol, out string? name) ? name : symbol;

    /// <summary>Reads <paramref name="path"/>; null, with <paramref name="error"/> saying why, when it is not such a network.</summary>
    public static NetworkFile? Read(string path, out string? error)
    {
        if (Input.TextFile.Read(path, "--network", out error) is not { } text)
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            return FromJson(document.RootElement, $"--network '{path}'", out error);
        }
        catch (JsonException e)
        {
            error = $"--network '{path}' is not valid JSON: {e.Message}";
            return null;
        }
    }

    private static NetworkFile? FromJson(JsonElement root, string source, out string? error)
    {
        error = null;
        const string Form = "{\"inputs\": [[\"a\", \"b\"], [\"b\", \"c\"]], \"output\": [\"a\", \"c\"], \"size_dict\": {\"a\": 2, \"b\": 3, \"c\": 4}}";
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("inputs", out JsonElement inputs) || inputs.ValueKind != JsonValueKind.Array
            || !root.TryGetProperty("size_dict", out JsonElement sizeDict) || sizeDict.ValueKind != JsonValueKind.Object)
        {
            error = $"{source} is not a network of the form {Form} (\"output\" may be omitted for a scalar).";
            return null;
        }

        var terms = new List<List<string>>();
        foreach (JsonElement term in inputs.EnumerateArray())
        {
            if (ReadTerm(term, source, $"input {terms.Count.ToString(CultureInfo.InvariantCulture)}", out error) is not { } names)
            {
                return null;
            }

            terms.Add(names);
        }

        List<string> output = [];
        if (root.TryGetProperty("output", out JsonElement outputElement))
        {
            if (ReadTerm(outputElement, source, "the output", out error) is not { } read)
            {
                return null;
            }

            output = read;
        }

        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (JsonProperty property in sizeDict.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetInt64(out long size) || size < 0)
            {
                error = $"{source}: the size of '{property.Name}' is {property.Value.GetRawText()}, not a whole number of 0 or more.";
                return null;
            }

            sizes[property.Name] = size;
        }

        // Names that are one symbol stand for themselves; the others get symbols no name uses, from U+0100 upwards.
        var used = new HashSet<string>(terms.SelectMany(t => t).Concat(output).Where(IsOneSymbol), StringComparer.Ordinal);
        var symbolOf = new Dictionary<string, string>(StringComparer.Ordinal);
        int next = 0x100;
        foreach (string name in terms.SelectMany(t => t).Concat(output))
        {
            if (symbolOf.ContainsKey(name))
            {
                continue;
            }

            if (IsOneSymbol(name))
            {
                symbolOf[name] = name;
                continue;
            }

            string symbol;
            do
            {
                symbol = char.ConvertFromUtf32(next++);
            }
            while (used.Contains(symbol) || !EinsumParser.IsSymbol(symbol, 0));
            used.Add(symbol);
            symbolOf[name] = symbol;
        }

        var expression = new StringBuilder();
        expression.Append(string.Join(",", terms.Select(t => string.Concat(t.Select(n => symbolOf[n])))));
        expression.Append("->").Append(string.Concat(output.Select(n => symbolOf[n])));
        var symbolSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, symbol) in symbolOf)
        {
            if (!sizes.TryGetValue(name, out long size))
            {
                error = $"{source}: index '{name}' has no size in \"size_dict\".";
                return null;
            }

            symbolSizes[symbol] = size;
        }

        var result = new NetworkFile(expression.ToString(), symbolSizes);
        foreach (var (name, symbol) in symbolOf.Where(p => p.Key != p.Value))
        {
            result._names[symbol] = name;
        }

        return result;
    }

    private static List<string>? ReadTerm(JsonElement term, string source, string what, out string? error)
    {
        error = null;
        if (term.ValueKind != JsonValueKind.Array || term.EnumerateArray().Any(n => n.ValueKind != JsonValueKind.String || n.GetString()!.Length == 0))
        {
            error = $"{source}: {what} is {term.GetRawText()}, not a list of index names (non-empty strings).";
            return null;
        }

        return term.EnumerateArray().Select(n => n.GetString()!).ToList();
    }

    private static bool IsOneSymbol(string name) =>
        name.Length == (char.IsSurrogatePair(name, 0) ? 2 : 1) && EinsumParser.IsSymbol(name, 0);
}
