using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace TensorGen.Cli.Measurement;

/// <summary>
/// numpy.einsum timed by Debian's <c>/usr/bin/python3</c> (where it and numpy are installed), as the shared peer kit
/// (shared/peers/einsum_bench.py, "opt=path") times it: the greedy path computed once by numpy.einsum_path, then the median
/// time per call of <c>numpy.einsum(expr, *ops, optimize=path)</c>. OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are removed from
/// its environment (this image sets them for old OpenBLAS builds; on an AVX-512 CPU they halve its speed) and its threads
/// set to TensorGen's.
/// </summary>
internal static class NumpyPeer
{
    public const string Python = "/usr/bin/python3";

    private const string Script = """
        import json, statistics, sys, time
        import numpy as np
        expr, shapes, dtype, budget = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3], float(sys.argv[4])
        rng = np.random.default_rng(7)
        ops = [rng.uniform(-1, 1, size=s).astype(dtype) for s in shapes]
        path = np.einsum_path(expr, *ops, optimize="greedy")[0]
        f = lambda: np.einsum(expr, *ops, optimize=path)
        f()
        t0 = time.perf_counter(); f(); once = max(time.perf_counter() - t0, 1e-9)
        inner = max(1, int(2e-3 / once) + 1)
        samples, start = [], time.perf_counter()
        while len(samples) < 3 or (len(samples) < 41 and time.perf_counter() - start < budget):
            t0 = time.perf_counter()
            for _ in range(inner):
                f()
            samples.append((time.perf_counter() - t0) / inner)
        print(json.dumps({"seconds": statistics.median(samples), "version": np.__version__}))
        """;

    /// <summary>The median seconds per call and numpy's version; null with <paramref name="why"/> when numpy cannot run it.</summary>
    public static (double Seconds, string Version)? Time(string expression, long[][] shapes, bool isDouble, int threads, double budgetSeconds, out string? why)
    {
        if (!File.Exists(Python))
        {
            why = $"{Python} is not installed";
            return null;
        }

        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "-", expression, JsonSerializer.Serialize(shapes), isDouble ? "float64" : "float32",
            budgetSeconds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("OPENBLAS_CORETYPE");
        start.Environment.Remove("OPENBLAS_L2_SIZE");
        foreach (string variable in new[] { "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS" })
        {
            start.Environment[variable] = threads.ToString(CultureInfo.InvariantCulture);
        }

        try
        {
            using Process process = Process.Start(start)!;
            process.StandardInput.Write(Script.Replace("\r", string.Empty, StringComparison.Ordinal));
            process.StandardInput.Close();
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                string last = error.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? $"exit code {process.ExitCode}";
                why = $"numpy failed: {last}";
                return null;
            }

            using JsonDocument json = JsonDocument.Parse(output);
            why = null;
            return (json.RootElement.GetProperty("seconds").GetDouble(), json.RootElement.GetProperty("version").GetString() ?? "?");
        }
        catch (Exception e) when (e is Win32Exception or IOException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            why = $"numpy could not be run: {e.Message}";
            return null;
        }
    }
}
