using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using static TensorGen.Diagnostics.DescriptorFactory;

namespace TensorGen.Diagnostics;

/// <summary>
/// The TG diagnostics of <c>[TensorProduct]</c>, <c>[TensorProductBackward]</c>, <c>[SphericalHarmonics]</c>,
/// <c>[SphericalHarmonicsBackward]</c>, <c>[TensorProductConvolution]</c> and <c>[TensorProductConvolutionBackward]</c>. All are
/// errors in category "TensorGen"; the message names what is wrong, the description says how to fix it.
/// </summary>
internal static class EquivariantDiagnosticDescriptors
{
    public static DiagnosticDescriptor MalformedIrreps { get; } = Create(EquivariantDiagnosticIds.MalformedIrreps,
        "Malformed irreps",
        "Write irreps as e3nn does: blocks 'mul x l parity' separated by '+', parity e, o or y, e.g. \"16x0e + 8x1o + 2e\".");

    public static DiagnosticDescriptor MalformedInstructions { get; } = Create(EquivariantDiagnosticIds.MalformedInstructions,
        "Malformed tensor-product instructions",
        "Write Instructions as e3nn tuples 'i1,i2,iout,mode,hasWeight[,pathWeight]' separated by ';', mode one of uvw, uvu, uvv, uuw, uuu, uvuv, e.g. \"0,0,0,uvw,true; 1,0,1,uvu,false\".");

    public static DiagnosticDescriptor InstructionIndexOutOfRange { get; } = Create(EquivariantDiagnosticIds.InstructionIndexOutOfRange,
        "Instruction index out of range",
        "Instruction indices count the blocks of x1, x2 and the output from 0; use an index below the number of blocks.");

    public static DiagnosticDescriptor SelectionRule { get; } = Create(EquivariantDiagnosticIds.SelectionRule,
        "Instruction violates the selection rule",
        "l1 ⊗ l2 contains l only for |l1 - l2| <= l <= l1 + l2, with parity p1·p2: couple the instruction into an output block whose irrep the product contains.");

    public static DiagnosticDescriptor ModeMismatch { get; } = Create(EquivariantDiagnosticIds.ModeMismatch,
        "Connection mode does not fit the multiplicities",
        "uvu needs mul_out = mul1, uvv mul_out = mul2, uuw mul1 = mul2 (and mul_out = 1 without weights), uuu mul1 = mul2 = mul_out, uvuv mul_out = mul1·mul2; uvw needs weights. Change the mode or the multiplicities.");

    public static DiagnosticDescriptor WeightsMismatch { get; } = Create(EquivariantDiagnosticIds.WeightsMismatch,
        "Weights parameter does not match the product",
        "A product with weighted paths takes a weights parameter ([W] shared, [Z, W] per row) and its backward pass a gradWeights parameter; declare them, or make every path unweighted.");

    public static DiagnosticDescriptor WrongParameters { get; } = Create(EquivariantDiagnosticIds.WrongParameters,
        "Parameters do not match the equivariant kernel",
        "[TensorProduct]: (x1, x2, [weights,] output); [TensorProductBackward]: (x1, x2, [weights,] gradOutput, gradX1, gradX2[, gradWeights]); [SphericalHarmonics]: (vectors, output); [SphericalHarmonicsBackward]: (vectors, gradOutput, gradVectors); [SphericalHarmonicsDoubleBackward]: (vectors, gradOutput, gradGradVectors, gradVectors, gradGradOutput); [TensorProductConvolution]: (nodeFeatures, edgeFeatures, [weights,] senders, receivers, output) with ReadOnlySpan<int> senders and receivers; [TensorProductConvolutionBackward]: (nodeFeatures, edgeFeatures, [weights,] senders, receivers, gradOutput, gradNodeFeatures, gradEdgeFeatures[, gradWeights]). Inputs are ReadOnlyTensorSpan<T>, results TensorSpan<T>, T float or double throughout, passed by value.");

    public static DiagnosticDescriptor NotStaticPartialVoid { get; } = Create(EquivariantDiagnosticIds.NotStaticPartialVoid,
        "Equivariant kernel must be a static partial void method in partial types",
        "Declare the method as 'static partial void Name(...);' without a body and type parameters, and declare every containing type 'partial' (not 'file').");

    public static DiagnosticDescriptor InvalidOption { get; } = Create(EquivariantDiagnosticIds.InvalidOption,
        "Invalid option",
        "Use a defined value of the option's enum, and give either Instructions or Kind, not both.");

    public static DiagnosticDescriptor UnknownForward { get; } = Create(EquivariantDiagnosticIds.UnknownForward,
        "Unknown forward tensor product",
        "[TensorProductBackward(nameof(Forward))] and [TensorProductConvolution(nameof(Product))] name one [TensorProduct] method of the same type; fix the name or add the attribute to the product's method.");

    public static DiagnosticDescriptor ShParity { get; } = Create(EquivariantDiagnosticIds.ShParity,
        "Spherical-harmonics irreps have the wrong parity",
        "Spherical harmonics of vectors have parity (-1)^l (0e, 1o, 2e, 3o, ...); of pseudovectors, even parity throughout. Fix the parities, or write 'y' (e.g. \"0y + 1y + 2y\").");

    public static DiagnosticDescriptor GpuUnsupported { get; } = Create(EquivariantDiagnosticIds.GpuUnsupported,
        "Equivariant kernel not supported on the GPU",
        "Backend.Gpu writes ILGPU kernels beside the CPU kernel; they cannot be written in a generic type, next to a parameter named 'gpu' (the entry points' GpuContext), or — for a backward pass — when a row of x2 is wider than the shared memory that sums its gradient (4096 float or 2048 double features). Remove Backend.Gpu, or change the declaration.");

    public static DiagnosticDescriptor UnknownForwardKernel { get; } = Create(EquivariantDiagnosticIds.UnknownForwardKernel,
        "Unknown forward kernel",
        "[SphericalHarmonicsBackward(nameof(Sh))] and [SphericalHarmonicsDoubleBackward(nameof(Sh))] name one [SphericalHarmonics] method of the same type, [TensorProductConvolutionBackward(nameof(Interaction))] one [TensorProductConvolution] method; fix the name or add the attribute to the forward method.");

    /// <summary>Every descriptor.</summary>
    public static IEnumerable<DiagnosticDescriptor> All => new[]
    {
        MalformedIrreps, MalformedInstructions, InstructionIndexOutOfRange, SelectionRule, ModeMismatch, WeightsMismatch,
        WrongParameters, NotStaticPartialVoid, InvalidOption, UnknownForward, ShParity, GpuUnsupported,
        UnknownForwardKernel,
    };
}
