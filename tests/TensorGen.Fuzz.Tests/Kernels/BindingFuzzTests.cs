using System.Globalization;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace TensorGen.Fuzz.Tests.Kernels;

/// <summary>The runtime's binding API with raw lengths, strides, paths and names (<see cref="RawBindingCall"/>).</summary>
public class BindingFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Raw_bindings_are_refused_with_ArgumentException_or_run_to_the_reference()
    {
        output.WriteLine(FuzzSettings.SeedLine);
        int count = FuzzSettings.Count(ciDefault: 3000);
        var verdicts = Enumerable.Range(0, count).Select(n => RawBindingCall.Run(FuzzSettings.CaseRandom(2_000_000 + n))).ToList();

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} raw bindings (seed {FuzzSettings.Seed}): ")
            + string.Join(", ", verdicts.GroupBy(v => (v.Kernel, v.Valid)).OrderBy(g => g.Key.Kernel).Select(g => $"{g.Key.Kernel} {(g.Key.Valid ? "ran" : "refused")} {g.Count()}")));
        var failures = verdicts.Select((v, n) => (Case: n, v)).Where(f => f.v.Failure is not null).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} raw bindings ({FuzzSettings.SeedLine}) went wrong:\n"
            + string.Join("\n", failures.Take(20).Select(f => $"  case {f.Case}: {f.v.Failure}")));
    }
}
