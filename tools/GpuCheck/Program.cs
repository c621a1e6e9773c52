using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using TensorGen.GpuCheck;
using TensorGen.Runtime.Gpu;

// The GPU check (tools/gpu-check.sh runs it on the device machine): every case's GPU kernel against its CPU kernel on the
// same inputs (relative error), then timed with the device synchronized: warm-up, then the median of batches of calls.
// Writes one tab-separated line per case: id, description, GFLOP per call, relative error, pass, median ms, GFLOP/s.
//
//   GpuCheck [--tsv FILE] [--only ID,ID] [--device auto|cuda|cpu] [--atoms N]
//
// --atoms shrinks the convolution cases (default 2,000 atoms x 30 neighbours) for a check on ILGPU's CPU accelerator, e.g.
//   dotnet run --project tools/GpuCheck -c Release -- --device cpu --only nequip-conv,nequip-conv-atomic --atoms 40
string? tsvPath = null;
HashSet<string>? only = null;
GpuDevice device = GpuDevice.Auto;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--tsv":
            tsvPath = args[++i];
            break;
        case "--only":
            only = new HashSet<string>(args[++i].Split(','), StringComparer.Ordinal);
            break;
        case "--device":
            device = Enum.Parse<GpuDevice>(args[++i], ignoreCase: true);
            break;
        case "--atoms":
            GpuCheckCases.ConvolutionAtoms = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        default:
            Console.Error.WriteLine($"unknown argument {args[i]}; usage: GpuCheck [--tsv FILE] [--only ID,ID] [--device auto|cuda|cpu] [--atoms N]");
            return 2;
    }
}

const double Tolerance = 1e-4; // fp32 with float accumulation on both sides: errors are ~1e-6 for these sizes
using GpuContext gpu = GpuContext.Create(device);
Console.WriteLine($"device: {gpu.DeviceName} ({(gpu.IsCuda ? "CUDA" : "ILGPU CPU accelerator")}), {Environment.ProcessorCount} CPU threads for the CPU kernels");
var lines = new List<string> { $"# device\t{gpu.DeviceName}" };
int failures = 0;
foreach (GpuCheckCase check in GpuCheckCases.All.Where(c => only is null || only.Contains(c.Id)))
{
    string line;
    try
    {
        using PreparedCase prepared = check.Prepare(gpu);
        prepared.Enqueue(); // the first call compiles and loads the kernels
        double error = prepared.RelativeError();
        bool pass = error <= Tolerance; // NaN (an unwritten element) fails
        double median = MedianMilliseconds(gpu, prepared);
        double gflops = check.Flops / 1e9;
        string rate = check.Flops > 0 ? (gflops / (median / 1e3)).ToString("F1", CultureInfo.InvariantCulture) : "";
        failures += pass ? 0 : 1;
        line = string.Join('\t', check.Id, check.Description, gflops.ToString("G4", CultureInfo.InvariantCulture),
            error.ToString("E2", CultureInfo.InvariantCulture), pass ? "pass" : "FAIL", median.ToString("G4", CultureInfo.InvariantCulture), rate);
    }
    catch (Exception e)
    {
        failures++;
        line = string.Join('\t', check.Id, check.Description, "", "", "ERROR " + e.GetType().Name + ": " + e.Message.Replace('\t', ' ').Replace('\n', ' '), "", "");
        Console.Error.WriteLine(e);
    }

    Console.WriteLine(line);
    lines.Add(line);
}

if (tsvPath is not null)
{
    File.WriteAllLines(tsvPath, lines);
}

return failures == 0 ? 0 : 1;

// Batches of calls between synchronizations (at least ~2 ms each, so launch and synchronization costs are amortized as
// in a real pipeline), after a warm-up; the median of 15 batches, per call.
static double MedianMilliseconds(GpuContext gpu, PreparedCase prepared)
{
    var clock = Stopwatch.StartNew();
    int warm = 0;
    while (warm < 3 || clock.Elapsed.TotalMilliseconds < 200)
    {
        prepared.Enqueue();
        gpu.Synchronize();
        warm++;
        if (warm >= 50)
        {
            break;
        }
    }

    double single = clock.Elapsed.TotalMilliseconds / warm;
    int calls = Math.Max(1, (int)Math.Ceiling(2.0 / Math.Max(single, 1e-3)));
    var times = new List<double>();
    for (int batch = 0; batch < 15; batch++)
    {
        gpu.Synchronize();
        long start = Stopwatch.GetTimestamp();
        for (int call = 0; call < calls; call++)
        {
            prepared.Enqueue();
        }

        gpu.Synchronize();
        times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds / calls);
    }

    times.Sort();
    return times[times.Count / 2];
}
