using System.Globalization;
using System.Linq;
using TensorGen.Emit.Equivariant;
using TensorGen.Equivariance;
using TensorGen.Model;
using static TensorGen.Emit.CSharpLiteral;

namespace TensorGen.Emit.EquivariantLinear;

/// <summary>
/// Writes an <c>[EquivariantLinear]</c> or <c>[EquivariantLinearBackward]</c> implementation: a header with the layer's irreps,
/// its path table (e3nn's instruction order, which is the weights' order) and costs; the method, one call to the runtime's
/// <c>EquivariantLinearDriver</c>; and a file-local type holding the plan as constants (<c>EquivariantLinearLayout</c>: every
/// path's offsets, channels and path weight, every bias block) — what the forward and the backward pass both render.
/// </summary>
internal static class EquivariantLinearEmitter
{
    private const string Runtime = "global::TensorGen.Runtime.Equivariance.";

    public static string EmitForward(KernelMethodShape method, LinearSpec spec, PathNormalizationRule normalization, string element) =>
        Emit(method, spec, normalization, element, backward: false, $"TensorGen: equivariant linear layer {method.DisplayName} (e3nn o3.Linear, forward, {element})");

    public static string EmitBackward(KernelMethodShape method, string forwardName, LinearSpec spec, PathNormalizationRule normalization, string element) =>
        Emit(method, spec, normalization, element, backward: true, $"TensorGen: backward pass {method.DisplayName} of equivariant linear layer {forwardName} ({element})");

    private static string Emit(KernelMethodShape method, LinearSpec spec, PathNormalizationRule normalization, string element, bool backward, string title)
    {
        var names = method.Parameters.Select(p => p.Name).ToList();
        // The driver takes the biases (forward) or their gradient (backward) always; a layer without biases gets default.
        if (spec.Biases.Count == 0)
        {
            names.Insert(backward ? names.Count : names.Count - 1, "default");
        }

        string kernel = EquivariantFileEmitter.KernelReference(method);
        string body = $"{Runtime}EquivariantLinearDriver.{(backward ? "Backward" : "Forward")}<{element}>({kernel}.Layout, {string.Join(", ", names)});";
        return KernelFile.Write(method,
            writer => WriteHeader(writer, title, spec, normalization),
            writer =>
            {
                writer.OpenBlock(method.Signature);
                writer.WriteLine(body);
                writer.CloseBlock();
            },
            writer =>
            {
                writer.OpenBlock("namespace " + EquivariantFileEmitter.KernelNamespace);
                WriteLayout(writer, method, spec);
                writer.CloseBlock();
            });
    }

    private static void WriteHeader(SourceWriter writer, string title, LinearSpec spec, PathNormalizationRule normalization)
    {
        writer.WriteComment(title);
        writer.WriteComment(string.Empty);
        writer.WriteComment($"input:   {Text(spec.IrrepsIn)}  (dim {Int(spec.IrrepsIn.Dim)})");
        writer.WriteComment($"output:  {Text(spec.IrrepsOut)}  (dim {Int(spec.IrrepsOut.Dim)})");
        writer.WriteComment($"weights: {Int(spec.WeightCount)} (e3nn's flat order: one [mul_in, mul_out] matrix per path, row-major, in the order below)");
        writer.WriteComment(spec.Biases.Count == 0
            ? "biases:  none"
            : $"biases:  {Int(spec.BiasCount)} (one per channel of the 0e output blocks {string.Join(", ", spec.Biases.Select(b => Int(b.OutputBlock)))}; no path weight)");
        writer.WriteComment($"path normalization {normalization.ToString().ToLowerInvariant()}: path weight = 1/sqrt(input channels mixed into the output block)");
        writer.WriteComment(string.Empty);
        writer.WriteComment("in → out  channels            weights at offset     path weight");
        foreach (string line in LinearBuilder.Describe(spec))
        {
            writer.WriteComment(line);
        }

        var unreached = Enumerable.Range(0, spec.IrrepsOut.Count).Where(b => spec.IrrepsOut[b].Dim > 0 && !spec.Reaches(b)).ToList();
        if (unreached.Count > 0)
        {
            writer.WriteComment("output blocks no path reaches (zero" + (spec.Biases.Count > 0 ? ", or their bias" : string.Empty) + "): "
                + string.Join(", ", unreached.Select(b => $"{Int(b)} ({spec.IrrepsOut[b]})")));
        }

        writer.WriteComment(string.Empty);
        long forward = spec.FlopsPerRow;
        writer.WriteComment($"FLOPs per batch row: forward {Int(forward)}, backward {Int(4 * (forward - spec.BiasCount) / 2 + spec.BiasCount)} "
            + "(input and weight gradients, a GEMM each per path)");
        writer.WriteComment("Each path runs as one GEMM on the strided block views (rows z·m, columns w, depth u): TensorGen.Runtime's engine,");
        writer.WriteComment("SIMD across the output channels in its micro-kernel, threads over blocks of rows or columns when large.");
    }

    /// <summary>The plan as constants: <c>Layout</c>, what the driver checks the shapes against and runs.</summary>
    private static void WriteLayout(SourceWriter writer, KernelMethodShape method, LinearSpec spec)
    {
        writer.WriteLine($"/// <summary>The plan of {method.DisplayName}: {Int(spec.Paths.Count)} paths, {Int(spec.Biases.Count)} bias blocks.</summary>");
        writer.OpenBlock($"file static class {method.LocalTypeName}");
        writer.WriteLine($"public static {Runtime}EquivariantLinearLayout Layout {{ get; }} = new(");
        writer.WriteLine($"    {String(method.DisplayName)}, {Int(spec.IrrepsIn.Dim)}, {Int(spec.IrrepsOut.Dim)},");
        writer.WriteLine($"    new {Runtime}LinearPathLayout[]");
        writer.WriteLine("    {");
        foreach (LinearPath p in spec.Paths)
        {
            writer.WriteLine($"        new(InputOffset: {Int(p.InputOffset)}, OutputOffset: {Int(p.OutputOffset)}, MulIn: {Int(p.MulIn)}, MulOut: {Int(p.MulOut)}, "
                + $"IrrepDim: {Int(p.IrrepDim)}, WeightOffset: {Int(p.WeightOffset)}, PathWeight: {Double(p.PathWeight)}), "
                + $"// {spec.IrrepsIn[p.InputBlock]} → {spec.IrrepsOut[p.OutputBlock]}");
        }

        writer.WriteLine("    },");
        writer.WriteLine($"    new {Runtime}LinearBiasLayout[]");
        writer.WriteLine("    {");
        foreach (LinearBias b in spec.Biases)
        {
            writer.WriteLine($"        new(OutputOffset: {Int(b.OutputOffset)}, Mul: {Int(b.Mul)}, BiasOffset: {Int(b.BiasOffset)}), // {spec.IrrepsOut[b.OutputBlock]}");
        }

        writer.WriteLine("    },");
        writer.WriteLine($"    {string.Join(", ", method.Parameters.Select(p => String(p.DisplayName)))});");
        writer.CloseBlock();
    }

    private static string Double(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOf('.') >= 0 || text.IndexOf('E') >= 0 ? text : text + ".0";
    }

    private static string Text(Irreps irreps) => irreps.Count == 0 ? "(none)" : irreps.ToString();
}
