using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TensorGen.Diagnostics;
using TensorGen.Model;

namespace TensorGen;

/// <summary>
/// The first step of <see cref="TensorProductGenerator"/>: reads a <c>[TensorProduct]</c>, <c>[TensorProductBackward]</c>
/// or <c>[SphericalHarmonics]</c> method into its plain model (the shape of the method via <see cref="DeclarationReader"/>'s
/// helpers, the attribute's arguments with where they are written). Nothing from here on holds a symbol or syntax node.
/// </summary>
internal static class EquivariantDeclarationReader
{
    public const string TensorProductAttributeName = "TensorGen.TensorProductAttribute";
    public const string TensorProductBackwardAttributeName = "TensorGen.TensorProductBackwardAttribute";
    public const string SphericalHarmonicsAttributeName = "TensorGen.SphericalHarmonicsAttribute";

    private static readonly SymbolDisplayFormat s_fullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly SymbolDisplayFormat s_namespace = SymbolDisplayFormat.FullyQualifiedFormat
        .WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted);

    public static EquivariantRead<TensorProductModel> ReadTensorProduct(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        Guard(context, () =>
        {
            var (shape, attribute, arguments) = Common(context, "TensorProduct", cancellationToken);
            string? Constructor(int index) => attribute.ConstructorArguments.Length > index ? attribute.ConstructorArguments[index].Value as string : null;
            var positional = arguments.Where(a => a.NameEquals is null).ToList();
            AttributeArgumentModel Positional(int index, string parameterName)
            {
                AttributeArgumentSyntax? syntax = positional.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameterName)
                    ?? (index < positional.Count && positional[index].NameColon is null ? positional[index] : null);
                return DeclarationReader.Argument(Constructor(index), syntax);
            }

            var model = new TensorProductAttributeModel(
                Positional(0, "irreps1"),
                Positional(1, "irreps2"),
                Positional(2, "irrepsOut"),
                Named(attribute, arguments, "Instructions"),
                Option(attribute, arguments, "Kind"),
                Option(attribute, arguments, "IrrepNormalization"),
                Option(attribute, arguments, "PathNormalization"),
                NamedBool(attribute, "SharedWeights", defaultValue: true),
                Option(attribute, arguments, "Wigner3j"),
                Option(attribute, arguments, "Backends"),
                HasErrors(attribute));
            return new TensorProductModel(shape, model);
        });

    public static EquivariantRead<TensorProductBackwardModel> ReadBackward(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        Guard(context, () =>
        {
            var (shape, attribute, arguments) = Common(context, "TensorProductBackward", cancellationToken);
            string? forward = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
            return new TensorProductBackwardModel(shape, DeclarationReader.Argument(forward, arguments.FirstOrDefault(a => a.NameEquals is null)),
                Option(attribute, arguments, "Backends"), HasErrors(attribute));
        });

    public static EquivariantRead<SphericalHarmonicsModel> ReadSphericalHarmonics(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        Guard(context, () =>
        {
            var (shape, attribute, arguments) = Common(context, "SphericalHarmonics", cancellationToken);
            string? irreps = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
            OptionModel normalization = Option(attribute, arguments, "Normalization");
            if (!normalization.IsSet)
            {
                normalization = normalization with { Value = 2 }; // ShNormalization.Integral, the attribute's (and e3nn's) default
            }

            return new SphericalHarmonicsModel(shape, DeclarationReader.Argument(irreps, arguments.FirstOrDefault(a => a.NameEquals is null)),
                NamedBool(attribute, "Normalize", defaultValue: false), normalization, Option(attribute, arguments, "Backends"), HasErrors(attribute));
        });

    private static EquivariantRead<TModel> Guard<TModel>(GeneratorAttributeSyntaxContext context, Func<TModel> read)
        where TModel : class
    {
        try
        {
            return new EquivariantRead<TModel>(read(), EquatableArray<DiagnosticInfo>.Empty);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Location location = context.TargetNode is MethodDeclarationSyntax method ? method.Identifier.GetLocation() : context.TargetNode.GetLocation();
            return new EquivariantRead<TModel>(null, new[] { InternalErrors.Create(context.TargetSymbol.Name, e, location.ToLocationInfo()) }.ToEquatableArray());
        }
    }

    private static (KernelMethodShape Shape, AttributeData Attribute, SeparatedSyntaxList<AttributeArgumentSyntax> Arguments) Common(
        GeneratorAttributeSyntaxContext context, string suffix, CancellationToken cancellationToken)
    {
        var syntax = (MethodDeclarationSyntax)context.TargetNode;
        var method = (IMethodSymbol)context.TargetSymbol;
        AttributeData attribute = context.Attributes[0];
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        return (Shape(syntax, method, suffix, cancellationToken), attribute, attributeSyntax?.ArgumentList?.Arguments ?? default);
    }

    /// <param name="suffix">The attribute's name (<c>TensorProduct</c>), which ends the hint name.</param>
    private static KernelMethodShape Shape(MethodDeclarationSyntax syntax, IMethodSymbol method, string suffix, CancellationToken cancellationToken)
    {
        var typeSymbols = new List<INamedTypeSymbol>();
        for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            typeSymbols.Insert(0, type);
        }

        var namespaceParts = new List<string>();
        for (INamespaceSymbol? part = typeSymbols[0].ContainingNamespace; part is { IsGlobalNamespace: false }; part = part.ContainingNamespace)
        {
            namespaceParts.Insert(0, part.Name);
        }

        string ns = typeSymbols[0].ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString(s_namespace) : string.Empty;
        string typePath = string.Join(".", typeSymbols.Select(DeclarationReader.HintPart));

        // One file per method; overloads and names that differ only in case get their position among the siblings.
        var siblings = method.ContainingType.GetMembers().OfType<IMethodSymbol>()
            .Where(m => string.Equals(m.Name, method.Name, StringComparison.OrdinalIgnoreCase) && m.GetAttributes().Any(a => IsEquivariantAttribute(a.AttributeClass)))
            .ToList();
        int position = siblings.FindIndex(m => SymbolEqualityComparer.Default.Equals(m, method));
        string ordinal = position <= 0 ? string.Empty : "(" + (position + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
        string hintName = string.Concat(namespaceParts.Select(p => p + ".")) + typePath + "." + method.Name + ordinal + "." + suffix + ".g.cs";

        string displayName = string.Join(".", typeSymbols.Select(t => t.Name)) + "." + method.Name;
        LocationInfo? location = syntax.Identifier.GetLocation().ToLocationInfo();
        return new KernelMethodShape
        {
            Name = DeclarationReader.Identifier(method.Name),
            MethodName = method.Name,
            DisplayName = displayName,
            HintName = hintName,
            Namespace = ns,
            ContainingTypes = DeclarationReader.ContainingTypes(syntax, typeSymbols).ToEquatableArray(),
            ContainingTypeKey = method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            Modifiers = string.Join(" ", syntax.Modifiers.Where(DeclarationReader.IsRepeatedModifier).Select(m => m.Text)),
            ReturnType = (method.ReturnsByRefReadonly ? "ref readonly " : method.ReturnsByRef ? "ref " : string.Empty) + method.ReturnType.ToDisplayString(s_fullyQualified),
            IsStatic = method.IsStatic,
            ReturnsVoid = method.ReturnsVoid,
            IsGeneric = method.IsGenericMethod,
            IsPartial = syntax.Modifiers.Any(SyntaxKind.PartialKeyword),
            HasBody = DeclarationReader.HasImplementation(syntax, method),
            Parameters = method.Parameters
                .Select((p, i) => DeclarationReader.Parameter(p, i < syntax.ParameterList.Parameters.Count ? syntax.ParameterList.Parameters[i] : null))
                .ToEquatableArray(),
            Location = location,
            Conflict = AttributeConflictReader.Read(method, suffix, displayName, location, cancellationToken),
        };
    }

    private static bool IsEquivariantAttribute(INamedTypeSymbol? type)
    {
        string? name = type?.ToDisplayString();
        return name is TensorProductAttributeName or TensorProductBackwardAttributeName or SphericalHarmonicsAttributeName;
    }

    private static AttributeArgumentModel Named(AttributeData attribute, SeparatedSyntaxList<AttributeArgumentSyntax> arguments, string name)
    {
        string? value = attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;
        return DeclarationReader.Argument(value, arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name));
    }

    private static OptionModel Option(AttributeData attribute, SeparatedSyntaxList<AttributeArgumentSyntax> arguments, string name)
    {
        foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
        {
            if (named.Key == name && named.Value.Value is int value)
            {
                AttributeArgumentSyntax? syntax = arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
                return new OptionModel(value, true, syntax?.GetLocation().ToLocationInfo());
            }
        }

        return new OptionModel(0, false, null);
    }

    private static bool NamedBool(AttributeData attribute, string name, bool defaultValue)
    {
        foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
        {
            if (named.Key == name && named.Value.Value is bool value)
            {
                return value;
            }
        }

        return defaultValue;
    }

    private static bool HasErrors(AttributeData attribute) =>
        attribute.AttributeConstructor is null
        || attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error)
        || attribute.NamedArguments.Any(a => a.Value.Kind == TypedConstantKind.Error);
}
