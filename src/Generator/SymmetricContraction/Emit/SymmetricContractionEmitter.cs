using System.Collections.Generic;
using System.Linq;
using TensorGen.Emit.Equivariant;
using TensorGen.Equivariance;
using TensorGen.Model;
using static TensorGen.Emit.CSharpLiteral;

namespace TensorGen.Emit.SymmetricContraction;

/// <summary>
/// Writes the files of <c>[SymmetricContraction]</c> and <c>[SymmetricContractionBackward]</c> methods: the method calls the
/// runtime's <c>SymmetricContractionDriver</c> (checks, folding, gathers, threads) with a file-local kernel type whose members
/// — fold, per-atom forward or backward, unfold — are straight-line code over the spec's terms
/// (<see cref="SymmetricContractionStatements"/> through the CPU <see cref="PathDialect"/>), looped over channel blocks.
/// </summary>
internal static class SymmetricContractionEmitter
{
    private const string Runtime = "global::TensorGen.Runtime.SymmetricContraction.";

    public static string EmitForward(KernelMethodShape method, SymmetricContractionSpec spec, string element)
    {
        string[] names = method.Parameters.Select(p => p.Name).ToArray();
        string body = $"{Runtime}SymmetricContractionDriver.Forward<{element}, {EquivariantFileEmitter.KernelReference(method)}>({string.Join(", ", names)});";
        return EquivariantFileEmitter.Emit(method,
            writer => SymmetricContractionHeaderWriter.Write(writer, $"TensorGen: symmetric contraction {method.DisplayName} ({element})", spec),
            body,
            writer => WriteKernel(writer, method, spec, element, backward: false),
            element,
            gpuMembers: null);
    }

    public static string EmitBackward(KernelMethodShape method, string forward, SymmetricContractionSpec spec, string element)
    {
        string[] names = method.Parameters.Select(p => p.Name).ToArray();
        string body = $"{Runtime}SymmetricContractionDriver.Backward<{element}, {EquivariantFileEmitter.KernelReference(method)}>({string.Join(", ", names)});";
        return EquivariantFileEmitter.Emit(method,
            writer => SymmetricContractionHeaderWriter.Write(writer, $"TensorGen: backward pass {method.DisplayName} of symmetric contraction {forward} ({element})", spec),
            body,
            writer => WriteKernel(writer, method, spec, element, backward: true),
            element,
            gpuMembers: null);
    }

    private static void WriteKernel(SourceWriter writer, KernelMethodShape method, SymmetricContractionSpec spec, string element, bool backward)
    {
        var statements = new SymmetricContractionStatements(spec, PathDialect.Cpu(element, sharedWeights: true, weightOffset: 0, "Add"),
            (array, index, value) => $"Store(ref {array}, {index}, {value});");
        string kind = backward ? "Backward" : "Forward";
        writer.WriteLine($"/// <summary>The kernel of {method.DisplayName}: one atom at a time, SIMD lanes across channels.</summary>");
        writer.OpenBlock($"file readonly struct {method.LocalTypeName} : {Runtime}ISymmetricContraction{kind}<{element}>");
        string parameterNames = string.Join(", ", method.Parameters.Select(p => String(p.DisplayName)));
        writer.WriteLine($"public static {Runtime}SymmetricContractionLayout Layout {{ get; }} = new({String(method.DisplayName)}, new[] {{ {parameterNames} }}, "
            + $"channels: {Int(spec.Channels)}, elements: {Int(spec.Elements)}, inputDegrees: new[] {{ {Degrees(spec.IrrepsIn)} }}, "
            + $"outputDegrees: new[] {{ {Degrees(spec.IrrepsOut)} }}, weightRows: {Int(spec.WeightRows)}, terms: {Int(spec.Terms.Count)}, "
            + $"multipliesPerChannel: {Int(spec.ForwardMultipliesPerChannel)});");

        // Per channel block j, each operand's block: A and its gradient [coupling dim], outputs [output dim], coefficients and sums [terms].
        int terms = spec.Terms.Count, coupling = spec.CouplingDim, outputs = spec.OutputDim;
        WriteMethod(writer, element, $"Fold(ref {element} weights, int element, int channelBlocks, ref {element} folded)", statements.RowBases("element"),
            new[] { ("g", "folded", terms) }, statements.Fold("weights", "channelBlocks", "j", "g"));
        if (!backward)
        {
            WriteMethod(writer, element, $"Forward(ref {element} a, ref {element} folded, int channelBlocks, ref {element} output)", Enumerable.Empty<string>(),
                new[] { ("x", "a", coupling), ("g", "folded", terms), ("y", "output", outputs) },
                statements.Monomials("x").Concat(statements.Outputs("g", "y")));
        }
        else
        {
            WriteMethod(writer, element, $"Backward(ref {element} a, ref {element} folded, ref {element} gradOutput, int channelBlocks, ref {element} gradA, ref {element} sums)",
                Enumerable.Empty<string>(),
                new[] { ("x", "a", coupling), ("g", "folded", terms), ("gy", "gradOutput", outputs), ("gx", "gradA", coupling), ("h", "sums", terms) },
                statements.Monomials("x").Concat(statements.Backward("g", "gy", "gx", "h")));
            WriteMethod(writer, element, $"Unfold(ref {element} sums, int element, int channelBlocks, ref {element} gradWeights)", statements.RowBases("element"),
                new[] { ("h", "sums", terms) }, statements.Unfold("h", "channelBlocks", "j", "gradWeights"));
        }

        writer.CloseBlock();
    }

    /// <summary>A kernel member: <paramref name="setup"/>, then per channel block j a ref to each operand's block and <paramref name="body"/>.</summary>
    private static void WriteMethod(SourceWriter writer, string element, string signature, IEnumerable<string> setup,
        IEnumerable<(string Name, string Operand, int Features)> blocks, IEnumerable<string> body)
    {
        writer.WriteLine();
        writer.WriteLine("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");
        writer.OpenBlock("public static void " + signature);
        WriteLines(writer, setup);
        writer.OpenBlock("for (int j = 0; j < channelBlocks; j++)");
        foreach (var (name, operand, features) in blocks)
        {
            writer.WriteLine($"ref {element} {name} = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref {operand}, j * ({Int(features)} * Lanes.Count));");
        }

        WriteLines(writer, body);
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static void WriteLines(SourceWriter writer, IEnumerable<string> lines)
    {
        foreach (string line in lines)
        {
            writer.WriteLine(line);
        }
    }

    private static string Degrees(Irreps irreps) => string.Join(", ", irreps.Blocks.Select(b => Int(b.Irrep.L)));
}
