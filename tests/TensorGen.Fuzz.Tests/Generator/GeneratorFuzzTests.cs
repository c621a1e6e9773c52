using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace TensorGen.Fuzz.Tests.Generator;

/// <summary>
/// Thousands of malformed and borderline declarations (<see cref="DeclarationTemplates"/>) through the real generator:
/// each ends in generated code that compiles, or in TG diagnostics (or in the compiler's own errors for source that does
/// not compile) — never an exception, CS8785 or TG9999 (<see cref="DeclarationBatch"/> lists every rule checked).
/// </summary>
public class GeneratorFuzzTests(ITestOutputHelper output)
{
    /// <summary>Declarations per compilation: large enough that setting up a compilation costs little per declaration.</summary>
    private const int BatchSize = 250;

    [Fact]
    public void Every_declaration_compiles_or_is_diagnosed()
    {
        output.WriteLine(FuzzSettings.SeedLine);
        int count = FuzzSettings.Count(ciDefault: 600);

        // JIT the generator and the compiler first, so that the first batch's times are the generator's own.
        DeclarationBatch.Run(Enumerable.Range(0, 20).Select(n => Declaration(-1 - n)).ToList());

        var outcomes = new List<DeclarationOutcome>(count);
        var clock = Stopwatch.StartNew();
        for (int start = 0; start < count; start += BatchSize)
        {
            outcomes.AddRange(DeclarationBatch.Run(Enumerable.Range(start, Math.Min(BatchSize, count - start)).Select(Declaration).ToList()));
        }

        clock.Stop();
        Report(outcomes, clock.Elapsed);
        var failed = outcomes.Where(o => o.Violations.Count > 0).ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} of {count} declarations ({FuzzSettings.SeedLine}) broke a rule:\n\n"
            + string.Join("\n\n", failed.Take(30).Select(Describe)));
    }

    private static FuzzDeclaration Declaration(int id)
    {
        Random random = FuzzSettings.CaseRandom(id);
        DeclarationTemplate template = DeclarationTemplates.Draw(random);
        return new FuzzDeclaration(Math.Abs(id), template.Name, template.Write(random));
    }

    private void Report(List<DeclarationOutcome> outcomes, TimeSpan elapsed)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{outcomes.Count} declarations (seed {FuzzSettings.Seed}) in {elapsed.TotalSeconds:F1} s"));
        foreach (var group in outcomes.GroupBy(o => o.Declaration.Template).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {group.Key}: " + string.Join(", ",
                group.GroupBy(o => o.Verdict).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        }

        DeclarationOutcome slowest = outcomes.MaxBy(o => o.GeneratorTime)!;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"max generator time per declaration: {slowest.GeneratorTime.TotalMilliseconds:F1} ms (D{slowest.Declaration.Id}, {slowest.Declaration.Template}); "
            + $"mean {outcomes.Average(o => o.GeneratorTime.TotalMilliseconds):F2} ms"));
    }

    private static string Describe(DeclarationOutcome outcome) =>
        $"D{outcome.Declaration.Id} ({outcome.Declaration.Template}):\n  " + string.Join("\n  ", outcome.Violations.Distinct().Take(5))
        + "\n--- source ---\n" + Truncate(outcome.Declaration.Source, 1500);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + " …";
}
