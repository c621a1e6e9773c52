using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TensorGen.Diagnostics;
using TensorGen.Model;

namespace TensorGen;

/// <summary>
/// The first step of <see cref="TensorProductGenerator"/>: reads a <c>[TensorProduct]</c>, <c>[TensorProductBackward]</c>, <c>[TensorProductDoubleBackward]</c>,
/// <c>[SphericalHarmonics]</c>, <c>[SphericalHarmonicsBackward]</c> or <c>[SphericalHarmonicsDoubleBackward]</c> method into its plain model: the method's shape (<see cref="KernelMethodReader"/>) and the
/// attribute's arguments with where they are written. Nothing from here on holds a symbol or syntax node.
/// </summary>
internal static class EquivariantDeclarationReader
{
    public const string TensorProductAttributeName = "TensorGen.TensorProductAttribute";
    public const string TensorProductBackwardAttributeName = "TensorGen.TensorProductBackwardAttribute";
    public const string TensorProductDoubleBackwardAttributeName = "TensorGen.TensorProductDoubleBackwardAttribute";
    public const string SphericalHarmonicsAttributeName = "TensorGen.SphericalHarmonicsAttribute";
    public const string SphericalHarmonicsBackwardAttributeName = "TensorGen.SphericalHarmonicsBackwardAttribute";
    public const string SphericalHarmonicsDoubleBackwardAttributeName = "TensorGen.SphericalHarmonicsDoubleBackwardAttribute";

    /// <summary>Overloads and names that differ only in case are numbered among the type's equivariant kernels of every kind.</summary>
    private static readonly string[] s_attributeNames =
    {
        TensorProductAttributeName, TensorProductBackwardAttributeName, SphericalHarmonicsAttributeName, SphericalHarmonicsBackwardAttributeName,
        SphericalHarmonicsDoubleBackwardAttributeName, TensorProductDoubleBackwardAttributeName,
    };

    public static TensorProductModel ReadTensorProduct(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var (shape, attribute, arguments) = Common(context, "TensorProduct", cancellationToken);
        string? Constructor(int index) => attribute.ConstructorArguments.Length > index ? attribute.ConstructorArguments[index].Value as string : null;
        var positional = arguments.Where(a => a.NameEquals is null).ToList();
        AttributeArgumentModel Positional(int index, string parameterName)
        {
            AttributeArgumentSyntax? syntax = positional.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameterName)
                ?? (index < positional.Count && positional[index].NameColon is null ? positional[index] : null);
            return KernelMethodReader.Argument(Constructor(index), syntax);
        }

        var model = new TensorProductAttributeModel(
            Positional(0, "irreps1"),
            Positional(1, "irreps2"),
            Positional(2, "irrepsOut"),
            KernelMethodReader.NamedString(attribute, arguments, "Instructions"),
            Option(attribute, arguments, "Kind"),
            Option(attribute, arguments, "IrrepNormalization"),
            Option(attribute, arguments, "PathNormalization"),
            NamedBool(attribute, "SharedWeights", defaultValue: true),
            Option(attribute, arguments, "Wigner3j"),
            Option(attribute, arguments, "Backends"),
            KernelMethodReader.HasErrors(attribute));
        return new TensorProductModel(shape, model);
    }

    public static TensorProductBackwardModel ReadBackward(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var (shape, attribute, arguments) = Common(context, "TensorProductBackward", cancellationToken);
        var (forward, backends) = NamedForward(attribute, arguments);
        return new TensorProductBackwardModel(shape, forward, backends, KernelMethodReader.HasErrors(attribute));
    }

    public static TensorProductDoubleBackwardModel ReadDoubleBackward(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var (shape, attribute, arguments) = Common(context, "TensorProductDoubleBackward", cancellationToken);
        string? forward = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
        return new TensorProductDoubleBackwardModel(shape, KernelMethodReader.Argument(forward, arguments.FirstOrDefault(a => a.NameEquals is null)),
            KernelMethodReader.HasErrors(attribute));
    }

    public static SphericalHarmonicsModel ReadSphericalHarmonics(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var (shape, attribute, arguments) = Common(context, "SphericalHarmonics", cancellationToken);
        string? irreps = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
        OptionModel normalization = Option(attribute, arguments, "Normalization");
        if (!normalization.IsSet)
        {
            normalization = normalization with { Value = 2 }; // ShNormalization.Integral, the attribute's (and e3nn's) default
        }

        return new SphericalHarmonicsModel(shape, KernelMethodReader.Argument(irreps, arguments.FirstOrDefault(a => a.NameEquals is null)),
            NamedBool(attribute, "Normalize", defaultValue: false), normalization, Option(attribute, arguments, "Backends"), KernelMethodReader.HasErrors(attribute));
    }

    public static SphericalHarmonicsBackwardModel ReadSphericalHarmonicsBackward(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var (shape, attribute, arguments) = Common(context, "SphericalHarmonicsBackward", cancellationToken);
        var (forward, backends) = NamedForward(attribute, arguments);
        return new SphericalHarmonicsBackwardModel(shape, forward, backends, KernelMethodReader.HasErrors(attribute));
    }

    public static SphericalHarmonicsDoubleBackwardModel ReadSphericalHarmonicsDoubleBackward(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var (shape, attribute, arguments) = Common(context, "SphericalHarmonicsDoubleBackward", cancellationToken);
        var (forward, backends) = NamedForward(attribute, arguments);
        return new SphericalHarmonicsDoubleBackwardModel(shape, forward, backends, KernelMethodReader.HasErrors(attribute));
    }

    /// <summary>The arguments of an attribute that names its forward method: the name (positional) and <c>Backends</c>.</summary>
    private static (AttributeArgumentModel Forward, OptionModel Backends) NamedForward(AttributeData attribute, SeparatedSyntaxList<AttributeArgumentSyntax> arguments)
    {
        string? forward = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
        return (KernelMethodReader.Argument(forward, arguments.FirstOrDefault(a => a.NameEquals is null)), Option(attribute, arguments, "Backends"));
    }

    private static (KernelMethodShape Shape, AttributeData Attribute, SeparatedSyntaxList<AttributeArgumentSyntax> Arguments) Common(
        GeneratorAttributeSyntaxContext context, string suffix, CancellationToken cancellationToken)
    {
        AttributeData attribute = context.Attributes[0];
        KernelMethodShape shape = KernelMethodReader.ReadShape(context, suffix, hintKind: "." + suffix, s_attributeNames, cancellationToken);
        return (shape, attribute, KernelMethodReader.ArgumentSyntax(attribute, cancellationToken));
    }

    internal static OptionModel Option(AttributeData attribute, SeparatedSyntaxList<AttributeArgumentSyntax> arguments, string name)
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
}
