using System;
using System.Globalization;

namespace TensorGen.Fuzz.Tests;

/// <summary>
/// How much each fuzz test runs. CI runs a seeded sample (the defaults); the full run sets
/// <c>TENSORGEN_FUZZ_COUNT</c> (README, "Tests"): <c>TENSORGEN_FUZZ_COUNT=10000 dotnet test tests/TensorGen.Fuzz.Tests -c Release</c>.
/// <c>TENSORGEN_FUZZ_SEED</c> replays or varies the sample; every failure message names the seed and the case number.
/// </summary>
internal static class FuzzSettings
{
    public const string CountVariable = "TENSORGEN_FUZZ_COUNT";

    public const string SeedVariable = "TENSORGEN_FUZZ_SEED";

    /// <summary>The number of cases to run: <c>TENSORGEN_FUZZ_COUNT</c> when set, otherwise <paramref name="ciDefault"/>.</summary>
    public static int Count(int ciDefault) => Read(CountVariable) ?? ciDefault;

    public static int Seed => Read(SeedVariable) ?? 20250601;

    /// <summary>A random source for case <paramref name="index"/> alone, so one failing case can be replayed without the others.</summary>
    public static Random CaseRandom(int index) => CaseRandom(Seed, index);

    /// <summary>Case <paramref name="index"/> of <paramref name="seed"/>'s sample (regression tests replay the cases a run found).</summary>
    public static Random CaseRandom(int seed, int index) => new(unchecked((seed * 1_000_003) + index));

    private static int? Read(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text
            ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : null;
}
