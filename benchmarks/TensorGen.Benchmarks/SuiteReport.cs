using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;

namespace TensorGen.Benchmarks;

/// <summary>
/// Writes a run's results to <c>benchmarks/results/</c>: <c>suite.md</c>, one row per case and method with the
/// median time and GFLOP/s at each thread count, and <c>suite.png</c>, GFLOP/s per case and method (ScottPlot).
/// </summary>
public sealed class SuiteReport : IExporter
{
    public string Name => nameof(SuiteReport);

    /// <summary>benchmarks/results beside this source file's project.</summary>
    public static string ResultsDirectory([CallerFilePath] string sourcePath = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(sourcePath)!, "..", "results"));

    public void ExportToLog(Summary summary, ILogger logger) => logger.WriteLine(Table(Rows(summary)));

    public IEnumerable<string> ExportToFiles(Summary summary, ILogger consoleLogger)
    {
        List<Row> rows = Rows(summary);
        if (rows.Count == 0)
        {
            return [];
        }

        string directory = ResultsDirectory();
        Directory.CreateDirectory(directory);
        string table = Path.Combine(directory, "suite.md");
        File.WriteAllText(table, "# TensorGen suite (BenchmarkDotNet, fp32, median)\n\n" + Table(rows));
        string chart = Path.Combine(directory, "suite.png");
        Chart(rows, chart);
        return [table, chart];
    }

    private static List<Row> Rows(Summary summary)
    {
        var rows = new List<Row>();
        foreach (BenchmarkReport report in summary.Reports.Where(r => r.ResultStatistics is not null))
        {
            var benchmark = report.BenchmarkCase;
            string @case = benchmark.Descriptor.Type.Name.Replace("Benchmarks", string.Empty, StringComparison.Ordinal);
            string size = string.Join(" ", benchmark.Parameters.Items.Where(p => p.Name != nameof(SuiteBenchmark.Threads)).Select(p => $"{p.Name}={p.Value}"));
            int threads = (int)benchmark.Parameters[nameof(SuiteBenchmark.Threads)];
            double medianNs = report.ResultStatistics!.Median;
            rows.Add(new Row((@case + " " + size).Trim(), benchmark.Descriptor.WorkloadMethod.Name, threads, medianNs,
                GflopsColumn.FlopsOf(benchmark) / medianNs));
        }

        return rows;
    }

    private static string Table(List<Row> rows)
    {
        var lines = new List<string> { "| case | method | 1 thread | GFLOP/s | 2 threads | GFLOP/s |", "| --- | --- | ---: | ---: | ---: | ---: |" };
        foreach (var group in rows.GroupBy(r => (r.Case, r.Method)))
        {
            Row? one = group.FirstOrDefault(r => r.Threads == 1), two = group.FirstOrDefault(r => r.Threads == 2);
            lines.Add($"| {group.Key.Case} | {group.Key.Method} | {Time(one)} | {Rate(one)} | {Time(two)} | {Rate(two)} |");
        }

        return string.Join("\n", lines) + "\n";
    }

    private static void Chart(List<Row> rows, string path)
    {
        var plot = new ScottPlot.Plot();
        string[] cases = rows.Select(r => r.Case).Distinct().ToArray();
        string[] methods = rows.Select(r => r.Method).Distinct().ToArray();
        var palette = new ScottPlot.Palettes.Category10();
        for (int m = 0; m < methods.Length; m++)
        {
            var bars = new List<ScottPlot.Bar>();
            for (int c = 0; c < cases.Length; c++)
            {
                Row? row = rows.FirstOrDefault(r => r.Case == cases[c] && r.Method == methods[m] && r.Threads == 1);
                if (row is not null && double.IsFinite(row.Gflops))
                {
                    bars.Add(new ScottPlot.Bar { Position = c * (methods.Length + 1) + m, Value = row.Gflops, FillColor = palette.GetColor(m) });
                }
            }

            var series = plot.Add.Bars(bars);
            series.LegendText = methods[m];
        }

        plot.Axes.Bottom.SetTicks(cases.Select((_, c) => (double)(c * (methods.Length + 1)) + ((methods.Length - 1) / 2.0)).ToArray(), cases);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = ScottPlot.Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 160; // room for the rotated case names
        plot.Axes.Left.Label.Text = "GFLOP/s (1 thread, numpy's FLOP count)";
        plot.Axes.SetLimitsY(0, Math.Max(1, rows.Where(r => double.IsFinite(r.Gflops)).Select(r => r.Gflops).DefaultIfEmpty(1).Max() * 1.1));
        plot.ShowLegend();
        plot.SavePng(path, 1400, 700);
    }

    private static string Time(Row? row) => row is null ? "–" : row.MedianNs switch
    {
        < 1e3 => $"{row.MedianNs.ToString("F0", CultureInfo.InvariantCulture)} ns",
        < 1e6 => $"{(row.MedianNs / 1e3).ToString("F1", CultureInfo.InvariantCulture)} µs",
        _ => $"{(row.MedianNs / 1e6).ToString("F2", CultureInfo.InvariantCulture)} ms",
    };

    private static string Rate(Row? row) => row is null || !double.IsFinite(row.Gflops) ? "–" : row.Gflops.ToString("F1", CultureInfo.InvariantCulture);

    private sealed record Row(string Case, string Method, int Threads, double MedianNs, double Gflops);
}
