using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;

namespace TensorGen.Cli.Tests;

/// <summary>
/// opt_einsum's reference networks through the CLI, as external tests run it: the JSON's cost is at most the best
/// opt_einsum path's, and is exactly the cost of the JSON's path, recomputed here from opt_einsum's definition.
/// </summary>
public sealed class PathCaseCliTests(ITestOutputHelper output)
{
    public static TheoryData<string> CaseNames() => new(Cases().Select(c => c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void The_plan_is_no_worse_than_opt_einsums_best_and_costs_what_it_reports(string name)
    {
        JsonElement c = Cases().Single(e => e.GetProperty("name").GetString() == name);
        string equation = c.GetProperty("equation").GetString()!;
        var sizes = c.GetProperty("size_dict").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, c.GetProperty("size_dict").GetRawText());
            CliRun run = CliRun.Of("plan", equation, "--sizes-file", file, "--json");
            Assert.Equal(0, run.ExitCode);

            using JsonDocument json = JsonDocument.Parse(run.Output);
            BigInteger flops = BigInteger.Parse(json.RootElement.GetProperty("flops").GetRawText(), CultureInfo.InvariantCulture);
            var path = json.RootElement.GetProperty("path").EnumerateArray().Select(s => s.EnumerateArray().Select(p => p.GetInt32()).ToArray()).ToList();
            BigInteger best = c.GetProperty("results").EnumerateObject().Where(r => r.Value.TryGetProperty("opt_cost", out _))
                .Min(r => BigInteger.Parse(r.Value.GetProperty("opt_cost").GetRawText(), CultureInfo.InvariantCulture));
            output.WriteLine($"{name}: {flops} (opt_einsum best {best}) in {json.RootElement.GetProperty("seconds").GetDouble():F3} s");

            Assert.Equal(PathCost(equation, sizes, path), flops);
            Assert.True(flops <= best, $"{flops} > {best}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static IEnumerable<JsonElement> Cases()
    {
        JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Conformance", "path_cases.json")));
        return document.RootElement.GetProperty("cases").EnumerateArray();
    }

    /// <summary>
    /// opt_einsum's cost of a linear path: a step over operands S costs prod(size of their indices) ×
    /// (max(1, |S| − 1) + 1 if it removes an index). Labels are text elements (one letter, maybe two UTF-16 units).
    /// </summary>
    private static BigInteger PathCost(string equation, Dictionary<string, long> sizes, List<int[]> path)
    {
        string[] sides = equation.Split("->");
        var operands = sides[0].Split(',').Select(t => Letters(t).ToHashSet()).ToList();
        var result = Letters(sides[1]).ToHashSet();
        BigInteger total = 0;
        foreach (int[] step in path)
        {
            var taken = step.OrderByDescending(p => p).Select(p => { var o = operands[p]; operands.RemoveAt(p); return o; }).ToList();
            var involved = taken.SelectMany(o => o).ToHashSet();
            var kept = involved.Where(l => result.Contains(l) || operands.Any(o => o.Contains(l))).ToHashSet();
            total += involved.Aggregate(BigInteger.One, (p, l) => p * sizes[l]) * (Math.Max(1, taken.Count - 1) + (kept.Count < involved.Count ? 1 : 0));
            operands.Add(kept);
        }

        Assert.Single(operands);
        return total;
    }

    private static IEnumerable<string> Letters(string term)
    {
        var elements = StringInfo.GetTextElementEnumerator(term);
        while (elements.MoveNext())
        {
            yield return elements.GetTextElement();
        }
    }
}
