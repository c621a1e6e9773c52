using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TensorGen.Diagnostics;
using TensorGen.Model;

namespace TensorGen;

/// <summary>
/// Part of every pipeline's first step: whether the method also carries another kind of TensorGen kernel attribute. Each
/// generator sees only its own attributes through ForAttributeWithMetadataName, but every one reads the method's full
/// attribute list here, so they agree on which of them reports TG0022 and that none implements the method.
/// </summary>
internal static class AttributeConflictReader
{
    /// <param name="method">The attributed method.</param>
    /// <param name="ownKind">The display name of the attribute the calling pipeline reads (<see cref="KernelAttributes.All"/>).</param>
    /// <param name="displayName">The method as messages name it, e.g. <c>Kernels.Tp</c>.</param>
    /// <param name="methodLocation">The method's identifier, where the diagnostic points when the attribute has no syntax.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static AttributeConflict? Read(IMethodSymbol method, string ownKind, string displayName, LocationInfo? methodLocation,
        CancellationToken cancellationToken)
    {
        ImmutableArray<AttributeData> attributes = method.GetAttributes();
        if (KernelAttributes.FindMixed(attributes.Select(a => a.AttributeClass?.ToDisplayString()).ToList()) is not { } mixed)
        {
            return null;
        }

        var syntax = attributes[mixed.Position].ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        string message = $"'{displayName}' carries {KernelAttributes.List(mixed.Kinds)}, attributes of different TensorGen kernels, but one method is one kernel: "
            + "keep one of these attributes, and declare another partial method for each of the others. No kernel is generated for this method until then.";
        return new AttributeConflict(
            new DiagnosticInfo(DiagnosticIds.MultipleKernelAttributes, message, syntax?.Name.GetLocation().ToLocationInfo() ?? methodLocation),
            mixed.Reporter == ownKind);
    }
}
