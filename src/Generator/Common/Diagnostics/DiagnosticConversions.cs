using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using TensorGen.Model;

namespace TensorGen.Diagnostics;

/// <summary>Between Roslyn's Location/Diagnostic and the pipeline's plain values.</summary>
internal static class DiagnosticConversions
{
    public static LocationInfo? ToLocationInfo(this Location? location)
    {
        if (location is null || !location.IsInSource)
        {
            return null;
        }

        FileLinePositionSpan lines = location.GetLineSpan();
        return new LocationInfo(lines.Path ?? string.Empty, location.SourceSpan.Start, location.SourceSpan.Length,
            lines.StartLinePosition.Line, lines.StartLinePosition.Character, lines.EndLinePosition.Line, lines.EndLinePosition.Character);
    }

    public static Location ToLocation(this LocationInfo? info) =>
        info is null
            ? Location.None
            : Location.Create(info.FilePath, new TextSpan(info.Start, info.Length),
                new LinePositionSpan(new LinePosition(info.StartLine, info.StartCharacter), new LinePosition(info.EndLine, info.EndCharacter)));

    /// <summary>
    /// The Roslyn diagnostic of <paramref name="info"/>, from the one table of every family's descriptors. An id missing from
    /// the table becomes TG9999 here (the generator never throws); <c>DiagnosticTests</c> fails for every such id.
    /// </summary>
    public static Diagnostic ToDiagnostic(this DiagnosticInfo info)
    {
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.ById.TryGetValue(info.Id, out var known) ? known : DiagnosticDescriptors.InternalError;
        return Diagnostic.Create(descriptor, info.Location.ToLocation(), info.Message);
    }
}
