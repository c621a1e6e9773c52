using System;
using System.Collections.Generic;
using System.Linq;

namespace TensorGen;

/// <summary>
/// TensorGen's kernel attributes, across the three generators, and the rule for a method that carries more than one
/// kind of them (TG0022). Plain C#: the readers pass the attributes' class names in.
/// </summary>
internal static class KernelAttributes
{
    /// <summary>
    /// The attributes' metadata names and the names messages use. The order decides which pipeline reports TG0022: the one
    /// of the kind that comes first (einsum, then the equivariant kinds, then the decompositions).
    /// </summary>
    public static IReadOnlyList<(string MetadataName, string DisplayName)> All { get; } = new[]
    {
        (EinsumDeclarationReader.EinsumAttributeName, "Einsum"),
        (EquivariantDeclarationReader.TensorProductAttributeName, "TensorProduct"),
        (EquivariantDeclarationReader.TensorProductBackwardAttributeName, "TensorProductBackward"),
        (EquivariantDeclarationReader.TensorProductDoubleBackwardAttributeName, "TensorProductDoubleBackward"),
        (EquivariantDeclarationReader.SphericalHarmonicsAttributeName, "SphericalHarmonics"),
        (EquivariantDeclarationReader.SphericalHarmonicsBackwardAttributeName, "SphericalHarmonicsBackward"),
        (EquivariantDeclarationReader.SphericalHarmonicsDoubleBackwardAttributeName, "SphericalHarmonicsDoubleBackward"),
        (MessagePassingDeclarationReader.ConvolutionAttributeName, "TensorProductConvolution"),
        (MessagePassingDeclarationReader.ConvolutionBackwardAttributeName, "TensorProductConvolutionBackward"),
        (MessagePassingDeclarationReader.ConvolutionDoubleBackwardAttributeName, "TensorProductConvolutionDoubleBackward"),
        (SymmetricContractionDeclarationReader.ForwardAttributeName, "SymmetricContraction"),
        (SymmetricContractionDeclarationReader.BackwardAttributeName, "SymmetricContractionBackward"),
        (EquivariantLinearDeclarationReader.LinearAttributeName, "EquivariantLinear"),
        (EquivariantLinearDeclarationReader.LinearBackwardAttributeName, "EquivariantLinearBackward"),
        ("TensorGen.CpKernelAttribute", "CpKernel"),
        ("TensorGen.TuckerKernelAttribute", "TuckerKernel"),
        ("TensorGen.TensorTrainKernelAttribute", "TensorTrainKernel"),
        ("TensorGen.TensorTrainMatrixKernelAttribute", "TensorTrainMatrixKernel"),
    };

    /// <summary>
    /// Whether a method's attributes (their classes' full names, in source order, null for an unbound one) hold more than one
    /// kernel kind, and if so: the kinds in the order they first appear (display names), the kind whose pipeline reports it,
    /// and the position of the attribute the diagnostic points at — the first one of a kind other than the first's. The same
    /// attribute twice is one kind (the compiler reports CS0579 for it).
    /// </summary>
    public static MixedKernelAttributes? FindMixed(IReadOnlyList<string?> attributeClassNames)
    {
        var kinds = new List<int>();
        int at = -1;
        for (int position = 0; position < attributeClassNames.Count; position++)
        {
            int kind = IndexOf(attributeClassNames[position]);
            if (kind < 0)
            {
                continue;
            }

            if (kinds.Count > 0 && kind != kinds[0] && at < 0)
            {
                at = position;
            }

            if (!kinds.Contains(kind))
            {
                kinds.Add(kind);
            }
        }

        return kinds.Count < 2
            ? null
            : new MixedKernelAttributes(kinds.Select(k => All[k].DisplayName).ToList(), All[kinds.Min()].DisplayName, at);
    }

    /// <summary>The kinds as a message lists them: <c>[TensorProduct] and [Einsum]</c>, <c>[A], [B] and [C]</c>.</summary>
    public static string List(IReadOnlyList<string> displayNames)
    {
        var bracketed = displayNames.Select(n => "[" + n + "]").ToList();
        return bracketed.Count == 1
            ? bracketed[0]
            : string.Join(", ", bracketed.Take(bracketed.Count - 1)) + " and " + bracketed[bracketed.Count - 1];
    }

    private static int IndexOf(string? metadataName)
    {
        for (int k = 0; k < All.Count; k++)
        {
            if (string.Equals(All[k].MetadataName, metadataName, StringComparison.Ordinal))
            {
                return k;
            }
        }

        return -1;
    }
}

/// <summary>What <see cref="KernelAttributes.FindMixed"/> finds on a method with more than one kernel kind.</summary>
/// <param name="Kinds">The kinds' display names, in the order they first appear.</param>
/// <param name="Reporter">The display name of the kind whose pipeline reports TG0022.</param>
/// <param name="Position">The position, among the method's attributes, of the first attribute of a second kind.</param>
internal sealed record MixedKernelAttributes(IReadOnlyList<string> Kinds, string Reporter, int Position);
