using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TensorGen.Model;

namespace TensorGen;

/// <summary>
/// The first step of <see cref="EquivariantLinearGenerator"/>: reads an <c>[EquivariantLinear]</c> or
/// <c>[EquivariantLinearBackward]</c> method into its plain model — the method's shape (<see cref="KernelMethodReader"/>) and the
/// attribute's arguments with where they are written.
/// </summary>
internal static class EquivariantLinearDeclarationReader
{
    public const string LinearAttributeName = "TensorGen.EquivariantLinearAttribute";
    public const string LinearBackwardAttributeName = "TensorGen.EquivariantLinearBackwardAttribute";

    /// <summary>Overloads and names that differ only in case are numbered among the type's linear kernels of both kinds.</summary>
    private static readonly string[] s_attributeNames = { LinearAttributeName, LinearBackwardAttributeName };

    public static EquivariantLinearModel ReadLinear(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        AttributeData attribute = context.Attributes[0];
        KernelMethodShape shape = KernelMethodReader.ReadShape(context, "EquivariantLinear", hintKind: ".EquivariantLinear", s_attributeNames, cancellationToken);
        SeparatedSyntaxList<AttributeArgumentSyntax> arguments = KernelMethodReader.ArgumentSyntax(attribute, cancellationToken);
        var positional = arguments.Where(a => a.NameEquals is null).ToList();
        AttributeArgumentModel Positional(int index, string parameterName)
        {
            string? value = attribute.ConstructorArguments.Length > index ? attribute.ConstructorArguments[index].Value as string : null;
            AttributeArgumentSyntax? syntax = positional.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameterName)
                ?? (index < positional.Count && positional[index].NameColon is null ? positional[index] : null);
            return KernelMethodReader.Argument(value, syntax);
        }

        bool biases = attribute.NamedArguments.Any(a => a.Key == "Biases" && a.Value.Value is true);
        return new EquivariantLinearModel(shape, Positional(0, "irrepsIn"), Positional(1, "irrepsOut"), biases,
            EquivariantDeclarationReader.Option(attribute, arguments, "PathNormalization"), KernelMethodReader.HasErrors(attribute));
    }

    public static EquivariantLinearBackwardModel ReadBackward(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        AttributeData attribute = context.Attributes[0];
        KernelMethodShape shape = KernelMethodReader.ReadShape(context, "EquivariantLinearBackward", hintKind: ".EquivariantLinearBackward", s_attributeNames,
            cancellationToken);
        SeparatedSyntaxList<AttributeArgumentSyntax> arguments = KernelMethodReader.ArgumentSyntax(attribute, cancellationToken);
        string? forward = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
        return new EquivariantLinearBackwardModel(shape, KernelMethodReader.Argument(forward, arguments.FirstOrDefault(a => a.NameEquals is null)),
            KernelMethodReader.HasErrors(attribute));
    }
}
