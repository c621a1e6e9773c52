using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace TensorGen.Packaging.Tests;

/// <summary>Runs a command (dotnet, apt-get, the consumer) to completion with a time limit and captures what it prints.</summary>
internal static class Commands
{
    /// <summary>The result of one run: exit code, stdout and stderr together, and how long it took.</summary>
    internal sealed record Result(string Command, int ExitCode, string Output, TimeSpan Elapsed)
    {
        public override string ToString() => $"{Command}: exit {ExitCode} after {Elapsed.TotalSeconds:F0} s\n{Output}";
    }

    /// <summary>`dotnet &lt;arguments&gt;` in <paramref name="directory"/>.</summary>
    public static Result DotNet(string directory, TimeSpan limit, params string[] arguments) => Run("dotnet", directory, limit, arguments);

    public static Result Run(string fileName, string directory, TimeSpan limit, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under `dotnet test`, whose MSBuild variables would point a child build at the wrong MSBuild.
        foreach (string name in new List<string>(start.Environment.Keys))
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        if (environment is not null)
        {
            foreach ((string name, string value) in environment)
            {
                start.Environment[name] = value;
            }
        }

        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        string command = $"{fileName} {string.Join(' ', start.ArgumentList)}";
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{command} ran past {limit.TotalMinutes:F0} min.\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return new Result(command, process.ExitCode, output.ToString(), stopwatch.Elapsed);
        }
    }
}
