namespace TensorGen.Cli;

/// <summary>
/// The exit codes of <c>tensorgen</c> (documented in docs/guide/cli.md). Nothing prints a stack trace: every failure is
/// a message on stderr and one of these codes.
/// </summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>
    /// The input cannot be used: a malformed expression, a missing size, a path that does not fit, a declaration with
    /// TG errors (<c>emit</c>), a result that differs from the reference (<c>bench</c>).
    /// </summary>
    public const int InvalidInput = 1;

    /// <summary>The command line cannot be read: an unknown command or option, a value of the wrong form, a file that cannot be read.</summary>
    public const int UsageError = 2;

    /// <summary>A failure of tensorgen itself (a bug: please report it with the command line).</summary>
    public const int InternalError = 70;
}
