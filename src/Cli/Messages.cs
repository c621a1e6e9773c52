using System.CommandLine;
using System.IO;

namespace TensorGen.Cli;

/// <summary>Where a command writes: its results on stdout, notes and errors on stderr, each line prefixed with the command.</summary>
internal static class Messages
{
    public static TextWriter Output(ParseResult result) => result.InvocationConfiguration.Output;

    public static TextWriter Error(ParseResult result) => result.InvocationConfiguration.Error;

    /// <summary>"tensorgen plan" for the plan command, "tensorgen" for the root.</summary>
    public static string Prefix(ParseResult result) =>
        result.CommandResult.Command is RootCommand ? "tensorgen" : "tensorgen " + result.CommandResult.Command.Name;

    /// <summary>Writes "tensorgen plan: message" to stderr and returns <paramref name="exitCode"/>.</summary>
    public static int Fail(ParseResult result, int exitCode, string message)
    {
        Error(result).WriteLine($"{Prefix(result)}: {message}");
        return exitCode;
    }

    /// <summary>Writes "tensorgen plan: note: message" to stderr.</summary>
    public static void Note(ParseResult result, string message) => Error(result).WriteLine($"{Prefix(result)}: note: {message}");
}
