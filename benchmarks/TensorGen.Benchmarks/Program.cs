using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using TensorGen.Benchmarks;

// dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(GflopsColumn).Assembly)
    .Run(args, DefaultConfig.Instance.AddColumn(new GflopsColumn()));
