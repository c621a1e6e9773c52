using System;
using System.Globalization;

namespace TensorGen.Fuzz.Tests;

/// <summary>
/// How much each fuzz test runs, and with which seed. CI runs a sample (the defaults); the full run sets <c>TENSORGEN_FUZZ_COUNT</c>
/// (README, "Tests"): <c>TENSORGEN_FUZZ_COUNT=10000 dotnet test tests/TensorGen.Fuzz.Tests -c Release</c>. The seed is
/// <c>TENSORGEN_FUZZ_SEED</c> when set, otherwise drawn from the commit under test (<see cref="CommitSeed"/>), so that every
/// submission samples new cases while any failure stays reproducible: every report starts with the seed and where it came from, and
/// every failure message names it.
/// </summary>
internal static class FuzzSettings
{
    public const string CountVariable = "TENSORGEN_FUZZ_COUNT";

    public const string SeedVariable = "TENSORGEN_FUZZ_SEED";

    private static readonly Lazy<(int Seed, string Origin)> s_seed = new(() =>
        Read(SeedVariable) is int seed ? (seed, SeedVariable) : CommitSeed.FromHead());

    /// <summary>The number of cases to run: <c>TENSORGEN_FUZZ_COUNT</c> when set, otherwise <paramref name="ciDefault"/>.</summary>
    public static int Count(int ciDefault) => Read(CountVariable) ?? ciDefault;

    public static int Seed => s_seed.Value.Seed;

    /// <summary>The first line of every fuzz report: the seed, where it came from, and how to replay it.</summary>
    public static string SeedLine => $"seed {Seed.ToString(CultureInfo.InvariantCulture)} ({s_seed.Value.Origin}; replay: {SeedVariable}={Seed.ToString(CultureInfo.InvariantCulture)})";

    /// <summary>A random source for case <paramref name="index"/> alone, so one failing case can be replayed without the others.</summary>
    public static Random CaseRandom(int index) => CaseRandom(Seed, index);

    /// <summary>Case <paramref name="index"/> of <paramref name="seed"/>'s sample (regression tests replay the cases a run found).</summary>
    public static Random CaseRandom(int seed, int index) => new(unchecked((seed * 1_000_003) + index));

    private static int? Read(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text
            ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : null;
}
