using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace TensorGen;

/// <summary>
/// A type's kernel methods of one family, in declaration order, computed once per type and compilation. Every declaration
/// needs its position among its siblings (hint names, member names); finding them per declaration walked every sibling's
/// attributes for each of them — quadratic in the kernels of a type, and re-run for every declaration on every IDE edit.
/// Symbols belong to one compilation, so the table lives exactly as long as it (weakly keyed) and a new compilation
/// computes it afresh.
/// </summary>
internal static class KernelSiblings
{
    private static readonly ConditionalWeakTable<INamedTypeSymbol, ConcurrentDictionary<string[], IReadOnlyList<IMethodSymbol>>> s_byType = new();

    /// <summary>The methods of <paramref name="type"/> that carry one of <paramref name="attributeNames"/> (a family's static array: the cache key).</summary>
    public static IReadOnlyList<IMethodSymbol> Of(INamedTypeSymbol type, string[] attributeNames) =>
        s_byType.GetValue(type, static _ => new ConcurrentDictionary<string[], IReadOnlyList<IMethodSymbol>>())
            .GetOrAdd(attributeNames, names => type.GetMembers().OfType<IMethodSymbol>().Where(m => HasAttribute(m, names)).ToList());

    /// <summary>Whether the method carries one of the attributes; the simple name is compared first, as it is far cheaper than displaying the type.</summary>
    public static bool HasAttribute(IMethodSymbol method, string[] metadataNames) =>
        method.GetAttributes().Any(a => a.AttributeClass is { } attributeClass
            && metadataNames.Any(name => name.EndsWith("." + attributeClass.Name, System.StringComparison.Ordinal))
            && metadataNames.Contains(attributeClass.ToDisplayString()));
}
