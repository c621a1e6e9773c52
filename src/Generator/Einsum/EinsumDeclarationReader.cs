using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TensorGen.Diagnostics;
using TensorGen.Model;

namespace TensorGen;

/// <summary>
/// The einsum family's first step: an <c>[Einsum]</c> method's shape (<see cref="KernelMethodReader"/>) and its attribute's
/// arguments, each with where it is written, into an <see cref="EinsumMethodModel"/>.
/// </summary>
internal static class EinsumDeclarationReader
{
    public const string EinsumAttributeName = "TensorGen.EinsumAttribute";

    private static readonly string[] s_attributeNames = { EinsumAttributeName };

    private static readonly ConditionalWeakTable<INamedTypeSymbol, Dictionary<IMethodSymbol, string>> s_programFields = new();

    public static EinsumMethodModel Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        AttributeData attribute = context.Attributes[0];
        var arguments = KernelMethodReader.ArgumentSyntax(attribute, cancellationToken);
        var method = (IMethodSymbol)context.TargetSymbol;
        string? expression = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;

        return new EinsumMethodModel
        {
            Method = KernelMethodReader.ReadShape(context, "Einsum", hintKind: string.Empty, s_attributeNames, cancellationToken),
            Expression = KernelMethodReader.Argument(expression, arguments.FirstOrDefault(a => a.NameEquals is null)),
            Sizes = KernelMethodReader.NamedString(attribute, arguments, "Sizes"),
            Accumulate = KernelMethodReader.NamedValue(attribute, "Accumulate") is true,
            Planning = PlanningArguments(attribute, arguments),
            Backends = KernelMethodReader.NamedValue(attribute, "Backends") as int?,
            BackendsLocation = KernelMethodReader.NamedSyntax(arguments, "Backends")?.GetLocation().ToLocationInfo(),
            AttributeHasErrors = KernelMethodReader.HasErrors(attribute),
            ProgramFieldName = ProgramFieldName(method),
        };
    }

    /// <summary>The planning options among the attribute's named arguments, each with where it is written.</summary>
    private static PlanningArgumentsModel PlanningArguments(AttributeData attribute, SeparatedSyntaxList<AttributeArgumentSyntax> arguments)
    {
        LocationInfo? Where(string name) => KernelMethodReader.NamedSyntax(arguments, name)?.GetLocation().ToLocationInfo();
        object? Value(string name) => KernelMethodReader.NamedValue(attribute, name);

        return new PlanningArgumentsModel
        {
            Strategy = Value("Strategy") as int?,
            StrategyLocation = Where("Strategy"),
            Minimize = Value("Minimize") as int?,
            MinimizeLocation = Where("Minimize"),
            MemoryLimit = Value("MemoryLimit") as long?,
            MemoryLimitLocation = Where("MemoryLimit"),
            TimeLimitSeconds = Value("PlanningTimeLimit") as double?,
            TimeLimitLocation = Where("PlanningTimeLimit"),
            Replan = Value("Replan") is true,
            ReplanLocation = Where("Replan"),
            PinOrder = Value("PinOrder") is true,
            PinOrderLocation = Where("PinOrder"),
            Path = KernelMethodReader.NamedString(attribute, arguments, "Path"),
            SizeHints = KernelMethodReader.NamedString(attribute, arguments, "SizeHints"),
        };
    }

    /// <summary>
    /// The program field name of <paramref name="method"/>, made unique among the type's own members, its other <c>[Einsum]</c>
    /// methods' fields (in declaration order) and the kernels' parameters; computed for all of a type's kernels at once, once
    /// per compilation (<see cref="KernelSiblings"/>).
    /// </summary>
    private static string ProgramFieldName(IMethodSymbol method) =>
        s_programFields.GetValue(method.ContainingType, ProgramFields).TryGetValue(method, out string? field)
            ? field
            : "s_" + KernelMethodReader.LowerFirst(method.Name) + "Program";

    private static Dictionary<IMethodSymbol, string> ProgramFields(INamedTypeSymbol type)
    {
        IReadOnlyList<IMethodSymbol> siblings = KernelSiblings.Of(type, s_attributeNames);
        var taken = new HashSet<string>(type.MemberNames, StringComparer.Ordinal) { type.Name }; // no member may have its type's name (CS0542)
        taken.UnionWith(siblings.SelectMany(s => s.Parameters).Select(p => p.Name)); // a parameter would hide the field in its method
        var fields = new Dictionary<IMethodSymbol, string>(SymbolEqualityComparer.Default);
        foreach (IMethodSymbol sibling in siblings)
        {
            string baseName = "s_" + KernelMethodReader.LowerFirst(sibling.Name) + "Program";
            string field = baseName;
            for (int k = 2; taken.Contains(field); k++)
            {
                field = baseName + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            taken.Add(field);
            if (!fields.ContainsKey(sibling))
            {
                fields.Add(sibling, field);
            }
        }

        return fields;
    }
}
