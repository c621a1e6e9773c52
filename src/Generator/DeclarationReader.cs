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
/// The pipeline's first step: reads an <c>[Einsum]</c> method's symbols and syntax into an
/// <see cref="EinsumMethodModel"/>. This is the only place (with the pipeline itself) that sees Roslyn's
/// semantic types; nothing from here on holds a symbol, a syntax node or a location.
/// </summary>
internal static class DeclarationReader
{
    public const string EinsumAttributeName = "TensorGen.EinsumAttribute";

    internal static readonly SymbolDisplayFormat s_fullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly SymbolDisplayFormat s_namespace = SymbolDisplayFormat.FullyQualifiedFormat
        .WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted);

    public static EinsumDeclaration Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            var syntax = (MethodDeclarationSyntax)context.TargetNode;
            var method = (IMethodSymbol)context.TargetSymbol;
            return new EinsumDeclaration(ReadMethod(syntax, method, context.Attributes[0], cancellationToken), EquatableArray<DiagnosticInfo>.Empty);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Location location = context.TargetNode is MethodDeclarationSyntax method ? method.Identifier.GetLocation() : context.TargetNode.GetLocation();
            var error = InternalErrors.Create(context.TargetSymbol.Name, e, location.ToLocationInfo());
            return new EinsumDeclaration(null, new[] { error }.ToEquatableArray());
        }
    }

    private static EinsumMethodModel ReadMethod(MethodDeclarationSyntax syntax, IMethodSymbol method, AttributeData attribute,
        CancellationToken cancellationToken)
    {
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var arguments = attributeSyntax?.ArgumentList?.Arguments ?? default;

        bool attributeHasErrors = attribute.AttributeConstructor is null
            || attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error)
            || attribute.NamedArguments.Any(a => a.Value.Kind == TypedConstantKind.Error);
        string? expression = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
        string? sizes = null;
        bool accumulate = false;
        foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
        {
            if (named.Key == "Sizes")
            {
                sizes = named.Value.Value as string;
            }
            else if (named.Key == "Accumulate" && named.Value.Value is bool value)
            {
                accumulate = value;
            }
        }

        PlanningArgumentsModel planning = PlanningArguments(attribute, arguments);

        var typeSymbols = new List<INamedTypeSymbol>();
        for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            typeSymbols.Insert(0, type);
        }

        var types = ContainingTypes(syntax, typeSymbols).ToEquatableArray();
        var (hintSuffix, fieldName) = SiblingNames(method);
        string ns = typeSymbols[0].ContainingNamespace is { IsGlobalNamespace: false } containing
            ? containing.ToDisplayString(s_namespace)
            : string.Empty;
        var namespaceParts = new List<string>();
        for (INamespaceSymbol? part = typeSymbols[0].ContainingNamespace; part is { IsGlobalNamespace: false }; part = part.ContainingNamespace)
        {
            namespaceParts.Insert(0, part.Name);
        }

        string hintNamespace = string.Concat(namespaceParts.Select(p => p + "."));
        string hintName = hintNamespace + string.Join(".", typeSymbols.Select(HintPart)) + "." + method.Name + hintSuffix + ".g.cs";

        string displayName = string.Join(".", typeSymbols.Select(t => t.Name)) + "." + method.Name;
        LocationInfo? location = syntax.Identifier.GetLocation().ToLocationInfo();
        return new EinsumMethodModel
        {
            Name = Identifier(method.Name),
            DisplayName = displayName,
            HintName = hintName,
            Namespace = ns,
            ContainingTypes = types,
            Modifiers = string.Join(" ", syntax.Modifiers.Where(IsRepeatedModifier).Select(m => m.Text)),
            ReturnType = (method.ReturnsByRefReadonly ? "ref readonly " : method.ReturnsByRef ? "ref " : string.Empty)
                + method.ReturnType.ToDisplayString(s_fullyQualified),
            IsStatic = method.IsStatic,
            ReturnsVoid = method.ReturnsVoid,
            IsGeneric = method.IsGenericMethod,
            IsPartial = syntax.Modifiers.Any(SyntaxKind.PartialKeyword),
            HasBody = HasImplementation(syntax, method),
            Parameters = method.Parameters.Select((p, i) => Parameter(p, i < syntax.ParameterList.Parameters.Count ? syntax.ParameterList.Parameters[i] : null))
                .ToEquatableArray(),
            IsVararg = method.IsVararg,
            Expression = Argument(expression, arguments.FirstOrDefault(a => a.NameEquals is null)),
            Sizes = Argument(sizes, arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Sizes")),
            Accumulate = accumulate,
            Planning = planning,
            Backends = attribute.NamedArguments.Where(a => a.Key == "Backends").Select(a => a.Value.Value).FirstOrDefault() as int?,
            BackendsLocation = arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Backends")?.GetLocation().ToLocationInfo(),
            AttributeHasErrors = attributeHasErrors,
            ProgramFieldName = fieldName,
            Location = location,
            Conflict = AttributeConflictReader.Read(method, "Einsum", displayName, location, cancellationToken),
        };
    }

    /// <summary>The planning options among the attribute's named arguments, each with where it is written.</summary>
    private static PlanningArgumentsModel PlanningArguments(AttributeData attribute, SeparatedSyntaxList<AttributeArgumentSyntax> arguments)
    {
        AttributeArgumentSyntax? Syntax(string name) => arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
        LocationInfo? Where(string name) => Syntax(name)?.GetLocation().ToLocationInfo();
        object? Value(string name) => attribute.NamedArguments.Where(a => a.Key == name).Select(a => a.Value.Value).FirstOrDefault();

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
            Path = Argument(Value("Path") as string, Syntax("Path")),
            SizeHints = Argument(Value("SizeHints") as string, Syntax("SizeHints")),
        };
    }

    /// <summary>The containing types, outermost first, each paired with its declaration around the method.</summary>
    internal static IEnumerable<ContainingTypeModel> ContainingTypes(MethodDeclarationSyntax syntax, List<INamedTypeSymbol> outermostFirst)
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

    internal static ParameterModel Parameter(IParameterSymbol parameter, ParameterSyntax? syntax)
    {
        SpanKind kind = SpanKind.Other;
        ElementKind element = ElementKind.Other;
        string elementDisplay = string.Empty;
        if (parameter.Type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named)
        {
            INamedTypeSymbol definition = named.OriginalDefinition;
            string fullName = (definition.ContainingNamespace?.ToDisplayString() ?? string.Empty) + "." + definition.MetadataName;
            kind = fullName switch
            {
                "System.ReadOnlySpan`1" => SpanKind.ReadOnlySpan,
                "System.Span`1" => SpanKind.Span,
                "System.Numerics.Tensors.ReadOnlyTensorSpan`1" => SpanKind.ReadOnlyTensorSpan,
                "System.Numerics.Tensors.TensorSpan`1" => SpanKind.TensorSpan,
                _ => SpanKind.Other,
            };
            if (kind != SpanKind.Other)
            {
                ITypeSymbol argument = named.TypeArguments[0];
                element = argument.SpecialType switch
                {
                    SpecialType.System_Single => ElementKind.Single,
                    SpecialType.System_Double => ElementKind.Double,
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

    /// <summary>
    /// The hint-name suffix and the program field name of <paramref name="method"/>, made unique among the
    /// type's other <c>[Einsum]</c> methods (overloads; names that differ only in case, as hint names are
    /// compared ignoring case), the type's own members and the kernels' parameters.
    /// </summary>
    private static (string HintSuffix, string FieldName) SiblingNames(IMethodSymbol method)
    {
        INamedTypeSymbol type = method.ContainingType;
        var siblings = type.GetMembers().OfType<IMethodSymbol>().Where(HasEinsumAttribute).ToList();
        var taken = new HashSet<string>(type.MemberNames, StringComparer.Ordinal);
        taken.UnionWith(siblings.SelectMany(s => s.Parameters).Select(p => p.Name)); // a parameter would hide the field in its method
        var seenNames = new List<string>();
        foreach (IMethodSymbol sibling in siblings)
        {
            string baseName = "s_" + LowerFirst(sibling.Name) + "Program";
            string field = baseName;
            for (int k = 2; taken.Contains(field); k++)
            {
                field = baseName + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            taken.Add(field);
            int earlier = seenNames.Count(s => string.Equals(s, sibling.Name, StringComparison.OrdinalIgnoreCase));
            seenNames.Add(sibling.Name);
            if (SymbolEqualityComparer.Default.Equals(sibling, method))
            {
                string suffix = earlier == 0 ? string.Empty : "(" + (earlier + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
                return (suffix, field);
            }
        }

        return (string.Empty, "s_" + LowerFirst(method.Name) + "Program");
    }

    private static bool HasEinsumAttribute(IMethodSymbol method) =>
        method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == EinsumAttributeName);

    internal static string LowerFirst(string name) =>
        name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);

    /// <summary>A type's part of a hint name: its name, and its type parameters in braces when generic (<c>Cache{T}</c>).</summary>
    internal static string HintPart(INamedTypeSymbol type) =>
        type.TypeParameters.Length == 0 ? type.Name : type.Name + "{" + string.Join(",", type.TypeParameters.Select(t => t.Name)) + "}";

    /// <summary>
    /// Whether the method is implemented already: a body of its own, an implementing declaration elsewhere, or <c>extern</c>
    /// (an extern partial method is itself the implementing declaration, C# 9; another one from TensorGen would be CS0757).
    /// </summary>
    internal static bool HasImplementation(MethodDeclarationSyntax syntax, IMethodSymbol method) =>
        syntax.Body is not null || syntax.ExpressionBody is not null || method.PartialImplementationPart is not null
        || syntax.Modifiers.Any(SyntaxKind.ExternKeyword);

    /// <summary>Modifiers that the implementing declaration repeats (accessibility must match exactly).</summary>
    internal static bool IsRepeatedModifier(SyntaxToken modifier) =>
        modifier.Kind() is SyntaxKind.PublicKeyword or SyntaxKind.PrivateKeyword or SyntaxKind.ProtectedKeyword
            or SyntaxKind.InternalKeyword or SyntaxKind.StaticKeyword or SyntaxKind.UnsafeKeyword or SyntaxKind.NewKeyword;

    /// <summary>A name as C# source: reserved keywords get an <c>@</c>.</summary>
    internal static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
