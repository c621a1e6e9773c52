using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using TensorGen.Parsing;
using TensorGen.Planning;

namespace TensorGen.Cli;

/// <summary>The arguments of <c>tensorgen plan</c>, read and checked; <see cref="Error"/> says what is wrong when they cannot be.</summary>
internal sealed class PlanArguments
{
    private static readonly string[] s_valueOptions = ["--sizes", "--sizes-file", "--strategy", "--minimize", "--memory-limit", "--time-limit", "--network", "--seed"];

    private PlanArguments()
    {
    }

    public string Expression { get; private set; } = string.Empty;

    /// <summary>The network read from --network (its expression is <see cref="Expression"/>, its sizes in <see cref="Sizes"/>); null without one.</summary>
    public NetworkFile? Network { get; private set; }

    /// <summary>Seeds the randomized planners (--seed; 0 by default), so a plan reproduces for the same seed and core count.</summary>
    public ulong Seed { get; private set; }

    /// <summary>Each index's size, from --sizes and --sizes-file together.</summary>
    public Dictionary<string, long> Sizes { get; } = new(StringComparer.Ordinal);

    public PlanningStrategy Strategy { get; private set; } = PlanningStrategy.Auto;

    public PlanningObjective Objective { get; private set; } = PlanningObjective.Flops;

    public double? MemoryLimit { get; private set; }

    public TimeSpan TimeLimit { get; private set; } = PlanningOptions.DefaultTimeLimit;

    public bool Json { get; private set; }

    /// <summary>Why the command line cannot be used (null when it can).</summary>
    public string? Error { get; private set; }

    public static PlanArguments Parse(IReadOnlyList<string> args)
    {
        var result = new PlanArguments();
        result.Error = result.Read(args);
        return result;
    }

    private string? Read(IReadOnlyList<string> args)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? expression = null;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg == "--json")
            {
                Json = true;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                if (expression is not null)
                {
                    return $"one expression is planned at a time; got \"{expression}\" and \"{arg}\". Quote the expression.";
                }

                expression = arg;
                continue;
            }

            int equals = arg.IndexOf('=');
            string name = equals < 0 ? arg : arg.Substring(0, equals);
            if (!s_valueOptions.Contains(name))
            {
                return $"unknown option '{name}'. Options: {string.Join(", ", s_valueOptions)}, --json.";
            }

            string? value = equals >= 0 ? arg.Substring(equals + 1) : i + 1 < args.Count ? args[++i] : null;
            if (value is null)
            {
                return $"option '{name}' needs a value.";
            }

            if (!seen.Add(name))
            {
                return $"option '{name}' is given twice.";
            }

            string? problem = name switch
            {
                "--sizes" => ReadSizes(value),
                "--sizes-file" => ReadSizesFile(value),
                "--strategy" => ReadStrategy(value),
                "--minimize" => ReadObjective(value),
                "--memory-limit" => ReadMemoryLimit(value),
                "--network" => ReadNetwork(value),
                "--seed" => ReadSeed(value),
                _ => ReadTimeLimit(value),
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        if (Network is not null)
        {
            if (expression is not null)
            {
                return $"--network gives the expression; got \"{expression}\" too. Plan either an expression or a network file.";
            }

            if (seen.Contains("--sizes") || seen.Contains("--sizes-file"))
            {
                return "--network gives the sizes (its \"size_dict\"); --sizes and --sizes-file go with an expression.";
            }

            Expression = Network.Expression;
            foreach (var (label, size) in Network.Sizes)
            {
                Sizes[label] = size;
            }

            return null;
        }

        if (expression is null)
        {
            return "no expression. Usage: tensorgen plan \"ij,jk->ik\" --sizes i=2,j=3,k=4, or tensorgen plan --network file.json";
        }

        Expression = expression;
        return null;
    }

    private string? ReadSizes(string text)
    {
        foreach (string entry in text.Split(','))
        {
            int equals = entry.IndexOf('=');
            if (equals <= 0)
            {
                return $"--sizes entry \"{entry}\" is not of the form index=size (e.g. --sizes i=2,j=3).";
            }

            string? problem = AddSize(entry.Substring(0, equals).Trim(), entry.Substring(equals + 1).Trim(), "--sizes");
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private string? ReadSizesFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"cannot read --sizes-file '{path}': {e.Message}";
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return $"--sizes-file '{path}' holds {document.RootElement.ValueKind}, not a JSON object from index to size (e.g. {{\"a\": 2}}).";
            }

            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                string? problem = AddSize(property.Name, property.Value.GetRawText(), $"--sizes-file '{path}'");
                if (problem is not null)
                {
                    return problem;
                }
            }
        }
        catch (JsonException e)
        {
            return $"--sizes-file '{path}' is not valid JSON: {e.Message}";
        }

        return null;
    }

    private string? AddSize(string label, string size, string source)
    {
        // opt_einsum's reading: an index is one character, any but ',', '-', '>', '.' and whitespace (TensorGen.Parsing.EinsumParser.IsSymbol).
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

    private string? ReadNetwork(string path)
    {
        Network = NetworkFile.Read(path, out string? error);
        return error;
    }

    private string? ReadSeed(string value)
    {
        if (!ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed))
        {
            return $"--seed \"{value}\" is not a whole number of 0 or more.";
        }

        Seed = seed;
        return null;
    }

    private string? ReadStrategy(string value)
    {
        if (!Planners.TryParse(value, out PlanningStrategy strategy))
        {
            return $"unknown strategy '{value}'. Strategies: {string.Join(", ", Planners.Names)}.";
        }

        Strategy = strategy;
        return null;
    }

    private string? ReadObjective(string value)
    {
        PlanningObjective? objective = value.ToLowerInvariant() switch
        {
            "flops" => PlanningObjective.Flops,
            "size" => PlanningObjective.Size,
            "combo" => PlanningObjective.Combo,
            _ => null,
        };
        if (objective is null)
        {
            return $"unknown --minimize '{value}'. Use flops, size or combo.";
        }

        Objective = objective.Value;
        return null;
    }

    private string? ReadMemoryLimit(string value)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double limit) || !(limit >= 1) || double.IsInfinity(limit))
        {
            return $"--memory-limit \"{value}\" is not a number of elements of 1 or more.";
        }

        MemoryLimit = Math.Floor(limit);
        return null;
    }

    private string? ReadTimeLimit(string value)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || !(seconds > 0) || seconds > 86400)
        {
            return $"--time-limit \"{value}\" is not a number of seconds above 0 (at most a day).";
        }

        TimeLimit = TimeSpan.FromSeconds(seconds);
        return null;
    }
}
