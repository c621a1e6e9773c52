using System.Linq;
using TensorGen.Planning;

namespace TensorGen.Cli.Input;

/// <summary>
/// Reads <c>--path</c>: opt_einsum's linear format, either as the shell-friendly <c>"0,1;0,1"</c> (steps separated by ';',
/// a single position a unary sum-out) or as Python or JSON prints it (<c>"[(0, 1), (0, 1)]"</c>, read by
/// <see cref="LinearPathParser"/>).
/// </summary>
internal static class PathText
{
    public static ContractionPath? Parse(string text, out string? error)
    {
        string trimmed = text.Trim();
        string linear = trimmed.StartsWith('[') || trimmed.StartsWith('(')
            ? trimmed
            : string.Join(",", trimmed.Split(';').Select(step => "(" + step.Trim() + (step.Contains(',') ? string.Empty : ",") + ")"));
        LinearPathResult result = LinearPathParser.Parse(linear);
        error = result.Error is null ? null : $"--path \"{text}\": {result.Error} Write the steps as \"0,1;0,1\" or [(0, 1), (0, 1)].";
        return result.Path;
    }
}
