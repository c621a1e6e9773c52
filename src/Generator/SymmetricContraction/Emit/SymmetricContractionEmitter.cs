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
        string unsafeAdd = "global::System.Runtime.CompilerServices.Unsafe.Add";
        const string Optimize = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]";

        writer.WriteLine($"/// <summary>The kernel of {method.DisplayName}: one atom at a time, SIMD lanes across channels.</summary>");
        writer.OpenBlock($"file readonly struct {method.LocalTypeName} : {Runtime}ISymmetricContraction{kind}<{element}>");
        string parameterNames = string.Join(", ", method.Parameters.Select(p => String(p.DisplayName)));
        writer.WriteLine($"public static {Runtime}SymmetricContractionLayout Layout {{ get; }} = new({String(method.DisplayName)}, new[] {{ {parameterNames} }}, "
            + $"channels: {Int(spec.Channels)}, elements: {Int(spec.Elements)}, inputDegrees: new[] {{ {Degrees(spec.IrrepsIn)} }}, "
            + $"outputDegrees: new[] {{ {Degrees(spec.IrrepsOut)} }}, weightRows: {Int(spec.WeightRows)}, terms: {Int(spec.Terms.Count)}, "
            + $"multipliesPerChannel: {Int(spec.ForwardMultipliesPerChannel)});");
        writer.WriteLine();

        string terms = $"{Int(spec.Terms.Count)} * Lanes.Count";
        writer.WriteLine(Optimize);
        writer.OpenBlock($"public static void Fold(ref {element} weights, int element, int channelBlocks, ref {element} folded)");
        WriteLines(writer, statements.RowBases("element"));
        writer.OpenBlock("for (int j = 0; j < channelBlocks; j++)");
        writer.WriteLine($"ref {element} g = ref {unsafeAdd}(ref folded, j * ({terms}));");
        WriteLines(writer, statements.Fold("weights", "channelBlocks", "j", "g"));
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine();

        string couplingBlock = $"j * ({Int(spec.CouplingDim)} * Lanes.Count)", outputBlock = $"j * ({Int(spec.OutputDim)} * Lanes.Count)";
        writer.WriteLine(Optimize);
        if (!backward)
        {
            writer.OpenBlock($"public static void Forward(ref {element} a, ref {element} folded, int channelBlocks, ref {element} output)");
            writer.OpenBlock("for (int j = 0; j < channelBlocks; j++)");
            writer.WriteLine($"ref {element} x = ref {unsafeAdd}(ref a, {couplingBlock});");
            writer.WriteLine($"ref {element} g = ref {unsafeAdd}(ref folded, j * ({terms}));");
            writer.WriteLine($"ref {element} y = ref {unsafeAdd}(ref output, {outputBlock});");
            WriteLines(writer, statements.Monomials("x"));
            WriteLines(writer, statements.Outputs("g", "y"));
            writer.CloseBlock();
            writer.CloseBlock();
        }
        else
        {
            writer.OpenBlock($"public static void Backward(ref {element} a, ref {element} folded, ref {element} gradOutput, int channelBlocks, "
                + $"ref {element} gradA, ref {element} sums)");
            writer.OpenBlock("for (int j = 0; j < channelBlocks; j++)");
            writer.WriteLine($"ref {element} x = ref {unsafeAdd}(ref a, {couplingBlock});");
            writer.WriteLine($"ref {element} g = ref {unsafeAdd}(ref folded, j * ({terms}));");
            writer.WriteLine($"ref {element} gy = ref {unsafeAdd}(ref gradOutput, {outputBlock});");
            writer.WriteLine($"ref {element} gx = ref {unsafeAdd}(ref gradA, {couplingBlock});");
            writer.WriteLine($"ref {element} h = ref {unsafeAdd}(ref sums, j * ({terms}));");
            WriteLines(writer, statements.Monomials("x"));
            WriteLines(writer, statements.Backward("g", "gy", "gx", "h"));
            writer.CloseBlock();
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine(Optimize);
            writer.OpenBlock($"public static void Unfold(ref {element} sums, int element, int channelBlocks, ref {element} gradWeights)");
            WriteLines(writer, statements.RowBases("element"));
            writer.OpenBlock("for (int j = 0; j < channelBlocks; j++)");
            writer.WriteLine($"ref {element} h = ref {unsafeAdd}(ref sums, j * ({terms}));");
            WriteLines(writer, statements.Unfold("h", "channelBlocks", "j", "gradWeights"));
            writer.CloseBlock();
            writer.CloseBlock();
        }

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
