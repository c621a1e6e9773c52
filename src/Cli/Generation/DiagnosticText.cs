using System.Globalization;
using Microsoft.CodeAnalysis;

namespace TensorGen.Cli.Generation;

/// <summary>A diagnostic as compilers print it: <c>file(line,col): error TG0001: message</c> (1-based line and column).</summary>
internal static class DiagnosticText
{
    public static string Format(Diagnostic diagnostic)
    {
        string severity = diagnostic.Severity.ToString().ToLowerInvariant();
        string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        if (diagnostic.Location.Kind == LocationKind.None)
        {
            return $"{severity} {diagnostic.Id}: {message}";
        }

        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        return string.Create(CultureInfo.InvariantCulture,
            $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {severity} {diagnostic.Id}: {message}");
    }
}
