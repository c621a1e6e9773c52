using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using TensorGen.Benchmarks;

// The whole suite, one summary: dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- --filter '*' --join
// Results: BenchmarkDotNet.Artifacts/ and benchmarks/results/suite.md, suite.png.
// A stopwatch look at the tensor products: dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- equivariant-quick [batch] [runs]
if (args.Length > 0 && args[0] == "equivariant-quick")
{
    TensorGen.Benchmarks.Equivariant.QuickTiming.Run(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 15);
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
