using System.Globalization;
using System.Linq;
using TensorGen.Equivariance;
using TensorGen.Model;

namespace TensorGen.Emit.Equivariant;

/// <summary>
/// Writes the files of <c>[TensorProduct]</c> and <c>[TensorProductBackward]</c> methods: the method calls the runtime's
/// TensorProductDriver with a file-local kernel type whose tile methods are the paths, each straight-line code over its
/// non-zero Clebsch–Gordan coefficients (<see cref="TensorProductPathWriter"/>), one method per path so that the JIT
/// optimizes each in full.
/// </summary>
internal static class TensorProductEmitter
{
    private const string Runtime = "global::TensorGen.Runtime.Equivariance.";
    private const string MethodImpl = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining | global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]";

    public static string EmitForward(KernelMethodShape method, TensorProductSpec spec, string element, bool gpu)
    {
        bool hasWeights = method.Parameters.Count == 4;
        string[] names = method.Parameters.Select(p => p.Name).ToArray();
        string weights = hasWeights ? names[2] : "default";
        string output = names[names.Length - 1];
        string body = $"{Runtime}TensorProductDriver.Forward<{element}, {EquivariantFileEmitter.KernelReference(method)}>({names[0]}, {names[1]}, {weights}, {output});";
        return EquivariantFileEmitter.Emit(method,
            writer => TensorProductHeaderWriter.Write(writer, $"TensorGen: tensor product {method.DisplayName} (forward, {element})", spec),
            body,
            writer => WriteKernel(writer, method, spec, element, backward: false, hasWeights),
            element,
            gpu ? writer => GpuTensorProductEmitter.WriteForward(writer, method, spec, element) : null);
    }

    public static string EmitBackward(KernelMethodShape method, string forwardName, TensorProductSpec spec, string element, bool gpu)
    {
        bool hasWeights = method.Parameters.Count == 7;
        string[] names = method.Parameters.Select(p => p.Name).ToArray();
        string arguments = hasWeights
            ? string.Join(", ", names)
            : string.Join(", ", names[0], names[1], "default", names[2], names[3], names[4], "default");
        string body = $"{Runtime}TensorProductDriver.Backward<{element}, {EquivariantFileEmitter.KernelReference(method)}>({arguments});";
        return EquivariantFileEmitter.Emit(method,
            writer => TensorProductHeaderWriter.Write(writer, $"TensorGen: backward pass {method.DisplayName} of tensor product {forwardName} ({element})", spec),
            body,
            writer => WriteKernel(writer, method, spec, element, backward: true, hasWeights),
            element,
            gpu ? writer => GpuTensorProductEmitter.WriteBackward(writer, method, spec, element) : null);
    }

    internal static void WriteKernel(SourceWriter writer, KernelMethodShape method, TensorProductSpec spec, string element, bool backward, bool hasWeights)
    {
        string face = backward ? "ITensorProductBackward" : "ITensorProductForward";
        string[] parameterNames = method.Parameters.Select(p => p.DisplayName).ToArray();
        string names = backward
            ? (hasWeights ? Names(parameterNames) : Names(parameterNames[0], parameterNames[1], null, parameterNames[2], parameterNames[3], parameterNames[4], null))
            : (hasWeights ? Names(parameterNames) : Names(parameterNames[0], parameterNames[1], null, parameterNames[2]));
        var paths = spec.Paths.Where(p => !p.IsEmpty).ToList();

        writer.WriteLine($"/// <summary>The tiles of {method.DisplayName}: {paths.Count.ToString(CultureInfo.InvariantCulture)} non-empty paths, one method each.</summary>");
        writer.OpenBlock($"file readonly struct {method.LocalTypeName} : {Runtime}{face}<{element}>");
        writer.WriteLine($"public static {Runtime}TensorProductLayout Layout {{ get; }} = new(");
        writer.WriteLine($"    {CSharpLiteral.String(method.DisplayName)}, {N(spec.Irreps1.Dim)}, {N(spec.Irreps2.Dim)}, {N(spec.IrrepsOut.Dim)}, {N(spec.WeightCount)}, "
            + $"{(spec.SharedWeights ? "true" : "false")}, {N(TensorProductCost.ForwardFlops(spec))}, {names});");
        writer.WriteLine();

        string tileParameters = backward
            ? $"ref {element} x1, ref {element} x2, ref {element} weights, ref {element} gradOutput, ref {element} gradX1, ref {element} gradX2, ref {element} gradWeights"
            : $"ref {element} x1, ref {element} x2, ref {element} weights, ref {element} output";
        string tileArguments = backward
            ? "ref x1, ref x2, ref weights, ref gradOutput, ref gradX1, ref gradX2, ref gradWeights"
            : "ref x1, ref x2, ref weights, ref output";
        // Forward: a block written by exactly one write-once path is stored by it; every other block is zeroed first.
        var stores = new System.Collections.Generic.HashSet<int>();
        writer.OpenBlock($"public static void {(backward ? "Backward" : "Forward")}({tileParameters})");
        if (!backward)
        {
            for (int block = 0; block < spec.IrrepsOut.Count; block++)
            {
                var into = paths.Where(p => p.Instruction.Out == block).ToList();
                if (into.Count == 1 && TensorProductPathWriter.WritesOnce(into[0]))
                {
                    stores.Add(into[0].Index);
                }
                else if (spec.IrrepsOut[block].Dim > 0)
                {
                    writer.WriteLine($"Clear(ref output, {N(spec.IrrepsOut.Offsets[block])}, {N(spec.IrrepsOut[block].Dim)}); // {spec.IrrepsOut[block]}: "
                        + (into.Count == 0 ? "no path" : into.Count == 1 ? "accumulated by its path" : $"{N(into.Count)} paths add"));
                }
            }
        }

        foreach (TensorProductPath path in paths)
        {
            writer.WriteLine($"Path{N(path.Index)}({tileArguments});");
        }

        writer.CloseBlock();
        foreach (TensorProductPath path in paths)
        {
            writer.WriteLine();
            int dense = path.Block1.Irrep.Dim * path.Block2.Irrep.Dim * path.BlockOut.Irrep.Dim;
            writer.WriteComment($"Path {N(path.Index)}: {path.Describe()}, {path.Mode.Name()}, {(path.HasWeight ? $"weights [{N(path.WeightOffset)}, {N(path.WeightOffset + path.WeightCount)}) shape {path.Shape()}" : "no weights")}, "
                + $"path weight {NumericLiteral.Comment(path.NormalizedWeight)}; C({N(path.Block1.Irrep.L)},{N(path.Block2.Irrep.L)},{N(path.BlockOut.Irrep.L)}) has {N(path.Symbol.Entries.Count)} non-zeros of {N(dense)}.");
            writer.WriteLine(MethodImpl);
            writer.OpenBlock($"private static void Path{N(path.Index)}({tileParameters})");
            var pathWriter = new TensorProductPathWriter(writer, path, element, spec.SharedWeights, stores.Contains(path.Index));
            if (backward)
            {
                pathWriter.WriteBackward();
            }
            else
            {
                pathWriter.WriteForward();
            }

            writer.CloseBlock();
        }

        writer.CloseBlock();
    }

    private static string Names(params string?[] names) => string.Join(", ", names.Select(n => n is null ? "null" : CSharpLiteral.String(n)));

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
