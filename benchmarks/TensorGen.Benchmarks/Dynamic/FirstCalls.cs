using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

namespace TensorGen.Benchmarks.Dynamic;

/// <summary>
/// What a new user sees in a fresh process: the first call of each suite kernel, the mean of calls 2–10, and the warm median
/// (after 0.5 s of calls), for the static and the dynamic form. Every (case, form) runs in its own process, so each first
/// call pays for the JIT, the runtime's static constructors and thread start-up as an application's would.
/// <c>dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- first-calls [ids]</c>; add <c>prepare</c> to call
/// <c>TensorGen.Runtime.Warmup.Prepare()</c> before the first call (not counted), and <c>jit-times</c> to list the first call's
/// slowest JIT compilations (<see cref="JitTimes"/>; listening slows the first call, so its time is then not the plain one), or
/// <c>jit-all</c> to list every one of them (what ReadyToRun left to the JIT).
/// </summary>
public static class FirstCalls
{
    public static void Run(string? only, bool prepare, string jitTimes = "-")
    {
        Console.WriteLine($"fresh process per row, one thread{(prepare ? ", Prepare() first (not counted)" : string.Empty)}; "
            + $"load: {System.IO.File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"{"case",-4} {"form",-8} {"first call",12} {"calls 2-10",12} {"warm median",12} {"2-10 / warm",11}");
        string self = Environment.ProcessPath!;
        string dll = typeof(FirstCalls).Assembly.Location;
        foreach (DynamicSuiteCase c in DynamicSuiteCase.All().Where(c => only is null || only.Split(',').Contains(c.Id)))
        {
            foreach (string form in new[] { "static", "dynamic" })
            {
                var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
                if (!self.EndsWith(System.IO.Path.GetFileNameWithoutExtension(dll), StringComparison.Ordinal))
                {
                    info.ArgumentList.Add(dll); // Run through the dotnet host.
                }

                foreach (string arg in new[] { "first-call", c.Id, form, prepare ? "prepare" : "-", jitTimes })
                {
                    info.ArgumentList.Add(arg);
                }

                using Process child = Process.Start(info)!;
                string line = child.StandardOutput.ReadToEnd().Trim();
                child.WaitForExit();
                Console.WriteLine($"{c.Id,-4} {form,-8} {line}");
            }
        }
    }

    /// <summary>In the child: time one case's form from its very first call.</summary>
    public static void Child(string id, string form, bool prepare, string jitTimes = "-")
    {
        using JitTimes? listener = jitTimes is "jit-times" or "jit-all" ? new JitTimes() : null;
        TensorGen.Runtime.KernelOptions.MaxThreads = 1;
        DynamicSuiteCase c = DynamicSuiteCase.All().Single(c => c.Id == id);
        Action call = form == "static" ? c.Static : c.Dynamic;
        if (prepare)
        {
            TensorGen.Runtime.Warmup.Prepare();
        }

        TimeSpan jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        long methodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        listener?.Start();
        var watch = Stopwatch.StartNew();
        call();
        double first = watch.Elapsed.TotalSeconds;
        listener?.Stop();
        double jit = (System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalSeconds;
        long methods = System.Runtime.JitInfo.GetCompiledMethodCount() - methodsBefore;
        watch.Restart();
        for (int i = 2; i <= 10; i++)
        {
            call();
        }

        double next = watch.Elapsed.TotalSeconds / 9;
        watch.Restart();
        while (watch.Elapsed.TotalSeconds < 0.5)
        {
            call();
        }

        var samples = new double[31];
        for (int s = 0; s < samples.Length; s++)
        {
            watch.Restart();
            call();
            samples[s] = watch.Elapsed.TotalSeconds;
        }

        double warm = samples.OrderBy(v => v).ElementAt(samples.Length / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{DynamicSuiteTiming.Format(first),12} {DynamicSuiteTiming.Format(next),12} {DynamicSuiteTiming.Format(warm),12} {next / warm,11:F2}   first call: JIT {DynamicSuiteTiming.Format(jit)} for {methods} methods"));
        if (listener is not null)
        {
            System.Threading.Thread.Sleep(200); // The listener hears events on its own thread, a little later.
            foreach (string line in listener.Report(top: jitTimes == "jit-all" ? int.MaxValue : 12))
            {
                Console.WriteLine(line);
            }
        }
    }
}
