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

BenchmarkSwitcher.FromAssembly(typeof(GflopsColumn).Assembly)
    .Run(args, DefaultConfig.Instance.AddColumn(new GflopsColumn()).AddExporter(new SuiteReport()));
