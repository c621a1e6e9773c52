using System.Linq;
using TensorGen.Emit.Equivariant;
using TensorGen.Equivariance;
using TensorGen.Model;

namespace TensorGen.Emit.MessagePassing;

/// <summary>
/// Writes the files of <c>[TensorProductConvolution]</c> and <c>[TensorProductConvolutionBackward]</c> methods: the method
/// calls the runtime's <c>ConvolutionDriver</c> with the product's tile kernel, written here by the tensor product's own
/// writer (<see cref="TensorProductEmitter.WriteKernel"/>: one method per path, straight-line code over the non-zero
/// Clebsch–Gordan coefficients), and the parameter names for messages. Gathering along edges, the kernel and the sum into
/// receivers are the driver's; only the per-path code is generated. With <c>Backend.Gpu</c> the same path plans are rendered
/// as an ILGPU kernel too (<see cref="GpuConvolutionEmitter"/>).
/// </summary>
internal static class ConvolutionEmitter
{
    private const string Runtime = "global::TensorGen.Runtime.MessagePassing.";

    public static string EmitForward(KernelMethodShape method, string productName, TensorProductSpec spec, string element, ConvolutionGpu? gpu)
    {
        var plans = TensorProductEmitter.PathPlans(spec);
        bool hasWeights = method.Parameters.Count == 6;
        string[] names = method.Parameters.Select(p => p.Name).ToArray();
        string arguments = hasWeights
            ? string.Join(", ", names)
            : string.Join(", ", names[0], names[1], "default", names[2], names[3], names[4]);

        // The product kernel sees (x1 = node features, x2 = edge features, weights, output); senders and receivers are the driver's.
        KernelMethodShape product = Renamed(method, hasWeights ? new[] { 0, 1, 2, 5 } : new[] { 0, 1, 4 });
        string body = $"{Runtime}ConvolutionDriver.Forward<{element}, {EquivariantFileEmitter.KernelReference(method)}>({NamesReference(method)}.Layout, {arguments});";
        return EquivariantFileEmitter.Emit(method,
            writer => Header(writer, $"TensorGen: fused convolution {method.DisplayName} of tensor product {productName} ({element})", spec,
                "output[receivers[e]] += TP(nodeFeatures[senders[e]], edgeFeatures[e]; weights[e]); edges taken by receiver (stable counting sort), "
                + "each output row summed by one thread in edge order: deterministic, no [E, dimOut] messages", gpu,
                "a row of threads per receiver walking its edges in order (bit-identical run to run)",
                "a row of threads per edge, messages added into receivers with atomic adds (not bit-identical)"),
            body,
            writer =>
            {
                TensorProductEmitter.WriteKernel(writer, product, spec, plans, element, backward: false);
                writer.WriteLine();
                WriteNames(writer, method, hasWeights);
            },
            element,
            gpu is null ? null : writer => GpuConvolutionEmitter.WriteForward(writer, method, spec, plans, element, gpu,
                EquivariantFileEmitter.KernelReference(method), NamesReference(method)));
    }

    public static string EmitBackward(KernelMethodShape method, string convolutionName, TensorProductSpec spec, string element, ConvolutionGpu? gpu)
    {
        var plans = TensorProductEmitter.PathPlans(spec);
        bool hasWeights = method.Parameters.Count == 9;
        string[] names = method.Parameters.Select(p => p.Name).ToArray();
        string arguments = hasWeights
            ? string.Join(", ", names)
            : string.Join(", ", names[0], names[1], "default", names[2], names[3], names[4], names[5], names[6], "default");

        // The product kernel sees (x1, x2, weights, gradOutput, gradX1, gradX2, gradWeights).
        KernelMethodShape product = Renamed(method, hasWeights ? new[] { 0, 1, 2, 5, 6, 7, 8 } : new[] { 0, 1, 4, 5, 6 });
        string body = $"{Runtime}ConvolutionDriver.Backward<{element}, {EquivariantFileEmitter.KernelReference(method)}>({NamesReference(method)}.Layout, {arguments});";
        return EquivariantFileEmitter.Emit(method,
            writer => Header(writer, $"TensorGen: backward pass {method.DisplayName} of convolution {convolutionName} ({element})", spec,
                "edges taken by sender (stable counting sort): each node's gradient summed by one thread in edge order, "
                + "the edge features' and per-edge weights' gradients written once per edge", gpu,
                (GpuTensorProductEmitter.UnsharedBackwardLanes(plans) > 1 ? "a warp per sender (one thread on devices with other warps)" : "one thread per sender")
                + " walking its edges in order, no atomics (bit-identical run to run)",
                "a row of threads per edge, node-feature gradients added into senders with atomic adds (not bit-identical)"),
            body,
            writer =>
            {
                TensorProductEmitter.WriteKernel(writer, product, spec, plans, element, backward: true);
                writer.WriteLine();
                WriteNames(writer, method, hasWeights);
            },
            element,
            gpu is null ? null : writer => GpuConvolutionEmitter.WriteBackward(writer, method, spec, plans, element, gpu,
                EquivariantFileEmitter.KernelReference(method), NamesReference(method)));
    }

    internal static void Header(SourceWriter writer, string title, TensorProductSpec spec, string scheme, ConvolutionGpu? gpu = null,
        string deterministicGpu = "", string atomicGpu = "")
    {
        TensorProductHeaderWriter.Write(writer, title, spec);
        writer.WriteComment(string.Empty);
        writer.WriteComment(scheme);
        if (gpu is not null)
        {
            writer.WriteComment($"GPU (ILGPU, GpuScatter = {gpu.Name}): " + (gpu.Deterministic ? deterministicGpu : atomicGpu));
        }
    }

    /// <summary>The method with only the parameters the product kernel sees, in the product's order (its names go into the kernel's layout).</summary>
    internal static KernelMethodShape Renamed(KernelMethodShape method, int[] kept) =>
        method with { Parameters = kept.Select(i => method.Parameters[i]).ToEquatableArray() };

    /// <summary>The parameter names for the driver's messages; the weights' (and its gradient's) null when the method has none.</summary>
    private static void WriteNames(SourceWriter writer, KernelMethodShape method, bool hasWeights)
    {
        var names = method.Parameters.Select(p => p.DisplayName).ToList<string?>();
        if (!hasWeights)
        {
            names.Insert(2, null);
            if (names.Count == 8)
            {
                names.Add(null);
            }
        }

        WriteNames(writer, method, names);
    }

    /// <summary>The names for the driver's messages in the driver's order, null where the method has no weights parameter.</summary>
    internal static void WriteNames(SourceWriter writer, KernelMethodShape method, System.Collections.Generic.IReadOnlyList<string?> names)
    {
        writer.WriteLine($"/// <summary>The parameter names of {method.DisplayName}, for messages.</summary>");
        writer.OpenBlock($"file static class {method.LocalTypeName}_Names");
        writer.WriteLine($"public static {Runtime}ConvolutionLayout Layout {{ get; }} = new({CSharpLiteral.String(method.DisplayName)}, "
            + $"{string.Join(", ", names.Select(n => n is null ? "null" : CSharpLiteral.String(n)))});");
        writer.CloseBlock();
    }

    internal static string NamesReference(KernelMethodShape method) => EquivariantFileEmitter.KernelReference(method) + "_Names";
}
