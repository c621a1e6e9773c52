using System;
using System.IO;

namespace TensorGen.Cli;

/// <summary>
/// <c>tensorgen</c>: plans einsum contractions from the command line with the planner the source generator uses.
/// Bad arguments print a message and exit non-zero; nothing prints a stack trace.
/// </summary>
internal static class Program
{
    /// <summary>Exit code for a run that did what was asked.</summary>
    public const int Success = 0;

    /// <summary>Exit code for input that cannot be planned: a malformed expression, missing sizes, a bad path.</summary>
    public const int InvalidInput = 1;

    /// <summary>Exit code for a command line that cannot be read.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code for a failure of tensorgen itself.</summary>
    public const int InternalError = 70;

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            {
                output.Write(Usage.Text);
                return args.Length == 0 ? UsageError : Success;
            }

            if (args[0] != "plan")
            {
                error.WriteLine($"tensorgen: unknown command '{args[0]}'. The command is 'plan'.");
                error.Write(Usage.Text);
                return UsageError;
            }

            return PlanCommand.Run(args.AsSpan(1).ToArray(), output, error);
        }
        catch (Exception e)
        {
            error.WriteLine($"tensorgen: internal error ({e.GetType().Name}): {e.Message}");
            return InternalError;
        }
    }
}
