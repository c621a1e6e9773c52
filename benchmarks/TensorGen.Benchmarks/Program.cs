using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using TensorGen.Benchmarks;

// dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- --planning-report   (one timed plan per network, as a table)
if (args is ["--planning-report"])
{
    PlanningReport.Write(System.Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(GflopsColumn).Assembly)
    .Run(args, DefaultConfig.Instance.AddColumn(new GflopsColumn()));
