using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TensorGen.Benchmarks.Generators;

/// <summary>
/// A stopwatch look at the generators over <see cref="GeneratorWorkload"/>, separating what a fresh compiler process pays
/// (the first run: loading and JIT-compiling the generator) from what a warm one (the compiler server, VBCSCompiler, keeps
/// analyzers loaded across builds) pays per build, with Roslyn's own per-generator times:
/// <c>dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- generator-quick [runs]</c>.
/// </summary>
public static class GeneratorTiming
{
    public static void Run(TextWriter output, int runs)
    {
        // Not bound beforehand: the compiler runs generators before it binds, so the first semantic questions (the
        // attributes, the parameters' types) are answered during the generators' time, as ReportAnalyzer counts it.
        CSharpCompilation compilation = GeneratorWorkload.Compilation();

        // CPU time beside wall time: on a shared, loaded machine the process's CPU time is the steadier of the two.
        var clock = Stopwatch.StartNew();
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        GeneratorDriver first = GeneratorWorkload.Driver(GeneratorWorkload.Generators()).RunGenerators(compilation);
        double firstMs = clock.Elapsed.TotalMilliseconds;
        double firstCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        output.WriteLine($"first run in this process (JIT included): {firstMs:F1} ms, CPU {firstCpuMs:F1} ms; {Sources(first)} files");
        Write(output, "  ", first);

        var fresh = new double[runs];
        var freshCpu = new double[runs];
        GeneratorDriver? last = null;
        for (int r = 0; r < runs; r++)
        {
            // A new compilation each time, as each command-line build is: nothing cached from the run before.
            CSharpCompilation again = GeneratorWorkload.Compilation();
            clock.Restart();
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            last = GeneratorWorkload.Driver(GeneratorWorkload.Generators()).RunGenerators(again);
            fresh[r] = clock.Elapsed.TotalMilliseconds;
            freshCpu[r] = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        }

        output.WriteLine($"warm process, new driver (a command-line build on the compiler server): median {Median(fresh):F1} ms, min {fresh.Min():F1} ms, CPU median {Median(freshCpu):F1} ms over {runs}");
        Write(output, "  last run: ", last!);

        // The same with the compilation bound beforehand: the generators' own work, without the binding that their first
        // semantic questions trigger (which the compiler would otherwise do itself after them).
        var bound = new double[runs];
        var boundCpu = new double[runs];
        for (int r = 0; r < runs; r++)
        {
            CSharpCompilation again = GeneratorWorkload.Compilation();
            again.GetDiagnostics();
            clock.Restart();
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            last = GeneratorWorkload.Driver(GeneratorWorkload.Generators()).RunGenerators(again);
            bound[r] = clock.Elapsed.TotalMilliseconds;
            boundCpu[r] = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        }

        output.WriteLine($"warm process, new driver, compilation bound beforehand: median {Median(bound):F1} ms, min {bound.Min():F1} ms, CPU median {Median(boundCpu):F1} ms over {runs}");
        Write(output, "  last run: ", last!);

        var incremental = new double[runs];
        var incrementalCpu = new double[runs];
        GeneratorDriver driver = GeneratorWorkload.Driver(GeneratorWorkload.Generators()).RunGenerators(compilation);
        for (int r = 0; r < runs; r++)
        {
            compilation = GeneratorWorkload.EditUnrelated(compilation, r + 2);
            clock.Restart();
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            driver = driver.RunGenerators(compilation);
            incremental[r] = clock.Elapsed.TotalMilliseconds;
            incrementalCpu[r] = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        }

        output.WriteLine($"unrelated edit, same driver (the IDE): median {Median(incremental):F1} ms, min {incremental.Min():F1} ms, CPU median {Median(incrementalCpu):F1} ms over {runs}");
        Write(output, "  last run: ", driver);
    }

    private static void Write(TextWriter output, string prefix, GeneratorDriver driver)
    {
        GeneratorDriverTimingInfo timing = driver.GetTimingInfo();
        output.WriteLine(prefix + string.Join(", ", timing.GeneratorTimes.Select(g =>
            $"{g.Generator.GetGeneratorType().Name} {g.ElapsedTime.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture)} ms")));
    }

    private static int Sources(GeneratorDriver driver) => driver.GetRunResult().Results.Sum(r => r.GeneratedSources.Length);

    private static double Median(double[] values)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
