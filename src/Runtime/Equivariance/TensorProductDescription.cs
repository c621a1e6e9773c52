using System;
using System.Collections.Generic;
using System.Linq;

namespace TensorGen.Equivariance;

/// <summary>
/// What a <see cref="TensorProductAttribute"/> with these arguments generates, computed at run time by the same code the
/// generator runs: the irreps as the kernel uses them (derived outputs included), the weight count, e3nn's normalized
/// instructions, FLOPs and the path table printed in the generated file's header. Use it to size buffers and to read a
/// product's structure.
/// </summary>
public sealed class TensorProductDescription
{
    private TensorProductDescription(TensorProductSpec spec)
    {
        Irreps1 = spec.Irreps1.ToString();
        Irreps2 = spec.Irreps2.ToString();
        IrrepsOut = spec.IrrepsOut.ToString();
        Dim1 = spec.Irreps1.Dim;
        Dim2 = spec.Irreps2.Dim;
        DimOut = spec.IrrepsOut.Dim;
        WeightCount = spec.WeightCount;
        SharedWeights = spec.SharedWeights;
        PathCount = spec.Paths.Count;
        PathWeights = spec.Paths.Select(p => p.NormalizedWeight).ToArray();
        Instructions = string.Join("; ", spec.Instructions.Select(i => i.ToString()));
        ForwardFlops = TensorProductCost.ForwardFlops(spec);
        BackwardFlops = TensorProductCost.BackwardFlops(spec);
        PathTable = Equivariance.PathTable.Lines(spec);
    }

    /// <summary>Describes the product the attribute with these arguments declares.</summary>
    /// <exception cref="ArgumentException">The arguments are invalid; the message is the diagnostic the generator would report.</exception>
    public static TensorProductDescription Create(string irreps1, string irreps2, string irrepsOut, string? instructions = null,
        TensorProductKind kind = TensorProductKind.FullyConnected, IrrepNormalization irrepNormalization = IrrepNormalization.Component,
        PathNormalization pathNormalization = PathNormalization.Element, bool sharedWeights = true, Wigner3jConvention wigner3j = Wigner3jConvention.E3nn)
    {
        if (!Enum.IsDefined(kind) || !Enum.IsDefined(irrepNormalization) || !Enum.IsDefined(pathNormalization) || !Enum.IsDefined(wigner3j))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), "An option is not a defined value of its enum.");
        }

        var options = new TensorProductOptions(irreps1, irreps2, irrepsOut, instructions, (ProductTemplate)(int)kind,
            (IrrepNormalizationRule)(int)irrepNormalization, (PathNormalizationRule)(int)pathNormalization, sharedWeights, (Wigner3jPhase)(int)wigner3j);
        TensorProductBuildResult result = TensorProductBuilder.Build(options);
        if (result.Spec is null)
        {
            throw new ArgumentException(string.Join(" ", result.Errors.Select(e => e.Message)));
        }

        return new TensorProductDescription(result.Spec);
    }

    /// <summary>x1's irreps as the kernel uses them (the elementwise product splits blocks; the layout is unchanged).</summary>
    public string Irreps1 { get; }

    /// <summary>x2's irreps as the kernel uses them.</summary>
    public string Irreps2 { get; }

    /// <summary>The output irreps (derived for the elementwise, full and channelwise kinds).</summary>
    public string IrrepsOut { get; }

    /// <summary>x1's features per row.</summary>
    public int Dim1 { get; }

    /// <summary>x2's features per row.</summary>
    public int Dim2 { get; }

    /// <summary>The output's features per row.</summary>
    public int DimOut { get; }

    /// <summary>e3nn's <c>weight_numel</c>.</summary>
    public int WeightCount { get; }

    /// <summary>Whether the weights are [W] (else [Z, W]).</summary>
    public bool SharedWeights { get; }

    /// <summary>The number of instructions.</summary>
    public int PathCount { get; }

    /// <summary>e3nn's normalized path weight of each instruction.</summary>
    public IReadOnlyList<double> PathWeights { get; }

    /// <summary>The instructions in the <c>Instructions</c> syntax (user path weights included, normalization not).</summary>
    public string Instructions { get; }

    /// <summary>Floating-point operations per batch row of the forward pass (2 per CG non-zero per multiplicity pair, 2 per weight multiply-add).</summary>
    public long ForwardFlops { get; }

    /// <summary>Floating-point operations per batch row of the backward pass.</summary>
    public long BackwardFlops { get; }

    /// <summary>The path table of the generated file's header, one line per string.</summary>
    public IReadOnlyList<string> PathTable { get; }
}
