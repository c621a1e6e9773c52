using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace TensorGen.Fuzz.Tests.Kernels;

/// <summary>
/// Thousands of random calls, valid and invalid, against every kernel family (<see cref="KernelFamilies"/>), each judged by
/// <see cref="KernelCall{T}"/>: invalid calls throw ArgumentException before any write; valid calls equal the reference
/// interpreter; nothing outside a result's elements is ever written.
/// </summary>
public class KernelFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_call_is_refused_cleanly_or_computes_the_reference()
    {
        output.WriteLine(FuzzSettings.SeedLine);
        int count = FuzzSettings.Count(ciDefault: 3000);
        var verdicts = new List<(string Family, CallVerdict Verdict)>(count);
        var clock = Stopwatch.StartNew();
        for (int n = 0; n < count; n++)
        {
            Random random = FuzzSettings.CaseRandom(n);
            KernelFamily family = KernelFamilies.Draw(random);
            FuzzKernel kernel = family.Draw(random);
            verdicts.Add((family.Name, kernel.CallOnce(random)));
        }

        clock.Stop();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} calls (seed {FuzzSettings.Seed}) in {clock.Elapsed.TotalSeconds:F1} s"));
        foreach (var family in verdicts.GroupBy(v => v.Family).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {family.Key}: {family.Count()} calls, {family.Count(v => v.Verdict.Valid)} valid, "
                + $"{family.Count(v => !v.Verdict.Valid)} invalid, {family.Count(v => v.Verdict.Specials)} with NaN/±∞/0, "
                + $"{family.Select(v => v.Verdict.Kernel).Distinct().Count()} kernels");
        }

        var failures = verdicts.Select((v, n) => (Case: n, v.Verdict)).Where(v => v.Verdict.Failure is not null).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} calls ({FuzzSettings.SeedLine}) went wrong:\n"
            + string.Join("\n", failures.Take(25).Select(f => $"  case {f.Case}: {f.Verdict.Failure}")));
    }
}
