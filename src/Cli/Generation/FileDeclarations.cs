using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TensorGen.Cli.Generation;

/// <summary>An <c>[Einsum]</c> declaration found in a .cs file: where it is, what it contracts, and how to call it.</summary>
internal sealed record EinsumDeclaration(string Name, string Expression, string? Sizes, KernelTarget Target, bool IsStatic);

/// <summary>The <c>[Einsum]</c> declarations of a compilation's source (bench runs a file's kernels by these).</summary>
internal static class FileDeclarations
{
    private const string EinsumAttribute = "TensorGen.EinsumAttribute";

    public static IReadOnlyList<EinsumDeclaration> Find(Compilation compilation)
    {
        var found = new List<EinsumDeclaration>();
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            foreach (MethodDeclarationSyntax syntax in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(syntax) is not IMethodSymbol method || method.PartialImplementationPart is null && syntax.Body is not null)
                {
                    continue;
                }

                AttributeData? attribute = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == EinsumAttribute);
                if (attribute is null || attribute.ConstructorArguments.Length == 0 || attribute.ConstructorArguments[0].Value is not string expression)
                {
                    continue;
                }

                string? sizes = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Sizes").Value.Value as string;
                string elementType = method.Parameters.Length > 0 && method.Parameters[0].Type is INamedTypeSymbol { TypeArguments.Length: 1 } span
                    ? span.TypeArguments[0].ToDisplayString()
                    : "float";
                string target = method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + method.Name;
                string name = method.ContainingType.ToDisplayString() + "." + method.Name;
                found.Add(new EinsumDeclaration(name, expression, sizes, new KernelTarget(target, elementType, Math.Max(0, method.Parameters.Length - 1)),
                    sizes is not null));
            }
        }

        return found;
    }
}
