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
/// The first step every kernel family shares: reads an attributed method's symbols and syntax into a
/// <see cref="KernelMethodShape"/> (where it is, how to re-declare it, its parameters, its file's hint name) and offers the
/// helpers the families' readers use for their attribute's arguments. With the family readers, the only code that sees
/// Roslyn's semantic types; nothing after this step holds a symbol, a syntax node or a location.
/// </summary>
internal static class KernelMethodReader
{
    internal static readonly SymbolDisplayFormat s_fullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly SymbolDisplayFormat s_namespace = SymbolDisplayFormat.FullyQualifiedFormat
        .WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted);

    /// <summary>
    /// Runs a family's reader; an unexpected exception becomes TG9999 at the method's name (a throwing generator is reported
    /// by the compiler only as the opaque CS8785).
    /// </summary>
    public static KernelDeclaration<TModel> Guard<TModel>(GeneratorAttributeSyntaxContext context, Func<TModel> read)
        where TModel : class
    {
        try
        {
            return new KernelDeclaration<TModel>(read(), EquatableArray<DiagnosticInfo>.Empty);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Location location = context.TargetNode is MethodDeclarationSyntax method ? method.Identifier.GetLocation() : context.TargetNode.GetLocation();
            return new KernelDeclaration<TModel>(null, new[] { InternalErrors.Create(context.TargetSymbol.Name, e, location.ToLocationInfo()) }.ToEquatableArray());
        }
    }

    /// <summary>The method's shape.</summary>
    /// <param name="context">The attributed method, as ForAttributeWithMetadataName gives it.</param>
    /// <param name="ownKind">The display name of the attribute the calling family reads (<see cref="KernelAttributes.All"/>), for TG0022.</param>
    /// <param name="hintKind">What ends the hint name before <c>.g.cs</c> (e.g. <c>.TensorProduct</c>), or empty.</param>
    /// <param name="familyAttributes">
    /// The family's attributes (its static array): among the type's methods that carry one, overloads and names that differ
    /// only in case (hint names are compared ignoring case, as file systems may) are numbered in declaration order,
    /// <c>Rotate(2).g.cs</c>.
    /// </param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static KernelMethodShape ReadShape(GeneratorAttributeSyntaxContext context, string ownKind, string hintKind,
        string[] familyAttributes, CancellationToken cancellationToken)
    {
        var syntax = (MethodDeclarationSyntax)context.TargetNode;
        var method = (IMethodSymbol)context.TargetSymbol;
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
        int earlier = KernelSiblings.Of(method.ContainingType, familyAttributes)
            .TakeWhile(sibling => !SymbolEqualityComparer.Default.Equals(sibling, method))
            .Count(sibling => string.Equals(sibling.Name, method.Name, StringComparison.OrdinalIgnoreCase));
        string ordinal = earlier == 0 ? string.Empty : "(" + (earlier + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
        string hintName = string.Concat(namespaceParts.Select(p => p + ".")) + string.Join(".", typeSymbols.Select(HintPart))
            + "." + method.Name + ordinal + hintKind + ".g.cs";

        string displayName = string.Join(".", typeSymbols.Select(t => t.Name)) + "." + method.Name;
        LocationInfo? location = syntax.Identifier.GetLocation().ToLocationInfo();
        return new KernelMethodShape
        {
            Name = Identifier(method.Name),
            MethodName = method.Name,
            DisplayName = displayName,
            HintName = hintName,
            Namespace = ns,
            ContainingTypes = ContainingTypes(syntax, typeSymbols).ToEquatableArray(),
            ContainingTypeKey = method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            Modifiers = string.Join(" ", syntax.Modifiers.Where(IsRepeatedModifier).Select(m => m.Text)),
            ReturnType = (method.ReturnsByRefReadonly ? "ref readonly " : method.ReturnsByRef ? "ref " : string.Empty) + method.ReturnType.ToDisplayString(s_fullyQualified),
            IsStatic = method.IsStatic,
            ReturnsVoid = method.ReturnsVoid,
            IsGeneric = method.IsGenericMethod,
            IsPartial = syntax.Modifiers.Any(SyntaxKind.PartialKeyword),
            HasBody = HasImplementation(syntax, method),
            Parameters = method.Parameters
                .Select((p, i) => Parameter(p, i < syntax.ParameterList.Parameters.Count ? syntax.ParameterList.Parameters[i] : null))
                .ToEquatableArray(),
            IsVararg = method.IsVararg,
            Location = location,
            Conflict = AttributeConflictReader.Read(method, ownKind, displayName, location, cancellationToken),
        };
    }

    /// <summary>The attribute's argument list as written (empty when it has none).</summary>
    public static SeparatedSyntaxList<AttributeArgumentSyntax> ArgumentSyntax(AttributeData attribute, CancellationToken cancellationToken) =>
        (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax)?.ArgumentList?.Arguments ?? default;

    /// <summary>The named argument <paramref name="name"/> as written, or null.</summary>
    public static AttributeArgumentSyntax? NamedSyntax(SeparatedSyntaxList<AttributeArgumentSyntax> arguments, string name) =>
        arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);

    /// <summary>The named argument <paramref name="name"/>'s constant value, or null when not written.</summary>
    public static object? NamedValue(AttributeData attribute, string name) =>
        attribute.NamedArguments.Where(a => a.Key == name).Select(a => a.Value.Value).FirstOrDefault();

    /// <summary>A string named argument with where it is written.</summary>
    public static AttributeArgumentModel NamedString(AttributeData attribute, SeparatedSyntaxList<AttributeArgumentSyntax> arguments, string name) =>
        Argument(NamedValue(attribute, name) as string, NamedSyntax(arguments, name));

    /// <summary>Whether the compiler could not bind the attribute's arguments (it reports that error itself).</summary>
    public static bool HasErrors(AttributeData attribute) =>
        attribute.AttributeConstructor is null
        || attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error)
        || attribute.NamedArguments.Any(a => a.Value.Kind == TypedConstantKind.Error);

    /// <summary>The containing types, outermost first, each paired with its declaration around the method.</summary>
    private static IEnumerable<ContainingTypeModel> ContainingTypes(MethodDeclarationSyntax syntax, List<INamedTypeSymbol> outermostFirst)
    {
        // Types nest in source as they do in symbols, so the declarations around the method pair up with them.
        var declarations = syntax.Ancestors().OfType<TypeDeclarationSyntax>().Reverse().ToList();
        var result = new List<ContainingTypeModel>();
        for (int level = 0; level < outermostFirst.Count && level < declarations.Count; level++)
        {
            INamedTypeSymbol type = outermostFirst[level];
            TypeDeclarationSyntax declaration = declarations[level];

            string keyword = declaration switch
            {
                RecordDeclarationSyntax record => record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
                StructDeclarationSyntax => "struct",
                InterfaceDeclarationSyntax => "interface",
                _ => "class",
            };
            var typeParameters = type.TypeParameters.Select(tp =>
                (tp.Variance == VarianceKind.In ? "in " : tp.Variance == VarianceKind.Out ? "out " : string.Empty) + Identifier(tp.Name));
            result.Add(new ContainingTypeModel(
                keyword,
                string.Join(" ", new[] { SyntaxKind.UnsafeKeyword, SyntaxKind.RefKeyword }.Where(kind => declaration.Modifiers.Any(kind)).Select(SyntaxFacts.GetText)),
                Identifier(type.Name),
                typeParameters.ToEquatableArray(),
                IsPartial: declaration.Modifiers.Any(SyntaxKind.PartialKeyword),
                IsFileLocal: declaration.Modifiers.Any(SyntaxKind.FileKeyword),
                declaration.Identifier.GetLocation().ToLocationInfo()));
        }

        return result;
    }

    private static ParameterModel Parameter(IParameterSymbol parameter, ParameterSyntax? syntax)
    {
        SpanKind kind = SpanKind.Other;
        ElementKind element = ElementKind.Other;
        string elementDisplay = string.Empty;
        if (parameter.Type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named)
        {
            kind = SpanKindOf(GenericDefinitionName(named));
            if (kind != SpanKind.Other)
            {
                ITypeSymbol argument = named.TypeArguments[0];
                element = argument.SpecialType switch
                {
                    SpecialType.System_Single => ElementKind.Single,
                    SpecialType.System_Double => ElementKind.Double,
                    _ when argument.ToDisplayString() == "System.Numerics.Complex" => ElementKind.Complex,
                    _ => ElementKind.Other,
                };
                elementDisplay = argument.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
            }
        }

        string modifier = parameter.IsParams ? "params" : parameter.RefKind switch
        {
            RefKind.Ref => "ref",
            RefKind.Out => "out",
            RefKind.In => "in",
            RefKind.RefReadOnlyParameter => "ref readonly",
            _ => string.Empty,
        };

        // Re-declare the parameter with the modifiers as written (this, params, scoped, ref, ...): partial
        // declarations must agree on them.
        string writtenModifiers = syntax is null ? string.Empty : string.Concat(syntax.Modifiers.Select(m => m.Text + " "));
        return new ParameterModel(
            Identifier(parameter.Name),
            parameter.Name,
            writtenModifiers + parameter.Type.ToDisplayString(s_fullyQualified) + " " + Identifier(parameter.Name),
            parameter.Type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
            kind,
            element,
            elementDisplay,
            modifier,
            syntax?.GetLocation().ToLocationInfo(),
            (syntax?.Type?.GetLocation() ?? syntax?.GetLocation()).ToLocationInfo());
    }

    /// <summary>The metadata name of a generic type's definition with its namespace, e.g. <c>System.Span`1</c>.</summary>
    internal static string GenericDefinitionName(INamedTypeSymbol type)
    {
        INamedTypeSymbol definition = type.OriginalDefinition;
        return (definition.ContainingNamespace?.ToDisplayString() ?? string.Empty) + "." + definition.MetadataName;
    }

    /// <summary>Which of the four span types kernels take a generic definition is (<see cref="GenericDefinitionName"/>).</summary>
    internal static SpanKind SpanKindOf(string definitionName) => definitionName switch
    {
        "System.ReadOnlySpan`1" => SpanKind.ReadOnlySpan,
        "System.Span`1" => SpanKind.Span,
        "System.Numerics.Tensors.ReadOnlyTensorSpan`1" => SpanKind.ReadOnlyTensorSpan,
        "System.Numerics.Tensors.TensorSpan`1" => SpanKind.TensorSpan,
        _ => SpanKind.Other,
    };

    /// <summary>A string argument's value with where it is written, so that an error can point at the offending character.</summary>
    internal static AttributeArgumentModel Argument(string? value, AttributeArgumentSyntax? argument)
    {
        if (argument is null)
        {
            return new AttributeArgumentModel(value, null, -1);
        }

        int offset = -1;
        if (value is not null && argument.Expression is LiteralExpressionSyntax literal
            && (literal.Token.IsKind(SyntaxKind.StringLiteralToken) || literal.Token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)))
        {
            offset = PlainTextOffset(literal.Token.Text, value);
        }

        return new AttributeArgumentModel(value, argument.Expression.GetLocation().ToLocationInfo(), offset);
    }

    /// <summary>
    /// Where the value starts inside a literal's text when the literal is the value between delimiters
    /// (<c>"..."</c>, <c>@"..."</c>, <c>"""..."""</c>) with no escapes and no line break; −1 otherwise.
    /// </summary>
    internal static int PlainTextOffset(string literalText, string value)
    {
        int prefix = 0;
        while (prefix < literalText.Length && (literalText[prefix] == '@' || literalText[prefix] == '"'))
        {
            prefix++;
        }

        int quotes = prefix - (literalText.Length > 0 && literalText[0] == '@' ? 1 : 0);
        bool plain = quotes > 0
            && literalText.Length == prefix + value.Length + quotes
            && string.CompareOrdinal(literalText, prefix, value, 0, value.Length) == 0
            && literalText.EndsWith(new string('"', quotes), StringComparison.Ordinal)
            && value.IndexOfAny(new[] { '\r', '\n', '\u0085', '\u2028', '\u2029' }) < 0;
        return plain ? prefix : -1;
    }

    internal static string LowerFirst(string name) =>
        name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);

    /// <summary>A type's part of a hint name: its name, and its type parameters in braces when generic (<c>Cache{T}</c>).</summary>
    private static string HintPart(INamedTypeSymbol type) =>
        type.TypeParameters.Length == 0 ? type.Name : type.Name + "{" + string.Join(",", type.TypeParameters.Select(t => t.Name)) + "}";

    /// <summary>
    /// Whether the method is implemented already: a body of its own, an implementing declaration elsewhere, or <c>extern</c>
    /// (an extern partial method is itself the implementing declaration, C# 9; another one from TensorGen would be CS0757).
    /// </summary>
    private static bool HasImplementation(MethodDeclarationSyntax syntax, IMethodSymbol method) =>
        syntax.Body is not null || syntax.ExpressionBody is not null || method.PartialImplementationPart is not null
        || syntax.Modifiers.Any(SyntaxKind.ExternKeyword);

    /// <summary>Modifiers that the implementing declaration repeats (accessibility must match exactly).</summary>
    private static bool IsRepeatedModifier(SyntaxToken modifier) =>
        modifier.Kind() is SyntaxKind.PublicKeyword or SyntaxKind.PrivateKeyword or SyntaxKind.ProtectedKeyword
            or SyntaxKind.InternalKeyword or SyntaxKind.StaticKeyword or SyntaxKind.UnsafeKeyword or SyntaxKind.NewKeyword;

    /// <summary>A name as C# source: reserved keywords get an <c>@</c>.</summary>
    internal static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
