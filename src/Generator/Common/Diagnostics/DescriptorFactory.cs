using Microsoft.CodeAnalysis;

namespace TensorGen.Diagnostics;

/// <summary>
/// How every TG descriptor is made: an error in category "TensorGen" whose message is composed where the problem is found,
/// whose description says how to fix it, and whose help link (the IDE's link on the id) is the id's row in
/// docs/diagnostics.md (<c>#tg0001</c>).
/// </summary>
internal static class DescriptorFactory
{
    public const string Category = "TensorGen";

    /// <summary>
    /// docs/diagnostics.md in the repository. The repository names no URL of its own yet (no RepositoryUrl in the projects):
    /// this one is to be kept equal to the packages' RepositoryUrl when packaging sets it.
    /// </summary>
    public const string DocumentationUri = "https://github.com/tensorgen/tensorgen/blob/main/docs/diagnostics.md";

    public static DiagnosticDescriptor Create(string id, string title, string description) =>
        new(id, title, "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, description: description, helpLinkUri: HelpLinkOf(id));

    /// <summary>The anchor of <paramref name="id"/>'s row: <c>docs/diagnostics.md#tg0001</c>.</summary>
    public static string HelpLinkOf(string id) => DocumentationUri + "#" + id.ToLowerInvariant();
}
