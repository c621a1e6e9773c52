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

// The generators over issue 12's 100-declaration consumer, first run vs warm vs incremental:
// dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- generator-quick [runs]
if (args.Length > 0 && args[0] == "generator-quick")
{
    TensorGen.Benchmarks.Generators.GeneratorTiming.Run(System.Console.Out,
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return;
}

// The same consumer as a project's sources (for a real build with -p:ReportAnalyzer=true):
// dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- generator-source <folder>
if (args.Length == 2 && args[0] == "generator-source")
{
    System.IO.File.WriteAllText(System.IO.Path.Combine(args[1], "Kernels.cs"), TensorGen.Benchmarks.Generators.GeneratorWorkload.Declarations);
    System.IO.File.WriteAllText(System.IO.Path.Combine(args[1], "Unrelated.cs"), TensorGen.Benchmarks.Generators.GeneratorWorkload.Unrelated(1));
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
