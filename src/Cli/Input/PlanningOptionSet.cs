using System;
using System.CommandLine;
using System.Globalization;
using TensorGen.Planning;

namespace TensorGen.Cli.Input;

/// <summary>The planner's options on the command line: <c>--strategy</c>, <c>--minimize</c>, <c>--memory-limit</c>, <c>--time-limit</c>, <c>--seed</c>.</summary>
internal sealed class PlanningOptionSet
{
    public Option<string> Strategy { get; } = new("--strategy")
    {
        HelpName = "S",
        Description = "auto (default), optimal, greedy, random-greedy, reconfigure, hyper; or opt_einsum's names, mapped to the nearest:\n"
            + StrategyNames.HelpTable(),
        CustomParser = result =>
        {
            string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "auto";
            if (!StrategyNames.TryParse(text, out _))
            {
                result.AddError($"unknown strategy '{text}'. Strategies: {string.Join(", ", StrategyNames.All)}.");
            }

            return text;
        },
    };

    public Option<PlanningObjective> Minimize { get; } = ParsedOption.Create<PlanningObjective>("--minimize", "M",
        "flops (default), size (largest intermediate), combo (flops + 64 x writes)", ReadObjective);

    public Option<double?> MemoryLimit { get; } = ParsedOption.Create<double?>("--memory-limit", "N",
        "the most elements an intermediate may have; slices indices if it must", ReadMemoryLimit);

    public Option<TimeSpan?> TimeLimit { get; } = ParsedOption.Create<TimeSpan?>("--time-limit", "SECONDS",
        "how long planning may take (default 1); large networks search until it is used up, on every core, with progress on stderr past 3 s",
        ReadTimeLimit);

    public Option<ulong> Seed { get; } = ParsedOption.Create<ulong>("--seed", "N",
        "seeds the search (default 0): the same seed and core count give the same plan", ReadSeed);

    public void AddTo(Command command)
    {
        command.Add(Strategy);
        command.Add(Minimize);
        command.Add(MemoryLimit);
        command.Add(TimeLimit);
        command.Add(Seed);
    }

    public PlanningStrategy StrategyOf(ParseResult result) =>
        StrategyNames.TryParse(result.GetValue(Strategy) ?? "auto", out PlanningStrategy strategy) ? strategy : PlanningStrategy.Auto;

    /// <summary>The strategy as a plan table names it: "optimal (opt_einsum's dp)" when asked by opt_einsum's name.</summary>
    public string DescribeStrategy(ParseResult result) => StrategyNames.Describe(result.GetValue(Strategy) ?? "auto", StrategyOf(result));

    public PlanningOptions OptionsOf(ParseResult result, int parallelism, PlanningProgress? progress) =>
        new(result.GetValue(Minimize), result.GetValue(MemoryLimit), result.GetValue(TimeLimit) ?? PlanningOptions.DefaultTimeLimit,
            result.GetValue(Seed), parallelism, progress);

    private static PlanningObjective ReadObjective(string text, out string? error)
    {
        PlanningObjective? objective = text.ToLowerInvariant() switch
        {
            "flops" => PlanningObjective.Flops,
            "size" => PlanningObjective.Size,
            "combo" => PlanningObjective.Combo,
            _ => null,
        };
        error = objective is null ? $"unknown --minimize '{text}'. Use flops, size or combo." : null;
        return objective ?? PlanningObjective.Flops;
    }

    private static double? ReadMemoryLimit(string text, out string? error)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double limit) || !(limit >= 1) || double.IsInfinity(limit))
        {
            error = $"--memory-limit \"{text}\" is not a number of elements of 1 or more.";
            return null;
        }

        error = null;
        return Math.Floor(limit);
    }

    private static TimeSpan? ReadTimeLimit(string text, out string? error)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || !(seconds > 0) || seconds > 86400)
        {
            error = $"--time-limit \"{text}\" is not a number of seconds above 0 (at most a day).";
            return null;
        }

        error = null;
        return TimeSpan.FromSeconds(seconds);
    }

    private static ulong ReadSeed(string text, out string? error)
    {
        bool read = ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed);
        error = read ? null : $"--seed \"{text}\" is not a whole number of 0 or more.";
        return seed;
    }
}
