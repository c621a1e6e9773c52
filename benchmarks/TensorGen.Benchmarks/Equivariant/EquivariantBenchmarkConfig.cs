using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace TensorGen.Benchmarks.Equivariant;

/// <summary>
/// The tensor-product benchmarks' settings: one thread (TENSORGEN_NUM_THREADS=1, as e3nn's reference numbers), batch 2000,
/// and an elements-per-second column next to GFLOP/s.
/// </summary>
public sealed class EquivariantBenchmarkConfig : ManualConfig
{
    public EquivariantBenchmarkConfig()
    {
        AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10).WithEnvironmentVariable("TENSORGEN_NUM_THREADS", "1"));
        AddColumn(new ElementsPerSecondColumn());

        // The generated host project compiles every kernel of this assembly again; on a shared machine that takes minutes.
        WithBuildTimeout(System.TimeSpan.FromMinutes(20));
    }
}

/// <summary>A benchmark's batch rows per invocation, for <see cref="ElementsPerSecondColumn"/>.</summary>
public interface IElementCount
{
    double Elements { get; }
}

/// <summary>Batch rows (tensor-product "elements") per second from the mean time.</summary>
public sealed class ElementsPerSecondColumn : IColumn
{
    public string Id => nameof(ElementsPerSecondColumn);
    public string ColumnName => "el/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 1;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Batch rows per second of mean time";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is null || System.Activator.CreateInstance(benchmarkCase.Descriptor.Type) is not IElementCount count)
        {
            return "-";
        }

        return (count.Elements / (report.ResultStatistics.Mean * 1e-9)).ToString("N0", CultureInfo.InvariantCulture);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any();
}
