using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TensorGen.Model;

namespace TensorGen;

/// <summary>
/// The first step of <see cref="SymmetricContractionGenerator"/>: reads a <c>[SymmetricContraction]</c> or
/// <c>[SymmetricContractionBackward]</c> method into its plain model — the method's shape (<see cref="KernelMethodReader"/>) and
/// the attribute's arguments with where they are written. Nothing from here on holds a symbol or syntax node.
/// </summary>
internal static class SymmetricContractionDeclarationReader
{
    public const string ForwardAttributeName = "TensorGen.SymmetricContractionAttribute";
    public const string BackwardAttributeName = "TensorGen.SymmetricContractionBackwardAttribute";

    /// <summary>MACE's correlation order, the attribute's default.</summary>
    public const int DefaultCorrelation = 3;

    /// <summary>Overloads and names that differ only in case are numbered among the type's symmetric contractions of both kinds.</summary>
    private static readonly string[] s_attributeNames = { ForwardAttributeName, BackwardAttributeName };

    public static SymmetricContractionModel ReadForward(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        AttributeData attribute = context.Attributes[0];
        KernelMethodShape shape = KernelMethodReader.ReadShape(context, "SymmetricContraction", hintKind: ".SymmetricContraction", s_attributeNames, cancellationToken);
        var arguments = KernelMethodReader.ArgumentSyntax(attribute, cancellationToken);
        var positional = arguments.Where(a => a.NameEquals is null).ToList();
        AttributeArgumentModel Positional(int index, string parameterName)
        {
            string? value = attribute.ConstructorArguments.Length > index ? attribute.ConstructorArguments[index].Value as string : null;
            AttributeArgumentSyntax? syntax = positional.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameterName)
                ?? (index < positional.Count && positional[index].NameColon is null ? positional[index] : null);
            return KernelMethodReader.Argument(value, syntax);
        }

        OptionModel correlation = EquivariantDeclarationReader.Option(attribute, arguments, "Correlation");
        OptionModel elements = EquivariantDeclarationReader.Option(attribute, arguments, "Elements");
        var model = new SymmetricContractionAttributeModel(
            Positional(0, "irrepsIn"),
            Positional(1, "irrepsOut"),
            correlation.IsSet ? correlation : correlation with { Value = DefaultCorrelation },
            elements.IsSet ? elements : elements with { Value = 1 },
            EquivariantDeclarationReader.Option(attribute, arguments, "Wigner3j"),
            KernelMethodReader.HasErrors(attribute));
        return new SymmetricContractionModel(shape, model);
    }

    public static SymmetricContractionBackwardModel ReadBackward(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        AttributeData attribute = context.Attributes[0];
        KernelMethodShape shape = KernelMethodReader.ReadShape(context, "SymmetricContractionBackward", hintKind: ".SymmetricContractionBackward", s_attributeNames,
            cancellationToken);
        var arguments = KernelMethodReader.ArgumentSyntax(attribute, cancellationToken);
        string? forward = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
        return new SymmetricContractionBackwardModel(shape, KernelMethodReader.Argument(forward, arguments.FirstOrDefault(a => a.NameEquals is null)),
            KernelMethodReader.HasErrors(attribute));
    }
}
