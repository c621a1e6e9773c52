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

// [EquivariantLinear] 128x0e+128x1o+128x2e against e3nn's o3.Linear (torch CPU, run by this mode), 1 thread and all cores:
// dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- equivariant-linear [atoms] [runs]
if (args.Length > 0 && args[0] == "equivariant-linear")
{
    TensorGen.Benchmarks.Equivariant.LinearTiming.Run(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 15);
    return;
}

// Spherical harmonics forward / backward / double backward per vector: ... -- harmonics-quick [batch] [runs]
if (args.Length > 0 && args[0] == "harmonics-quick")
{
    TensorGen.Benchmarks.Equivariant.HarmonicsPassTiming.Run(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 15);
    return;
}

// The message-passing cases (forward, backward, double backward; fused and unfused), best of several runs, one process:
// TENSORGEN_NUM_THREADS=1 dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- message-passing-quick [runs]
if (args.Length > 0 && args[0] == "message-passing-quick")
{
    TensorGen.Benchmarks.MessagePassing.MessagePassingQuickTiming.Run(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
    return;
}

// MACE's symmetric contraction at the peer's sizes (forward, forward+backward, atoms/s); threads from TENSORGEN_NUM_THREADS:
// TENSORGEN_NUM_THREADS=1 dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- symmetric-contraction-quick [atoms] [runs]
if (args.Length > 0 && args[0] == "symmetric-contraction-quick")
{
    TensorGen.Benchmarks.SymmetricContraction.SymmetricContractionTiming.Run(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10);
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

// Complex einsum (the spectral convolution's contractions, large complex GEMMs) beside numpy, one thread: ... -- complex-quick [samples]
if (args.Length > 0 && args[0] == "complex-quick")
{
    TensorGen.Benchmarks.Complex.ComplexTiming.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15);
    return;
}

// The suite's static and dynamic forms side by side, one thread: ... -- dynamic-suite [samples] [ids, e.g. c2,g]
if (args.Length > 0 && args[0] == "dynamic-suite")
{
    TensorGen.Benchmarks.Dynamic.DynamicSuiteTiming.Run(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15, args.Length > 2 ? args[2] : null);
    return;
}

// First calls in fresh processes, static and dynamic form: ... -- first-calls [ids] [prepare] [jit-times | jit-all]
// (jit-times lists the 12 slowest JIT compilations of each first call, jit-all every one of them)
if (args.Length > 0 && args[0] == "first-calls")
{
    string? ids = args.Length > 1 && args[1] is not ("prepare" or "jit-times" or "jit-all") ? args[1] : null;
    string jit = System.Array.IndexOf(args, "jit-all") > 0 ? "jit-all" : System.Array.IndexOf(args, "jit-times") > 0 ? "jit-times" : "-";
    TensorGen.Benchmarks.Dynamic.FirstCalls.Run(ids, System.Array.IndexOf(args, "prepare") > 0, jit);
    return;
}

if (args is ["first-call", string id, string form, string prepare, string jitTimes])
{
    TensorGen.Benchmarks.Dynamic.FirstCalls.Child(id, form, prepare == "prepare", jitTimes);
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
