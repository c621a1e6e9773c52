using System;
using BenchmarkDotNet.Attributes;
using TensorGen.Planning;

namespace TensorGen.Benchmarks;

/// <summary>
/// Planning time against network size: greedy, and Auto under its default 1 s limit (which it uses in full only when
/// the exact search cannot finish sooner). Run:
/// <c>dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- --filter '*PlanningBenchmarks*'</c>.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class PlanningBenchmarks
{
    private ContractionNetwork _network = null!;

    [ParamsAllValues]
    public NetworkFamily Family { get; set; }

    [Params(10, 25, 50, 100, 200, 400)]
    public int Tensors { get; set; }

    [GlobalSetup]
    public void Setup() => _network = PlanningNetworks.Create(Family, Tensors);

    [Benchmark(Baseline = true)]
    public double Greedy() => GreedyPlanner.Instance.Plan(_network, PlanningOptions.Default).Flops;

    [Benchmark]
    public double Auto() => AutoPlanner.Instance.Plan(_network, PlanningOptions.Default).Flops;
}
