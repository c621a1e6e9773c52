using System.Collections.Generic;
using System.Linq;
using TensorGen.Equivariance;
using TensorGen.Model;
using static TensorGen.Emit.CSharpLiteral;

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

    public static string EmitForward(KernelMethodShape method, TensorProductSpec spec, string element, bool gpu) =>
        Emit(method, spec, element, gpu, backward: false, $"TensorGen: tensor product {method.DisplayName} (forward, {element})");

    public static string EmitBackward(KernelMethodShape method, string forwardName, TensorProductSpec spec, string element, bool gpu) =>
        Emit(method, spec, element, gpu, backward: true, $"TensorGen: backward pass {method.DisplayName} of tensor product {forwardName} ({element})");

    /// <summary>Whether the declaration has a weights parameter (x1, x2, weights, output; or the backward pass's seven).</summary>
    public static bool HasWeights(KernelMethodShape method, bool backward) => method.Parameters.Count == (backward ? 7 : 4);

    /// <summary>
    /// The declared parameters as the drivers (CPU, and the GPU host form) take them: x1, x2, weights, output — or x1, x2,
    /// weights, gradOutput, gradX1, gradX2, gradWeights — with <c>default</c> for the weights a declaration does not have.
    /// </summary>
    public static string DriverArguments(KernelMethodShape method, bool backward) =>
        string.Join(", ", InDriverOrder(method.Parameters.Select(p => p.Name).ToList(), backward).Select(n => n ?? "default"));

    /// <summary>Names in the drivers' parameter order, null for the weights (and their gradient) a declaration does not have.</summary>
    private static IReadOnlyList<string?> InDriverOrder(IReadOnlyList<string> names, bool backward) =>
        names.Count == (backward ? 7 : 4) ? names.ToList()
        : backward ? new[] { names[0], names[1], null, names[2], names[3], names[4], null }
        : new[] { names[0], names[1], null, names[2] };

    private static string Emit(KernelMethodShape method, TensorProductSpec spec, string element, bool gpu, bool backward, string title)
    {
        var plans = PathPlans(spec);
        string body = $"{Runtime}TensorProductDriver.{(backward ? "Backward" : "Forward")}<{element}, {EquivariantFileEmitter.KernelReference(method)}>({DriverArguments(method, backward)});";
        return EquivariantFileEmitter.Emit(method,
            writer => TensorProductHeaderWriter.Write(writer, title, spec),
            body,
            writer => WriteKernel(writer, method, spec, plans, element, backward),
            element,
            !gpu ? null
            : backward ? writer => GpuTensorProductEmitter.WriteBackward(writer, method, spec, plans, element)
            : writer => GpuTensorProductEmitter.WriteForward(writer, method, spec, plans, element));
    }

    /// <summary>One plan per non-empty path, rendered by the CPU kernel and the GPU kernel alike (and by the fused convolution's).</summary>
    internal static IReadOnlyList<TensorProductPathPlan> PathPlans(TensorProductSpec spec) =>
        spec.Paths.Where(p => !p.IsEmpty).Select(p => new TensorProductPathPlan(p)).ToList();

    /// <summary>The file-local tile kernel of a product: its layout and one method per path (the drivers call it per tile of rows).</summary>
    internal static void WriteKernel(SourceWriter writer, KernelMethodShape method, TensorProductSpec spec, IReadOnlyList<TensorProductPathPlan> pathPlans, string element,
        bool backward)
    {
        string face = backward ? "ITensorProductBackward" : "ITensorProductForward";
        string names = string.Join(", ", InDriverOrder(method.Parameters.Select(p => p.DisplayName).ToList(), backward).Select(n => n is null ? "null" : CSharpLiteral.String(n)));
        var paths = pathPlans.Select(p => p.Path).ToList();
        var plans = pathPlans.ToDictionary(p => p.Path.Index);

        writer.WriteLine($"/// <summary>The tiles of {method.DisplayName}: {Int(paths.Count)} non-empty paths, one method each.</summary>");
        writer.OpenBlock($"file readonly struct {method.LocalTypeName} : {Runtime}{face}<{element}>");
        WriteLayout(writer, method, spec, names);

        string tileParameters = TileParameters(element, backward);
        string tileArguments = TileArguments(backward);
        // Forward: a block written by exactly one write-once path is stored by it; every other block is zeroed first.
        var stores = new System.Collections.Generic.HashSet<int>();
        writer.OpenBlock($"public static void {(backward ? "Backward" : "Forward")}({tileParameters})");
        if (!backward)
        {
            for (int block = 0; block < spec.IrrepsOut.Count; block++)
            {
                var into = paths.Where(p => p.Instruction.Out == block).ToList();
                if (into.Count == 1 && plans[into[0].Index].WritesOnce)
                {
                    stores.Add(into[0].Index);
                }
                else if (spec.IrrepsOut[block].Dim > 0)
                {
                    writer.WriteLine($"Clear(ref output, {Int(spec.IrrepsOut.Offsets[block])}, {Int(spec.IrrepsOut[block].Dim)}); // {spec.IrrepsOut[block]}: "
                        + (into.Count == 0 ? "no path" : into.Count == 1 ? "accumulated by its path" : $"{Int(into.Count)} paths add"));
                }
            }
        }

        foreach (TensorProductPath path in paths)
        {
            writer.WriteLine($"Path{Int(path.Index)}({tileArguments});");
        }

        writer.CloseBlock();
        WritePathMethods(writer, spec, pathPlans, element, backward, "Path", stores);
        writer.CloseBlock();
    }

    /// <summary>The kernel's <c>Layout</c> property: what the drivers check shapes against, with the parameter names for messages.</summary>
    internal static void WriteLayout(SourceWriter writer, KernelMethodShape method, TensorProductSpec spec, string names)
    {
        writer.WriteLine($"public static {Runtime}TensorProductLayout Layout {{ get; }} = new(");
        writer.WriteLine($"    {CSharpLiteral.String(method.DisplayName)}, {Int(spec.Irreps1.Dim)}, {Int(spec.Irreps2.Dim)}, {Int(spec.IrrepsOut.Dim)}, {Int(spec.WeightCount)}, "
            + $"{(spec.SharedWeights ? "true" : "false")}, {Int(TensorProductCost.ForwardFlops(spec))}, {names});");
        writer.WriteLine();
    }

    /// <summary>A tile method's parameters: x1, x2, weights and output, or the backward tile's seven.</summary>
    internal static string TileParameters(string element, bool backward) => backward
        ? $"ref {element} x1, ref {element} x2, ref {element} weights, ref {element} gradOutput, ref {element} gradX1, ref {element} gradX2, ref {element} gradWeights"
        : $"ref {element} x1, ref {element} x2, ref {element} weights, ref {element} output";

    /// <summary>The arguments a tile method passes on to its path methods.</summary>
    internal static string TileArguments(bool backward) => backward
        ? "ref x1, ref x2, ref weights, ref gradOutput, ref gradX1, ref gradX2, ref gradWeights"
        : "ref x1, ref x2, ref weights, ref output";

    /// <summary>
    /// One method per path, <c>{prefix}{index}</c>, with the path's forward or backward code; forward paths in
    /// <paramref name="stores"/> store their output block, the others add into it.
    /// </summary>
    internal static void WritePathMethods(SourceWriter writer, TensorProductSpec spec, IReadOnlyList<TensorProductPathPlan> pathPlans, string element, bool backward,
        string prefix, ISet<int> stores)
    {
        string tileParameters = TileParameters(element, backward);
        foreach (TensorProductPathPlan plan in pathPlans)
        {
            TensorProductPath path = plan.Path;
            writer.WriteLine();
            int dense = path.Block1.Irrep.Dim * path.Block2.Irrep.Dim * path.BlockOut.Irrep.Dim;
            writer.WriteComment($"Path {Int(path.Index)}: {path.Describe()}, {path.Mode.Name()}, {(path.HasWeight ? $"weights [{Int(path.WeightOffset)}, {Int(path.WeightOffset + path.WeightCount)}) shape {path.Shape()}" : "no weights")}, "
                + $"path weight {NumericLiteral.Comment(path.NormalizedWeight)}; C({Int(path.Block1.Irrep.L)},{Int(path.Block2.Irrep.L)},{Int(path.BlockOut.Irrep.L)}) has {Int(path.Symbol.Entries.Count)} non-zeros of {Int(dense)}.");
            writer.WriteLine(MethodImpl);
            writer.OpenBlock($"private static void {prefix}{Int(path.Index)}({tileParameters})");
            var pathWriter = new TensorProductPathWriter(writer, plan, element, spec.SharedWeights, stores.Contains(path.Index));
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
    }
}
