using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using TensorGen.Benchmarks;

// dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- equivariant-quick [batch] [runs]   (stopwatch look at the tensor products)
if (args.Length > 0 && args[0] == "equivariant-quick")
{
    TensorGen.Benchmarks.Equivariant.QuickTiming.Run(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 15);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(GflopsColumn).Assembly)
    .Run(args, DefaultConfig.Instance.AddColumn(new GflopsColumn()));
