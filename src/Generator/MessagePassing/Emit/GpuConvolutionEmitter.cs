using System.Collections.Generic;
using System.Linq;
using TensorGen.Emit.Equivariant;
using TensorGen.Equivariance;
using TensorGen.Model;
using static TensorGen.Emit.CSharpLiteral;

namespace TensorGen.Emit.MessagePassing;

/// <summary>
/// Writes the GPU members of a <c>[TensorProductConvolution]</c> or <c>[TensorProductConvolutionBackward]</c> method declared
/// with <c>Backend.Gpu</c> (docs/gpu.md): the device entry point <c>NameGpu(GpuContext, ArrayView&lt;T&gt; …, GpuGraph graph, …)</c>,
/// the host entry point <c>NameGpu(GpuContext, &lt;the declared parameters&gt;)</c>, and one ILGPU kernel written by the tensor
/// product's own kernel writers (<see cref="GpuTensorProductEmitter.WriteForwardKernel"/>, <see cref="GpuTensorProductEmitter.WriteBackwardKernel"/>)
/// from the same path plans as the CPU tile kernel; only where a row's operands are and how sums are stored differ
/// (<see cref="GpuKernelRows"/>): deterministic, a row per node walking its CSR segment; atomic, a row per edge.
/// </summary>
internal static class GpuConvolutionEmitter
{
    private const string Driver = "global::TensorGen.Runtime.Gpu.MessagePassing.GpuConvolutionDriver";
    private const string GraphType = "global::TensorGen.Runtime.Gpu.MessagePassing.GpuGraph";

    /// <param name="writer">Where to write.</param>
    /// <param name="method">The declaration.</param>
    /// <param name="spec">The product.</param>
    /// <param name="plans">Its path plans (the CPU tile kernel's).</param>
    /// <param name="element">float or double.</param>
    /// <param name="gpu">The variant.</param>
    /// <param name="kernelReference">The CPU tile kernel's type (its Layout).</param>
    /// <param name="namesReference">The type holding the convolution's names (its Layout).</param>
    public static void WriteForward(SourceWriter writer, KernelMethodShape method, TensorProductSpec spec, IReadOnlyList<TensorProductPathPlan> plans, string element,
        ConvolutionGpu gpu, string kernelReference, string namesReference)
    {
        GpuKernelRows rows = gpu.Deterministic ? GpuKernelRows.NodeSegments(backward: false) : GpuKernelRows.EdgePerRow;
        string kernel = method.MethodName + "GpuKernel";
        int lanes = GpuTensorProductEmitter.ForwardLanes(plans);
        int staged = GpuTensorProductEmitter.StagedElements(spec, plans, element, backward: false, rows);
        bool hasWeights = method.Parameters.Count == 6;
        string load = Load(kernel, element, views: 1);
        string[] device = DeviceArguments(method, hasWeights);

        GpuEntryPoints.WriteWithParameters(writer, method, DeviceParameters(method, element),
            $"{method.DisplayName} on the GPU ({gpu.Name}): nodeFeatures [N, {Int(spec.Irreps1.Dim)}], edgeFeatures [E, {Int(spec.Irreps2.Dim)}], "
                + (hasWeights ? (spec.SharedWeights ? $"weights [{Int(spec.WeightCount)}], " : $"weights [E, {Int(spec.WeightCount)}], ") : string.Empty)
                + $"the graph's edges, output [M, {Int(spec.IrrepsOut.Dim)}] (overwritten): dense row-major device views. Enqueued on <c>gpu.Stream</c>; returns without waiting.",
            $"{method.DisplayName} on the GPU ({gpu.Name}): the CPU kernel's checks (every edge index), then copies the host tensors and edges in, runs the device entry point and copies the output out (waits).",
            $"{Driver}.Forward(gpu, {namesReference}.Layout, {kernelReference}.Layout, {(gpu.Deterministic ? "true" : "false")}, {Int(lanes)}, {Int(staged)}, {load}, "
                + $"{device[0]}, {device[1]}, {device[2]}, {device[3]}, {device[4]});",
            $"{Driver}.Forward(gpu, {namesReference}.Layout, {kernelReference}.Layout, {HostArguments(method, hasWeights)}, "
                + $"static (context, nodes, edges, weights, graph, output) => {method.MethodName}Gpu(context, nodes, edges, {(hasWeights ? "weights, " : string.Empty)}graph, output));");

        string summary = $"The ILGPU kernel of {method.MethodName}Gpu, "
            + (gpu.Deterministic ? "a row per receiver walking its edges in order" : "a row per edge adding its message into the receiver's row atomically");
        GpuTensorProductEmitter.WriteForwardKernel(writer, kernel, summary, spec, plans, element, rows);
    }

    /// <inheritdoc cref="WriteForward"/>
    public static void WriteBackward(SourceWriter writer, KernelMethodShape method, TensorProductSpec spec, IReadOnlyList<TensorProductPathPlan> plans, string element,
        ConvolutionGpu gpu, string kernelReference, string namesReference)
    {
        GpuKernelRows rows = gpu.Deterministic ? GpuKernelRows.NodeSegments(backward: true) : GpuKernelRows.EdgePerRow;
        string kernel = method.MethodName + "GpuKernel";

        // Deterministic: each edge's x2 gradient (a sum over x1 channels) is summed by one warp's shuffles or one thread, without atomics.
        int lanes = gpu.Deterministic ? GpuTensorProductEmitter.UnsharedBackwardLanes(plans) : GpuTensorProductEmitter.BackwardLanes(plans);
        int staged = GpuTensorProductEmitter.StagedElements(spec, plans, element, backward: true, rows);
        bool hasWeights = method.Parameters.Count == 9;
        string load = Load(kernel, element, views: 4);
        string[] device = DeviceArguments(method, hasWeights);

        GpuEntryPoints.WriteWithParameters(writer, method, DeviceParameters(method, element),
            $"{method.DisplayName} (the backward pass) on the GPU ({gpu.Name}): the forward's device views and graph, gradOutput [M, {Int(spec.IrrepsOut.Dim)}], "
                + $"and the gradients shaped as nodeFeatures, edgeFeatures{(hasWeights ? " and the weights" : string.Empty)} (overwritten). Enqueued on <c>gpu.Stream</c>; returns without waiting.",
            $"{method.DisplayName} (the backward pass) on the GPU ({gpu.Name}): the CPU kernel's checks (every edge index), then copies in, runs the device entry point and copies the gradients out (waits).",
            $"{Driver}.Backward(gpu, {namesReference}.Layout, {kernelReference}.Layout, {(gpu.Deterministic ? "true" : "false")}, {Int(lanes)}, {Int(staged)}, {load}, "
                + string.Join(", ", device) + ");",
            $"{Driver}.Backward(gpu, {namesReference}.Layout, {kernelReference}.Layout, {HostArguments(method, hasWeights)}, "
                + "static (context, nodes, edges, weights, graph, gradOutput, gradNodes, gradEdges, gradWeights) => "
                + $"{method.MethodName}Gpu(context, nodes, edges, {(hasWeights ? "weights, " : string.Empty)}graph, gradOutput, gradNodes, gradEdges{(hasWeights ? ", gradWeights" : string.Empty)}));");

        string summary = $"The ILGPU kernel of {method.MethodName}Gpu, "
            + (gpu.Deterministic ? "a row per sender walking its edges in order" : "a row per edge adding the node features' gradient into the sender's row atomically");
        GpuTensorProductEmitter.WriteBackwardKernel(writer, kernel, summary, spec, plans, element, rows);
    }

    /// <summary>The device entry point's parameters: a view per tensor, and <c>GpuGraph graph</c> in place of senders and receivers.</summary>
    private static string DeviceParameters(KernelMethodShape method, string element)
    {
        var parameters = new List<string>();
        bool graphWritten = false;
        foreach (ParameterModel p in method.Parameters)
        {
            if (p.Kind == SpanKind.ReadOnlySpan)
            {
                if (!graphWritten)
                {
                    parameters.Add($"{GraphType} graph");
                    graphWritten = true;
                }

                continue;
            }

            parameters.Add($"global::ILGPU.ArrayView<{element}> {p.Name}");
        }

        return string.Join(", ", parameters);
    }

    /// <summary>The device entry point's names in the driver's order: x, y, weights (or default), graph, then the results.</summary>
    private static string[] DeviceArguments(KernelMethodShape method, bool hasWeights)
    {
        string[] names = method.Parameters.Select(p => p.Name).ToArray();
        var arguments = new List<string> { names[0], names[1], hasWeights ? names[2] : "default", "graph" };
        arguments.AddRange(names.Skip(hasWeights ? 5 : 4));
        if (!hasWeights && names.Length == 7)
        {
            arguments.Add("default");
        }

        return arguments.ToArray();
    }

    /// <summary>The declared parameters in the host driver's order (default for the weights and their gradient when there are none).</summary>
    private static string HostArguments(KernelMethodShape method, bool hasWeights)
    {
        string[] names = method.Parameters.Select(p => p.Name).ToArray();
        if (hasWeights)
        {
            return string.Join(", ", names);
        }

        var arguments = new List<string> { names[0], names[1], "default" };
        arguments.AddRange(names.Skip(2));
        if (names.Length == 7)
        {
            arguments.Add("default");
        }

        return string.Join(", ", arguments);
    }

    /// <summary>Loading the kernel: x1, x2, weights, the four index views, then <paramref name="views"/> result/gradient views, rows and lanes.</summary>
    private static string Load(string kernel, string element, int views)
    {
        string view = $"global::ILGPU.ArrayView<{element}>";
        var types = Enumerable.Repeat(view, 3).Concat(Enumerable.Repeat("global::ILGPU.ArrayView<int>", 4)).Concat(Enumerable.Repeat(view, views))
            .Concat(new[] { "int", "int" });
        return GpuTensorProductEmitter.LoadKernel(kernel, types);
    }
}
