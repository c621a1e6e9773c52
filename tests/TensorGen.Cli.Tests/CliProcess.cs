using System;
using System.Diagnostics;
using System.IO;

namespace TensorGen.Cli.Tests;

/// <summary>The built tool as a process, as a user runs it: <c>dotnet exec TensorGen.Cli.dll ...</c>; its exit code and stdout.</summary>
internal static class CliProcess
{
    public static (int ExitCode, string Output) Run(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "TensorGen.Cli.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", dll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        _ = error.Result;
        return (process.ExitCode, output);
    }
}
