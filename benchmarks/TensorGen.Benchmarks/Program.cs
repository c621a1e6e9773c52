using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using TensorGen.Benchmarks;

// The whole suite: dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- --filter '*'
// Results: BenchmarkDotNet.Artifacts/ and benchmarks/results/suite.md, suite.png.
// A stopwatch look at the tensor products: dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- equivariant-quick
if (args.Length > 0 && args[0] == "equivariant-quick")
{
    TensorGen.Benchmarks.Equivariant.QuickTiming.Run();
    return;
}

// One timed plan per network, as a table: dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- --planning-report
if (args is ["--planning-report"])
{
    PlanningReport.Write(System.Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(GflopsColumn).Assembly)
    .Run(args, DefaultConfig.Instance.AddColumn(new GflopsColumn()).AddExporter(new SuiteReport()));
