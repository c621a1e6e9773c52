using System.IO;

namespace TensorGen.Cli.Tests;

/// <summary>One run of the CLI, in process: its exit code and what it wrote.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int code = Program.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
