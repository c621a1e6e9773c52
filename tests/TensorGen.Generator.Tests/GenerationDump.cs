using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace TensorGen.Generator.Tests;

/// <summary>
/// This test assembly as a program (the project sets GenerateProgramFile to false and this is its entry point):
/// <c>dotnet TensorGen.Generator.Tests.dll --dump-generation FILE</c> writes the bytes <see cref="DeterminismTests"/> compares,
/// generated under the invariant culture, so that a test can compare runs in separate processes.
/// </summary>
internal static class GenerationDump
{
    private const string Option = "--dump-generation";

    public static int Main(string[] args)
    {
        if (args.Length == 2 && args[0] == Option)
        {
            File.WriteAllBytes(args[1], DeterminismTests.GenerateUnder(CultureInfo.InvariantCulture));
            return 0;
        }

        Console.Error.WriteLine($"usage: dotnet TensorGen.Generator.Tests.dll {Option} FILE (the tests run under dotnet test)");
        return 2;
    }

    /// <summary>Runs the dump in a new process and returns its bytes.</summary>
    public static byte[] InChildProcess()
    {
        string file = Path.Combine(Path.GetTempPath(), $"tensorgen-dump-{Guid.NewGuid():N}.bin");
        try
        {
            // The SDK names its host for the processes it starts; a test host started otherwise runs under dotnet as well.
            string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
            var start = new ProcessStartInfo(host)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(typeof(GenerationDump).Assembly.Location);
            start.ArgumentList.Add(Option);
            start.ArgumentList.Add(file);
            using Process child = Process.Start(start) ?? throw new InvalidOperationException(host + " did not start");
            string output = child.StandardOutput.ReadToEnd() + child.StandardError.ReadToEnd();
            if (!child.WaitForExit(300_000) || child.ExitCode != 0)
            {
                throw new InvalidOperationException($"the dump process failed (exit {(child.HasExited ? child.ExitCode : -1)}): {output}");
            }

            return File.ReadAllBytes(file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
