using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using TensorGen.Parsing;

namespace TensorGen.Cli.Input;

/// <summary>Index sizes read from <c>--sizes a=2,b=3</c> or a <c>--sizes-file</c> (a JSON object from index to size).</summary>
internal sealed class SizeTable
{
    public Dictionary<string, long> Sizes { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads <c>a=2,b=3</c>; null with <paramref name="error"/> saying why when it is not of that form.</summary>
    public static SizeTable? Parse(string text, out string? error)
    {
        var table = new SizeTable();
        foreach (string entry in text.Split(','))
        {
            int equals = entry.IndexOf('=');
            if (equals <= 0)
            {
                error = $"--sizes entry \"{entry}\" is not of the form index=size (e.g. --sizes i=2,j=3).";
                return null;
            }

            error = table.Add(entry.Substring(0, equals).Trim(), entry.Substring(equals + 1).Trim(), "--sizes");
            if (error is not null)
            {
                return null;
            }
        }

        error = null;
        return table;
    }

    /// <summary>Reads a JSON object from index to size, e.g. <c>{"a": 2, "é": 3}</c>.</summary>
    public static SizeTable? ReadFile(string path, out string? error)
    {
        if (TextFile.Read(path, "--sizes-file", out error) is not { } text)
        {
            return null;
        }

        var table = new SizeTable();
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = $"--sizes-file '{path}' holds {document.RootElement.ValueKind}, not a JSON object from index to size (e.g. {{\"a\": 2}}).";
                return null;
            }

            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                error = table.Add(property.Name, property.Value.GetRawText(), $"--sizes-file '{path}'");
                if (error is not null)
                {
                    return null;
                }
            }
        }
        catch (JsonException e)
        {
            error = $"--sizes-file '{path}' is not valid JSON: {e.Message}";
            return null;
        }

        error = null;
        return table;
    }

    /// <summary>Adds every size of <paramref name="other"/>; the error when an index gets two different sizes.</summary>
    public string? Merge(SizeTable other, string source)
    {
        foreach (var (label, size) in other.Sizes)
        {
            if (Sizes.TryGetValue(label, out long earlier) && earlier != size)
            {
                return $"{source}: index '{label}' is given two sizes ({earlier} and {size}).";
            }

            Sizes[label] = size;
        }

        return null;
    }

    private string? Add(string label, string size, string source)
    {
        // opt_einsum's reading: an index is one character, any but ',', '-', '>', '.' and whitespace (EinsumParser.IsSymbol).
        bool oneSymbol = label.Length > 0 && label.Length == (char.IsSurrogatePair(label, 0) ? 2 : 1) && EinsumParser.IsSymbol(label, 0);
        if (!oneSymbol)
        {
            return $"{source}: \"{label}\" is not an index; an index is one character (any but ',', '-', '>', '.' and whitespace).";
        }

        if (!long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
        {
            return $"{source}: the size of '{label}' is \"{size}\", not a whole number of 0 or more.";
        }

        if (Sizes.TryGetValue(label, out long earlier) && earlier != value)
        {
            return $"{source}: index '{label}' is given two sizes ({earlier} and {value}).";
        }

        Sizes[label] = value;
        return null;
    }
}
