using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using TensorGen.Cli.Input;
using TensorGen.Planning;

namespace TensorGen.Cli.Measurement;

/// <summary>What one bench run measures and against what.</summary>
internal sealed record BenchSettings(bool IsDouble, int Threads, double Budget, double NaiveLimit, bool Numpy, MachinePeak Peak);

/// <summary>
/// Times one contraction every way there is — TensorGen's generated static kernel, the runtime's dynamic path
/// (<c>Einsum.Evaluate</c>), the naive loop and numpy.einsum — on the same random operands, checks TensorGen's results
/// against the naive loop's (double precision), and prints median time, GFLOP/s and the share of the machine's FMA peak.
/// GFLOP/s of every row counts the same work: the FLOPs of TensorGen's plan in opt_einsum's units (a multiply-add is 2).
/// </summary>
internal static class ContractionBench
{
    /// <summary>Largest tolerated max |error| / max |reference|: float sums of many products drift by ~1e-6 · depth.</summary>
    private static double Tolerance(bool isDouble) => isDouble ? 1e-10 : 1e-3;

    public static int Run(ParseResult result, string title, ContractionInput input, Action<Array[], Array>? staticKernel, BenchSettings settings)
    {
        TextWriter output = Messages.Output(result);
        ContractionPlan plan = ContractionPlan.Create(input.Expression, input.Sizes, Planners.Create(PlanningStrategy.Auto));
        double flops = Math.Max(plan.Flops, 1);
        var operands = new RandomOperands(input.OperandShapes, settings.IsDouble);
        long resultLength = input.OutputShape.Aggregate(1L, (p, s) => p * s);
        var rows = new List<(string Tool, double Seconds, int Threads, double? Error)>();

        var naive = new NaiveEinsum(input.Expression, input.Sizes);
        double[]? reference = null;
        if (naive.Points <= settings.NaiveLimit)
        {
            Messages.Note(result, $"{title}: timing the naive loop ({naive.Points:0} points)...");
            double seconds = Timing.MedianSeconds(() => reference = naive.Run(operands.Values), settings.Budget);
            rows.Add(("naive loop (double, 1 thread)", seconds, 1, 0));
        }
        else
        {
            Messages.Note(result, $"{title}: the naive loop would visit {naive.Points:0.##e0} points (more than --naive-limit {settings.NaiveLimit:0.##e0}): not run, and the results are not checked.");
        }

        if (staticKernel is not null)
        {
            Messages.Note(result, $"{title}: timing the generated static kernel...");
            Array written = RandomOperands.ResultArray(resultLength, settings.IsDouble);
            double seconds = Timing.MedianSeconds(() => staticKernel(operands.Arrays, written), settings.Budget);
            rows.Add(("TensorGen static (generated kernel)", seconds, settings.Threads, reference is null ? null : RandomOperands.RelativeError(written, reference)));
        }

        Messages.Note(result, $"{title}: timing the runtime's dynamic path...");
        Array dynamicResult = RandomOperands.ResultArray(resultLength, settings.IsDouble);
        try
        {
            Action call = DynamicEinsum.Call(input.SourceText, operands.Arrays, input.SourceShapes, dynamicResult, input.OutputShape);
            double seconds = Timing.MedianSeconds(call, settings.Budget);
            rows.Add(("TensorGen dynamic (Einsum.Evaluate)", seconds, settings.Threads, reference is null ? null : RandomOperands.RelativeError(dynamicResult, reference)));
        }
        catch (ArgumentException e)
        {
            Messages.Note(result, $"{title}: the dynamic path does not take this call: {e.Message}");
        }

        if (settings.Numpy)
        {
            Messages.Note(result, $"{title}: timing numpy.einsum...");
            var numpy = NumpyPeer.Time(input.SourceText, input.SourceShapes, settings.IsDouble, settings.Threads, settings.Budget, out string? why);
            if (numpy is { } timed)
            {
                rows.Add(($"numpy {timed.Version} einsum (optimize=path)", timed.Seconds, settings.Threads, null));
            }
            else
            {
                Messages.Note(result, $"{title}: numpy not timed: {why}.");
            }
        }

        double peak = settings.Peak.PerCore(settings.IsDouble);
        output.WriteLine($"{title}: {input.Expression.ExplicitText}, {(settings.IsDouble ? "double" : "float")}, "
            + string.Join(", ", input.Sizes.Select(s => s.Key + "=" + s.Value.ToString(CultureInfo.InvariantCulture))));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  FLOPs per call: {flops:0} (TensorGen's plan, opt_einsum's units); peak {peak:0.0} GFLOP/s per core ({(settings.Peak.Isa == "given" ? "--peak" : settings.Peak.Isa + " FMA loop, measured now")})"));
        output.WriteLine($"  {"",-40}  {"median",10}  {"GFLOP/s",9}  {"% peak",7}  {"threads",7}  {"vs naive",8}  {"max rel. error",14}");
        double? naiveSeconds = rows.Where(r => r.Tool.StartsWith("naive", StringComparison.Ordinal)).Select(r => (double?)r.Seconds).FirstOrDefault();
        foreach (var (tool, seconds, threads, error) in rows)
        {
            double gflops = flops / seconds / 1e9;
            string speedup = naiveSeconds is { } n ? (n / seconds).ToString("0.0", CultureInfo.InvariantCulture) + "x" : "-";
            string errorText = error is { } e ? e.ToString("0.0e0", CultureInfo.InvariantCulture) : "-";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {tool,-40}  {TimeText.Of(seconds),10}  {gflops,9:0.00}  {100 * gflops / (peak * threads),6:0.0}%  {threads,7}  {speedup,8}  {errorText,14}"));
        }

        var wrong = rows.Where(r => r.Error is { } e && !(e <= Tolerance(settings.IsDouble))).ToList();
        foreach (var (tool, _, _, error) in wrong)
        {
            Messages.Error(result).WriteLine($"{Messages.Prefix(result)}: {title}: {tool} differs from the naive loop by {error:0.0e0} of the largest element (tolerance {Tolerance(settings.IsDouble):0e0}).");
        }

        return wrong.Count > 0 ? ExitCodes.InvalidInput : ExitCodes.Success;
    }
}
