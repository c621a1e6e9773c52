using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using TensorGen.Benchmarks;

// dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- equivariant-quick   (stopwatch look at the tensor products)
if (args.Length > 0 && args[0] == "equivariant-quick")
{
    TensorGen.Benchmarks.Equivariant.QuickTiming.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(GflopsColumn).Assembly)
    .Run(args, DefaultConfig.Instance.AddColumn(new GflopsColumn()));
