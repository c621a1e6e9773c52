using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace TensorGen.Benchmarks;

/// <summary>
/// GFLOP/s from the mean time and the FLOPs a benchmark declares through a <c>Flops</c> parameter-dependent
/// property (<see cref="IFlopCount"/>). The ceiling on this machine is 117 GFLOP/s fp32 per core.
/// </summary>
public sealed class GflopsColumn : IColumn
{
    public string Id => nameof(GflopsColumn);
    public string ColumnName => "GFLOP/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Useful floating-point operations (2 per multiply-add) per nanosecond of mean time";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var report = summary[benchmarkCase];
        double flops = FlopsOf(benchmarkCase);
        return report?.ResultStatistics is null || double.IsNaN(flops)
            ? "-"
            : (flops / report.ResultStatistics.Mean).ToString("F2", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The FLOPs one invocation of the case performs, or NaN for a class that does not declare them.</summary>
    public static double FlopsOf(BenchmarkCase benchmarkCase)
    {
        if (System.Activator.CreateInstance(benchmarkCase.Descriptor.Type) is not IFlopCount flops)
        {
            return double.NaN;
        }

        foreach (var parameter in benchmarkCase.Parameters.Items)
        {
            benchmarkCase.Descriptor.Type.GetProperty(parameter.Name)?.SetValue(flops, parameter.Value);
        }

        return flops.Flops;
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any();
}

/// <summary>A benchmark class's FLOP count per invocation, for <see cref="GflopsColumn"/>.</summary>
public interface IFlopCount
{
    double Flops { get; }
}
