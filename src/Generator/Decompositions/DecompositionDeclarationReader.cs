using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using TensorGen.Decompositions.Lowering;
using TensorGen.Decompositions.Model;
using TensorGen.Diagnostics;
using TensorGen.Model;

namespace TensorGen.Decompositions;

/// <summary>
/// The decomposition family's first step: a method carrying one of the four decomposition attributes — its shape
/// (<see cref="KernelMethodReader"/>), its types classified and the attribute's arguments — into a <see cref="DecompositionMethodModel"/>.
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

    private static readonly string[] s_attributeNames = Attributes.Select(a => a.MetadataName).ToArray();

    public static DecompositionMethodModel Read(GeneratorAttributeSyntaxContext context, DecompositionFormat format, string attributeName,
        CancellationToken cancellationToken)
    {
        var method = (IMethodSymbol)context.TargetSymbol;
        AttributeData attribute = context.Attributes[0];
        var arguments = KernelMethodReader.ArgumentSyntax(attribute, cancellationToken);
        KernelMethodShape shape = KernelMethodReader.ReadShape(context, attributeName, hintKind: string.Empty, s_attributeNames, cancellationToken);
        return new DecompositionMethodModel
        {
            Method = shape,
            ReturnType = Classify(method.ReturnType),
            ParameterTypes = method.Parameters.Select(p => Classify(p.Type)).ToEquatableArray(),
            Format = format,
            AttributeName = attributeName,
            OperationValue = attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is int operation ? operation : -1,
            OperationLocation = arguments.FirstOrDefault(a => a.NameEquals is null)?.Expression.GetLocation().ToLocationInfo(),
            Order = KernelMethodReader.NamedValue(attribute, "Order") is int order ? order : 0,
            OrderLocation = KernelMethodReader.NamedSyntax(arguments, "Order")?.GetLocation().ToLocationInfo(),
            Shape = KernelMethodReader.NamedString(attribute, arguments, "Shape"),
            Ranks = KernelMethodReader.NamedString(attribute, arguments, "Ranks"),
            TrainRanks = KernelMethodReader.NamedString(attribute, arguments, "TrainRanks"),
            Modes = KernelMethodReader.NamedString(attribute, arguments, "Modes"),
            AttributeHasErrors = KernelMethodReader.HasErrors(attribute),
            MemberStem = MemberStem(method),
        };
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
            string definition = KernelMethodReader.GenericDefinitionName(named);
            DecompositionTypeKind kind = KernelMethodReader.SpanKindOf(definition) switch
            {
                SpanKind.ReadOnlySpan => DecompositionTypeKind.ReadOnlySpan,
                SpanKind.Span => DecompositionTypeKind.Span,
                SpanKind.ReadOnlyTensorSpan => DecompositionTypeKind.ReadOnlyTensorSpan,
                SpanKind.TensorSpan => DecompositionTypeKind.TensorSpan,
                _ => definition switch
                {
                    "TensorGen.Decompositions.CpTensor`1" => DecompositionTypeKind.CpTensor,
                    "TensorGen.Decompositions.TuckerTensor`1" => DecompositionTypeKind.TuckerTensor,
                    "TensorGen.Decompositions.TensorTrain`1" => DecompositionTypeKind.TensorTrain,
                    "TensorGen.Decompositions.TensorTrainMatrix`1" => DecompositionTypeKind.TensorTrainMatrix,
                    _ => DecompositionTypeKind.Other,
                },
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
    /// The member stem of <paramref name="method"/>: overloads (and names that differ only in case) among the type's
    /// decomposition kernels are numbered, and the stem's helper and field names avoid the type's own members.
    /// </summary>
    private static string MemberStem(IMethodSymbol method)
    {
        INamedTypeSymbol type = method.ContainingType;
        var taken = new HashSet<string>(type.MemberNames, StringComparer.Ordinal) { type.Name }; // no member may have its type's name (CS0542)
        var seen = new List<string>();
        foreach (IMethodSymbol sibling in KernelSiblings.Of(type, s_attributeNames))
        {
            int earlier = seen.Count(s => string.Equals(s, sibling.Name, StringComparison.OrdinalIgnoreCase));
            seen.Add(sibling.Name);
            string stem = earlier == 0 ? sibling.Name : sibling.Name + (earlier + 1).ToString(CultureInfo.InvariantCulture);
            while (taken.Contains(stem + "Contraction") || taken.Contains("s_" + KernelMethodReader.LowerFirst(stem) + "Program"))
            {
                stem += "_";
            }

            taken.Add(stem + "Contraction");
            if (SymbolEqualityComparer.Default.Equals(sibling, method))
            {
                return stem;
            }
        }

        return method.Name;
    }

}
