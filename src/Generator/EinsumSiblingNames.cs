using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace TensorGen;

/// <summary>
/// The hint-name suffix and program field name of every <c>[Einsum]</c> method of a type, computed once per type and
/// compilation. Each declaration needs its position among its siblings; computing it per declaration walked every
/// sibling's attributes and parameters for each of them (quadratic in the kernels of a type: with ten kernels a type,
/// most of the declarations step's time on issue 12's 100-declaration consumer). Symbols belong to one compilation,
/// so the table lives exactly as long as it (weakly keyed) and a new compilation computes it afresh.
/// </summary>
internal static class EinsumSiblingNames
{
    private static readonly ConditionalWeakTable<INamedTypeSymbol, Dictionary<IMethodSymbol, (string HintSuffix, string FieldName)>> s_byType = new();

    /// <summary>The names of <paramref name="method"/>; a method its type does not list as an [Einsum] member gets the plain ones.</summary>
    public static (string HintSuffix, string FieldName) Of(IMethodSymbol method) =>
        s_byType.GetValue(method.ContainingType, Compute).TryGetValue(method, out var names)
            ? names
            : (string.Empty, "s_" + DeclarationReader.LowerFirst(method.Name) + "Program");

    /// <summary>
    /// The names made unique among the type's other <c>[Einsum]</c> methods (overloads; names that differ only in case, as
    /// hint names are compared ignoring case), the type's own members and the kernels' parameters.
    /// </summary>
    private static Dictionary<IMethodSymbol, (string HintSuffix, string FieldName)> Compute(INamedTypeSymbol type)
    {
        var siblings = type.GetMembers().OfType<IMethodSymbol>().Where(HasEinsumAttribute).ToList();
        var taken = new HashSet<string>(type.MemberNames, StringComparer.Ordinal);
        taken.UnionWith(siblings.SelectMany(s => s.Parameters).Select(p => p.Name)); // a parameter would hide the field in its method
        var seenNames = new List<string>();
        var result = new Dictionary<IMethodSymbol, (string, string)>(SymbolEqualityComparer.Default);
        foreach (IMethodSymbol sibling in siblings)
        {
            string baseName = "s_" + DeclarationReader.LowerFirst(sibling.Name) + "Program";
            string field = baseName;
            for (int k = 2; taken.Contains(field); k++)
            {
                field = baseName + k.ToString(CultureInfo.InvariantCulture);
            }

            taken.Add(field);
            int earlier = seenNames.Count(s => string.Equals(s, sibling.Name, StringComparison.OrdinalIgnoreCase));
            seenNames.Add(sibling.Name);
            string suffix = earlier == 0 ? string.Empty : "(" + (earlier + 1).ToString(CultureInfo.InvariantCulture) + ")";
            if (!result.ContainsKey(sibling))
            {
                // The first occurrence is the one a per-method search would have stopped at.
                result.Add(sibling, (suffix, field));
            }
        }

        return result;
    }

    /// <summary>Whether an attribute is <c>TensorGen.EinsumAttribute</c>; the name is compared first, as it is far cheaper than displaying the type.</summary>
    private static bool HasEinsumAttribute(IMethodSymbol method) =>
        method.GetAttributes().Any(a => a.AttributeClass is { Name: "EinsumAttribute" } attributeClass
            && attributeClass.ToDisplayString() == DeclarationReader.EinsumAttributeName);
}
