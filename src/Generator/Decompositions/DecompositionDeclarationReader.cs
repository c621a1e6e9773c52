using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TensorGen.Decompositions.Lowering;
using TensorGen.Decompositions.Model;
using TensorGen.Diagnostics;
using TensorGen.Model;

namespace TensorGen.Decompositions;

/// <summary>
/// The decomposition pipeline's first step: reads a method carrying one of the four decomposition attributes into a
/// <see cref="DecompositionMethodModel"/>. With the pipeline, the only code that sees Roslyn's types.
/// </summary>
internal static class DecompositionDeclarationReader
{
    /// <summary>The attributes, their formats and the names messages use.</summary>
    public static readonly IReadOnlyList<(string MetadataName, DecompositionFormat Format, string DisplayName)> Attributes = new[]
    {
        ("TensorGen.CpKernelAttribute", DecompositionFormat.Cp, "CpKernel"),
        ("TensorGen.TuckerKernelAttribute", DecompositionFormat.Tucker, "TuckerKernel"),
        ("TensorGen.TensorTrainKernelAttribute", DecompositionFormat.TensorTrain, "TensorTrainKernel"),
        ("TensorGen.TensorTrainMatrixKernelAttribute", DecompositionFormat.TensorTrainMatrix, "TensorTrainMatrixKernel"),
    };

    public static DecompositionDeclaration Read(GeneratorAttributeSyntaxContext context, DecompositionFormat format, string attributeName,
        CancellationToken cancellationToken)
    {
        try
        {
            var syntax = (MethodDeclarationSyntax)context.TargetNode;
            var method = (IMethodSymbol)context.TargetSymbol;
            return new DecompositionDeclaration(
                ReadMethod(syntax, method, context.Attributes[0], format, attributeName, cancellationToken), EquatableArray<DiagnosticInfo>.Empty);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Location location = context.TargetNode is MethodDeclarationSyntax method ? method.Identifier.GetLocation() : context.TargetNode.GetLocation();
            var error = InternalErrors.Create(context.TargetSymbol.Name, e, location.ToLocationInfo());
            return new DecompositionDeclaration(null, new[] { error }.ToEquatableArray());
        }
    }

    private static DecompositionMethodModel ReadMethod(MethodDeclarationSyntax syntax, IMethodSymbol method, AttributeData attribute,
        DecompositionFormat format, string attributeName, CancellationToken cancellationToken)
    {
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var arguments = attributeSyntax?.ArgumentList?.Arguments ?? default;
        AttributeArgumentSyntax? Named(string name) => arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);

        bool attributeHasErrors = attribute.AttributeConstructor is null
            || attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error)
            || attribute.NamedArguments.Any(a => a.Value.Kind == TypedConstantKind.Error);
        int operation = attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is int value ? value : -1;
        int order = 0;
        string? shape = null, ranks = null, trainRanks = null, modes = null;
        foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
        {
            switch (named.Key)
            {
                case "Order" when named.Value.Value is int given:
                    order = given;
                    break;
                case "Shape":
                    shape = named.Value.Value as string;
                    break;
                case "Ranks":
                    ranks = named.Value.Value as string;
                    break;
                case "TrainRanks":
                    trainRanks = named.Value.Value as string;
                    break;
                case "Modes":
                    modes = named.Value.Value as string;
                    break;
            }
        }

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

        var (hintSuffix, stem) = SiblingNames(method);
        string hintName = string.Concat(namespaceParts.Select(p => p + ".")) + string.Join(".", typeSymbols.Select(DeclarationReader.HintPart))
            + "." + method.Name + hintSuffix + ".g.cs";

        string displayName = string.Join(".", typeSymbols.Select(t => t.Name)) + "." + method.Name;
        LocationInfo? location = syntax.Identifier.GetLocation().ToLocationInfo();
        return new DecompositionMethodModel
        {
            Name = DeclarationReader.Identifier(method.Name),
            DisplayName = displayName,
            HintName = hintName,
            Namespace = string.Join(".", namespaceParts),
            ContainingTypes = DeclarationReader.ContainingTypes(syntax, typeSymbols).ToEquatableArray(),
            Modifiers = string.Join(" ", syntax.Modifiers.Where(DeclarationReader.IsRepeatedModifier).Select(m => m.Text)),
            ReturnTypeDeclaration = (method.ReturnsByRefReadonly ? "ref readonly " : method.ReturnsByRef ? "ref " : string.Empty)
                + method.ReturnType.ToDisplayString(DeclarationReader.s_fullyQualified),
            ReturnType = Classify(method.ReturnType),
            IsStatic = method.IsStatic,
            IsGeneric = method.IsGenericMethod,
            IsPartial = syntax.Modifiers.Any(SyntaxKind.PartialKeyword),
            HasBody = DeclarationReader.HasImplementation(syntax, method),
            Parameters = method.Parameters
                .Select((p, i) => Parameter(p, i < syntax.ParameterList.Parameters.Count ? syntax.ParameterList.Parameters[i] : null))
                .ToEquatableArray(),
            Format = format,
            AttributeName = attributeName,
            OperationValue = operation,
            OperationLocation = arguments.FirstOrDefault(a => a.NameEquals is null)?.Expression.GetLocation().ToLocationInfo(),
            Order = order,
            OrderLocation = Named("Order")?.GetLocation().ToLocationInfo(),
            Shape = DeclarationReader.Argument(shape, Named("Shape")),
            Ranks = DeclarationReader.Argument(ranks, Named("Ranks")),
            TrainRanks = DeclarationReader.Argument(trainRanks, Named("TrainRanks")),
            Modes = DeclarationReader.Argument(modes, Named("Modes")),
            AttributeHasErrors = attributeHasErrors,
            MemberStem = stem,
            Location = location,
            Conflict = AttributeConflictReader.Read(method, attributeName, displayName, location, cancellationToken),
        };
    }

    private static DecompositionParameterModel Parameter(IParameterSymbol parameter, ParameterSyntax? syntax)
    {
        string modifier = parameter.IsParams ? "params" : parameter.RefKind switch
        {
            RefKind.Ref => "ref",
            RefKind.Out => "out",
            RefKind.In => "in",
            RefKind.RefReadOnlyParameter => "ref readonly",
            _ => string.Empty,
        };
        string writtenModifiers = syntax is null ? string.Empty : string.Concat(syntax.Modifiers.Select(m => m.Text + " "));
        return new DecompositionParameterModel(
            DeclarationReader.Identifier(parameter.Name),
            parameter.Name,
            writtenModifiers + parameter.Type.ToDisplayString(DeclarationReader.s_fullyQualified) + " " + DeclarationReader.Identifier(parameter.Name),
            Classify(parameter.Type),
            modifier,
            syntax?.GetLocation().ToLocationInfo(),
            (syntax?.Type?.GetLocation() ?? syntax?.GetLocation()).ToLocationInfo());
    }

    private static DecompositionTypeModel Classify(ITypeSymbol type)
    {
        string display = type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        if (type.SpecialType == SpecialType.System_Void)
        {
            return new DecompositionTypeModel(DecompositionTypeKind.Void, DecompositionElement.None, display, string.Empty);
        }

        DecompositionElement scalar = ElementOf(type);
        if (scalar != DecompositionElement.Other)
        {
            return new DecompositionTypeModel(DecompositionTypeKind.Element, scalar, display, display);
        }

        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named)
        {
            INamedTypeSymbol definition = named.OriginalDefinition;
            string fullName = (definition.ContainingNamespace?.ToDisplayString() ?? string.Empty) + "." + definition.MetadataName;
            DecompositionTypeKind kind = fullName switch
            {
                "System.ReadOnlySpan`1" => DecompositionTypeKind.ReadOnlySpan,
                "System.Span`1" => DecompositionTypeKind.Span,
                "System.Numerics.Tensors.ReadOnlyTensorSpan`1" => DecompositionTypeKind.ReadOnlyTensorSpan,
                "System.Numerics.Tensors.TensorSpan`1" => DecompositionTypeKind.TensorSpan,
                "TensorGen.Decompositions.CpTensor`1" => DecompositionTypeKind.CpTensor,
                "TensorGen.Decompositions.TuckerTensor`1" => DecompositionTypeKind.TuckerTensor,
                "TensorGen.Decompositions.TensorTrain`1" => DecompositionTypeKind.TensorTrain,
                "TensorGen.Decompositions.TensorTrainMatrix`1" => DecompositionTypeKind.TensorTrainMatrix,
                _ => DecompositionTypeKind.Other,
            };
            if (kind != DecompositionTypeKind.Other)
            {
                ITypeSymbol argument = named.TypeArguments[0];
                return new DecompositionTypeModel(kind, ElementOf(argument), display,
                    argument.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat));
            }
        }

        return new DecompositionTypeModel(DecompositionTypeKind.Other, DecompositionElement.Other, display, string.Empty);
    }

    private static DecompositionElement ElementOf(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Single => DecompositionElement.Single,
        SpecialType.System_Double => DecompositionElement.Double,
        _ => type.ToDisplayString() == "System.Numerics.Complex" ? DecompositionElement.Complex : DecompositionElement.Other,
    };

    /// <summary>
    /// The hint-name suffix and the member stem of <paramref name="method"/>: overloads (and names that differ only in
    /// case) among the type's decomposition kernels are numbered, and the stem's helper and field names avoid the type's
    /// own members.
    /// </summary>
    private static (string HintSuffix, string Stem) SiblingNames(IMethodSymbol method)
    {
        INamedTypeSymbol type = method.ContainingType;
        var taken = new HashSet<string>(type.MemberNames, StringComparer.Ordinal) { type.Name }; // no member may have its type's name (CS0542)
        var seen = new List<string>();
        foreach (IMethodSymbol sibling in type.GetMembers().OfType<IMethodSymbol>().Where(IsDecompositionKernel))
        {
            int earlier = seen.Count(s => string.Equals(s, sibling.Name, StringComparison.OrdinalIgnoreCase));
            seen.Add(sibling.Name);
            string stem = earlier == 0 ? sibling.Name : sibling.Name + (earlier + 1).ToString(CultureInfo.InvariantCulture);
            while (taken.Contains(stem + "Contraction") || taken.Contains("s_" + DeclarationReader.LowerFirst(stem) + "Program"))
            {
                stem += "_";
            }

            taken.Add(stem + "Contraction");
            if (SymbolEqualityComparer.Default.Equals(sibling, method))
            {
                return (earlier == 0 ? string.Empty : "(" + (earlier + 1).ToString(CultureInfo.InvariantCulture) + ")", stem);
            }
        }

        return (string.Empty, method.Name);
    }

    private static bool IsDecompositionKernel(IMethodSymbol method) =>
        method.GetAttributes().Any(a => Attributes.Any(known => a.AttributeClass?.ToDisplayString() == known.MetadataName));
}
