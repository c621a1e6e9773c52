using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using TensorGen.Benchmarks;

// The whole suite, one summary: dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- --filter '*' --join
// Results: BenchmarkDotNet.Artifacts/ and benchmarks/results/suite.md, suite.png.
BenchmarkSwitcher.FromAssembly(typeof(GflopsColumn).Assembly)
    .Run(args, DefaultConfig.Instance.AddColumn(new GflopsColumn()).AddExporter(new SuiteReport()));
