using System.CommandLine;

namespace TensorGen.Cli;

/// <summary>The command tree of <c>tensorgen</c>: plan, emit, explain, bench (System.CommandLine adds --help, --version and completion).</summary>
internal static class TensorGenCommand
{
    public static RootCommand Create() => new("tensorgen: contraction orders, generated code, kernel choices and timings of einsum expressions, "
        + "with the planner and the source generators a TensorGen build uses. Exit codes: 0 success, 1 input that cannot be planned, emitted or run "
        + "(or a declaration with TG errors), 2 a command line that cannot be read, 70 an internal error.")
    {
        PlanCommand.Create(),
        EmitCommand.Create(),
        ExplainCommand.Create(),
        BenchCommand.Create(),
    };
}
