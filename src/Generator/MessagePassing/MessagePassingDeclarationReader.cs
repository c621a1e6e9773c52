using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using TensorGen.Model;

namespace TensorGen;

/// <summary>
/// The first step of <see cref="MessagePassingGenerator"/>: reads a <c>[TensorProductConvolution]</c> or
/// <c>[TensorProductConvolutionBackward]</c> method into its plain model — the method's shape (<see cref="KernelMethodReader"/>)
/// the name it refers to, with where it is written, and the GPU options (<c>Backends</c>, <c>GpuScatter</c>).
/// </summary>
internal static class MessagePassingDeclarationReader
{
    public const string ConvolutionAttributeName = "TensorGen.TensorProductConvolutionAttribute";
    public const string ConvolutionBackwardAttributeName = "TensorGen.TensorProductConvolutionBackwardAttribute";
    public const string ConvolutionDoubleBackwardAttributeName = "TensorGen.TensorProductConvolutionDoubleBackwardAttribute";

    /// <summary>Overloads and names that differ only in case are numbered among the type's convolution kernels of both kinds.</summary>
    private static readonly string[] s_attributeNames = { ConvolutionAttributeName, ConvolutionBackwardAttributeName, ConvolutionDoubleBackwardAttributeName };

    public static ConvolutionModel ReadConvolution(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var (shape, argument, backends, scatter, hasErrors) = Read(context, "TensorProductConvolution", cancellationToken);
        return new ConvolutionModel(shape, argument, backends, scatter, hasErrors);
    }

    public static ConvolutionBackwardModel ReadBackward(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var (shape, argument, backends, scatter, hasErrors) = Read(context, "TensorProductConvolutionBackward", cancellationToken);
        return new ConvolutionBackwardModel(shape, argument, backends, scatter, hasErrors);
    }

    public static ConvolutionDoubleBackwardModel ReadDoubleBackward(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var (shape, argument, _, _, hasErrors) = Read(context, "TensorProductConvolutionDoubleBackward", cancellationToken);
        return new ConvolutionDoubleBackwardModel(shape, argument, hasErrors);
    }

    private static (KernelMethodShape Shape, AttributeArgumentModel Name, OptionModel Backends, OptionModel GpuScatter, bool HasErrors) Read(GeneratorAttributeSyntaxContext context, string suffix,
        CancellationToken cancellationToken)
    {
        AttributeData attribute = context.Attributes[0];
        KernelMethodShape shape = KernelMethodReader.ReadShape(context, suffix, hintKind: "." + suffix, s_attributeNames, cancellationToken);
        var arguments = KernelMethodReader.ArgumentSyntax(attribute, cancellationToken);
        string? name = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
        return (shape, KernelMethodReader.Argument(name, arguments.FirstOrDefault(a => a.NameEquals is null)),
            EquivariantDeclarationReader.Option(attribute, arguments, "Backends"), EquivariantDeclarationReader.Option(attribute, arguments, "GpuScatter"),
            KernelMethodReader.HasErrors(attribute));
    }
}
