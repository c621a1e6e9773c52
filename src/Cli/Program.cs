using System;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.IO;

namespace TensorGen.Cli;

/// <summary>
/// <c>tensorgen</c>: plans, emits, explains and benchmarks einsum contractions with the planner and the generators the build
/// uses. Bad arguments print a message and exit non-zero (<see cref="ExitCodes"/>); nothing prints a stack trace.
/// </summary>
internal static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            ParseResult result = TensorGenCommand.Create().Parse(args);
            if (result.Action is ParseErrorAction)
            {
                return ReportParseErrors(result, error);
            }

            return result.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            error.WriteLine($"tensorgen: internal error ({e.GetType().Name}): {e.Message}");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>The parser's messages, one a line as "tensorgen plan: message", and where to find the usage.</summary>
    private static int ReportParseErrors(ParseResult result, TextWriter error)
    {
        string prefix = result.CommandResult.Command is RootCommand ? "tensorgen" : "tensorgen " + result.CommandResult.Command.Name;
        foreach (var problem in result.Errors)
        {
            error.WriteLine($"{prefix}: {problem.Message}");
        }

        foreach (string suggestion in TypoSuggestions.For(result))
        {
            error.WriteLine($"{prefix}: {suggestion}");
        }

        error.WriteLine($"Run '{prefix} --help' for the usage.");
        return ExitCodes.UsageError;
    }
}
