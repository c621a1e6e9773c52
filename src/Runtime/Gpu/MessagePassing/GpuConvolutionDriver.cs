using System;
using System.Globalization;
using System.Numerics.Tensors;
using ILGPU;
using ILGPU.Runtime;
using TensorGen.Runtime.Equivariance;
using TensorGen.Runtime.Gpu.Equivariance;
using TensorGen.Runtime.MessagePassing;

namespace TensorGen.Runtime.Gpu.MessagePassing;

/// <summary>A generated convolution's device entry point (<c>NameGpu</c> over device views and a <see cref="GpuGraph"/>).</summary>
/// <typeparam name="T">float or double.</typeparam>
public delegate void GpuConvolutionForward<T>(GpuContext gpu, ArrayView<T> nodeFeatures, ArrayView<T> edgeFeatures, ArrayView<T> weights, GpuGraph graph,
    ArrayView<T> output)
    where T : unmanaged;

/// <summary>A generated convolution backward pass's device entry point.</summary>
/// <typeparam name="T">float or double.</typeparam>
public delegate void GpuConvolutionBackward<T>(GpuContext gpu, ArrayView<T> nodeFeatures, ArrayView<T> edgeFeatures, ArrayView<T> weights, GpuGraph graph,
    ArrayView<T> gradOutput, ArrayView<T> gradNodeFeatures, ArrayView<T> gradEdgeFeatures, ArrayView<T> gradWeights)
    where T : unmanaged;

/// <summary>
/// Launches the ILGPU kernels of generated convolutions (<c>[TensorProductConvolution]</c> and its backward pass with
/// <c>Backend.Gpu</c>; docs/gpu.md). Checks the device views against the graph before anything is enqueued, zeroes the sums
/// the kernels add into, and lays out the threads:
/// <list type="bullet">
/// <item>deterministic: one row of <c>lanes</c> threads per receiver (forward) or sender (backward; one warp, or one thread
/// when the device's warps differ from the kernel's lanes), which walks its CSR segment of the graph in edge order — every result element is summed by one thread in a fixed order, so
/// results are bit-identical run to run;</item>
/// <item>atomic: one row of <c>lanes</c> threads per edge, adding the edge's message into its receiver's row (forward) or
/// the node features' gradient into its sender's row (backward) with atomic adds: more parallel, not bit-identical.</item>
/// </list>
/// Shared weights' gradient is written per edge into scratch and summed over the edges afterwards (in edge order, one
/// thread per weight, when deterministic). The host overloads run the checks the CPU kernel runs
/// (<see cref="ConvolutionArguments"/>, every edge index included) before anything is copied or launched.
/// </summary>
public static class GpuConvolutionDriver
{
    /// <summary>output = Σ over edges into each receiver of TP(nodeFeatures[sender], edgeFeatures[edge]; weights) on the device; enqueued on <see cref="GpuContext.Stream"/>.</summary>
    /// <param name="gpu">The context.</param>
    /// <param name="names">The convolution's names, for messages.</param>
    /// <param name="product">What the kernel was compiled for (the CPU tile kernel's layout).</param>
    /// <param name="deterministic">Whether the kernel walks receivers' segments (else one row of threads per edge, atomics).</param>
    /// <param name="lanes">Threads per row the kernel was written for.</param>
    /// <param name="stagedWeights">Shared-memory elements the kernel stages weights in.</param>
    /// <param name="kernel">The loaded kernel: (x1, x2, weights, senders, receivers, order, offsets, output, rows, lanes).</param>
    /// <param name="nodeFeatures">[N, dim1].</param>
    /// <param name="edgeFeatures">[E, dim2].</param>
    /// <param name="weights">[E, W] or shared [W]; empty when the convolution has no weights parameter.</param>
    /// <param name="graph">The edges, checked and grouped.</param>
    /// <param name="output">[M, dimOut], overwritten.</param>
    /// <exception cref="ArgumentException">A view does not fit the graph, or the output overlaps an input; nothing has been enqueued.</exception>
    public static void Forward<T>(GpuContext gpu, ConvolutionLayout names, TensorProductLayout product, bool deterministic, int lanes, int stagedWeights,
        Action<AcceleratorStream, KernelConfig, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<T>, int, int> kernel,
        ArrayView<T> nodeFeatures, ArrayView<T> edgeFeatures, ArrayView<T> weights, GpuGraph graph, ArrayView<T> output)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(gpu);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(graph);
        CheckInputs(names, product, graph, nodeFeatures, edgeFeatures, weights);
        CheckRows(names, 5, output, graph.Targets, product.DimOut, "M, the graph's targets");
        CheckDisjoint(names, 5, output, nodeFeatures, edgeFeatures, weights, default);
        gpu.Clear(output);
        if (graph.Edges == 0 || product.DimOut == 0)
        {
            return;
        }

        int rows = deterministic ? graph.Targets : graph.Edges;
        var geometry = Geometry<T>(gpu, lanes, stagedWeights, x2PerRow: 0, rows);
        kernel(gpu.Stream, geometry.Config<T>(rows), nodeFeatures, edgeFeatures, weights, graph.Senders, graph.Receivers, graph.ByReceiver, graph.ReceiverOffsets,
            output, rows, geometry.Lanes);
    }

    /// <summary>The gradients of Σ output · gradOutput with respect to the node features, the edge features and the weights, on the device.</summary>
    /// <param name="gpu">The context.</param>
    /// <param name="names">The backward pass's names, for messages.</param>
    /// <param name="product">What the kernel was compiled for.</param>
    /// <param name="deterministic">Whether the kernel walks senders' segments, one thread each (else one row of threads per edge, atomics).</param>
    /// <param name="lanes">Threads per row the kernel was written for (deterministic: a warp's worth or 1).</param>
    /// <param name="stagedWeights">Shared-memory elements the kernel stages weights in (before x2's gradient).</param>
    /// <param name="kernel">The loaded kernel: (x1, x2, weights, senders, receivers, order, offsets, gradOutput, gradX1, gradX2, gradWeight rows, rows, lanes).</param>
    /// <param name="nodeFeatures">[N, dim1].</param>
    /// <param name="edgeFeatures">[E, dim2].</param>
    /// <param name="weights">[E, W] or shared [W]; empty without weights.</param>
    /// <param name="graph">The edges, checked and grouped.</param>
    /// <param name="gradOutput">[M, dimOut].</param>
    /// <param name="gradNodeFeatures">[N, dim1], overwritten.</param>
    /// <param name="gradEdgeFeatures">[E, dim2], overwritten.</param>
    /// <param name="gradWeights">Shaped as the weights, overwritten.</param>
    /// <exception cref="ArgumentException">A view does not fit the graph, or a result overlaps an input or another result; nothing has been enqueued.</exception>
    public static void Backward<T>(GpuContext gpu, ConvolutionLayout names, TensorProductLayout product, bool deterministic, int lanes, int stagedWeights,
        Action<AcceleratorStream, KernelConfig, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, int, int> kernel,
        ArrayView<T> nodeFeatures, ArrayView<T> edgeFeatures, ArrayView<T> weights, GpuGraph graph, ArrayView<T> gradOutput, ArrayView<T> gradNodeFeatures,
        ArrayView<T> gradEdgeFeatures, ArrayView<T> gradWeights)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(gpu);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(graph);
        bool hasWeights = names.HasWeights;
        CheckInputs(names, product, graph, nodeFeatures, edgeFeatures, weights);
        CheckRows(names, 5, gradOutput, graph.Targets, product.DimOut, "M, the graph's targets");
        CheckRows(names, 6, gradNodeFeatures, graph.Nodes, product.Dim1, "N, the graph's nodes");
        CheckRows(names, 7, gradEdgeFeatures, graph.Edges, product.Dim2, "E, the graph's edges");
        if (hasWeights)
        {
            CheckWeights(names, 8, product, gradWeights, graph.Edges);
        }

        CheckDisjoint(names, 6, gradNodeFeatures, nodeFeatures, edgeFeatures, weights, gradOutput);
        CheckDisjoint(names, 7, gradEdgeFeatures, nodeFeatures, edgeFeatures, weights, gradOutput);
        GpuChecks.ThrowIfOverlaps(gradEdgeFeatures, names.Name(7), gradNodeFeatures, names.Name(6));
        if (hasWeights)
        {
            CheckDisjoint(names, 8, gradWeights, nodeFeatures, edgeFeatures, weights, gradOutput);
            GpuChecks.ThrowIfOverlaps(gradWeights, names.Name(8), gradNodeFeatures, names.Name(6));
            GpuChecks.ThrowIfOverlaps(gradWeights, names.Name(8), gradEdgeFeatures, names.Name(7));
        }

        // The kernels add into the node features' gradient (and, deterministic, the edge features'); shared weights' gradient is summed.
        bool sharedGradient = hasWeights && product.SharedWeights && product.WeightCount > 0;
        gpu.Clear(gradNodeFeatures);
        gpu.Clear(gradEdgeFeatures);
        if (hasWeights && (sharedGradient || graph.Edges == 0))
        {
            gpu.Clear(gradWeights);
        }

        if (graph.Edges == 0)
        {
            return;
        }

        // A deterministic kernel written for a warp's worth of lanes sums each edge's x2 gradient by warp shuffles; on a device
        // with other warps its rows are one thread each (the kernel's other branch), which needs no reduction.
        if (deterministic && lanes > 1 && lanes != gpu.Accelerator.WarpSize)
        {
            lanes = 1;
        }

        int rows = deterministic ? graph.Nodes : graph.Edges;
        var geometry = Geometry<T>(gpu, lanes, stagedWeights, deterministic ? 0 : product.Dim2, rows);
        using GpuBuffer<T>? scratch = sharedGradient ? gpu.Rent<T>((long)graph.Edges * product.WeightCount) : null;
        ArrayView<T> gradWeightRows = scratch?.View ?? (hasWeights ? gradWeights : default);
        kernel(gpu.Stream, geometry.Config<T>(rows), nodeFeatures, edgeFeatures, weights, graph.Senders, graph.Receivers, graph.BySender, graph.SenderOffsets,
            gradOutput, gradNodeFeatures, gradEdgeFeatures, gradWeightRows, rows, geometry.Lanes);
        if (scratch is not null)
        {
            GpuColumnSums.Add(gpu, scratch.View, graph.Edges, product.WeightCount, gradWeights, ordered: deterministic);
        }
    }

    /// <summary>The host form of the forward pass: the CPU kernel's checks, then copies in, runs <paramref name="device"/>, copies the output out (waits).</summary>
    /// <exception cref="ArgumentException">A shape or an edge index does not fit, or the output overlaps an input or itself; nothing has been written.</exception>
    public static void Forward<T>(GpuContext gpu, ConvolutionLayout names, TensorProductLayout product, ReadOnlyTensorSpan<T> nodeFeatures,
        ReadOnlyTensorSpan<T> edgeFeatures, ReadOnlyTensorSpan<T> weights, ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, TensorSpan<T> output,
        GpuConvolutionForward<T> device)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(gpu);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(device);
        var (nodes, _, targets) = ConvolutionArguments.CheckForward(names, product, nodeFeatures, edgeFeatures, weights, senders, receivers, output);
        if (targets == 0 || product.DimOut == 0)
        {
            return;
        }

        using GpuGraph graph = GpuGraph.CreateChecked(gpu, senders, receivers, nodes, targets);
        using GpuBuffer<T> deviceNodes = gpu.Upload<T>(GpuTensorProductDriver.Dense(nodeFeatures));
        using GpuBuffer<T> deviceEdges = gpu.Upload<T>(GpuTensorProductDriver.Dense(edgeFeatures));
        using GpuBuffer<T>? deviceWeights = names.HasWeights ? gpu.Upload<T>(GpuTensorProductDriver.Dense(weights)) : null;
        using GpuBuffer<T> deviceOutput = gpu.Rent<T>(output.FlattenedLength);
        device(gpu, deviceNodes.View, deviceEdges.View, deviceWeights?.View ?? default, graph, deviceOutput.View);
        GpuTensorProductDriver.CopyOut(gpu, deviceOutput.View, output);
    }

    /// <summary>The host form of the backward pass: the CPU kernel's checks, then copies in, runs <paramref name="device"/>, copies the gradients out (waits).</summary>
    /// <exception cref="ArgumentException">A shape or an edge index does not fit, or a result overlaps an input, another result or itself; nothing has been written.</exception>
    public static void Backward<T>(GpuContext gpu, ConvolutionLayout names, TensorProductLayout product, ReadOnlyTensorSpan<T> nodeFeatures,
        ReadOnlyTensorSpan<T> edgeFeatures, ReadOnlyTensorSpan<T> weights, ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<T> gradOutput,
        TensorSpan<T> gradNodeFeatures, TensorSpan<T> gradEdgeFeatures, TensorSpan<T> gradWeights, GpuConvolutionBackward<T> device)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(gpu);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(device);
        var (nodes, _, targets) = ConvolutionArguments.CheckBackward(names, product, nodeFeatures, edgeFeatures, weights, senders, receivers, gradOutput,
            gradNodeFeatures, gradEdgeFeatures, gradWeights);

        using GpuGraph graph = GpuGraph.CreateChecked(gpu, senders, receivers, nodes, targets);
        using GpuBuffer<T> deviceNodes = gpu.Upload<T>(GpuTensorProductDriver.Dense(nodeFeatures));
        using GpuBuffer<T> deviceEdges = gpu.Upload<T>(GpuTensorProductDriver.Dense(edgeFeatures));
        using GpuBuffer<T>? deviceWeights = names.HasWeights ? gpu.Upload<T>(GpuTensorProductDriver.Dense(weights)) : null;
        using GpuBuffer<T> deviceGradOutput = gpu.Upload<T>(GpuTensorProductDriver.Dense(gradOutput));
        using GpuBuffer<T> deviceGradNodes = gpu.Rent<T>(gradNodeFeatures.FlattenedLength);
        using GpuBuffer<T> deviceGradEdges = gpu.Rent<T>(gradEdgeFeatures.FlattenedLength);
        using GpuBuffer<T>? deviceGradWeights = names.HasWeights ? gpu.Rent<T>(gradWeights.FlattenedLength) : null;
        device(gpu, deviceNodes.View, deviceEdges.View, deviceWeights?.View ?? default, graph, deviceGradOutput.View, deviceGradNodes.View, deviceGradEdges.View,
            deviceGradWeights?.View ?? default);
        GpuTensorProductDriver.CopyOut(gpu, deviceGradNodes.View, gradNodeFeatures);
        GpuTensorProductDriver.CopyOut(gpu, deviceGradEdges.View, gradEdgeFeatures);
        if (deviceGradWeights is not null)
        {
            GpuTensorProductDriver.CopyOut(gpu, deviceGradWeights.View, gradWeights);
        }
    }

    /// <summary>One launch for all rows: thread indices are ints, so a launch holds at most 2^30 threads.</summary>
    private static GpuRowGeometry Geometry<T>(GpuContext gpu, int lanes, int stagedWeights, int x2PerRow, int rows)
        where T : unmanaged
    {
        var geometry = GpuRowGeometry.Of<T>(gpu, lanes, stagedWeights, x2PerRow, rows, maxRows: long.MaxValue);
        if (rows > geometry.RowsPerLaunch)
        {
            throw new NotSupportedException(
                $"{rows.ToString(CultureInfo.InvariantCulture)} rows of {geometry.Lanes.ToString(CultureInfo.InvariantCulture)} threads exceed one launch "
                + $"({geometry.RowsPerLaunch.ToString(CultureInfo.InvariantCulture)} rows); split the graph.");
        }

        return geometry;
    }

    /// <summary>nodeFeatures [N, dim1], edgeFeatures [E, dim2] and the weights ([E, W] or shared [W]) against the graph.</summary>
    private static void CheckInputs<T>(ConvolutionLayout names, TensorProductLayout product, GpuGraph graph, ArrayView<T> nodeFeatures, ArrayView<T> edgeFeatures,
        ArrayView<T> weights)
        where T : unmanaged
    {
        CheckRows(names, 0, nodeFeatures, graph.Nodes, product.Dim1, "N, the graph's nodes");
        CheckRows(names, 1, edgeFeatures, graph.Edges, product.Dim2, "E, the graph's edges");
        if (names.HasWeights)
        {
            CheckWeights(names, 2, product, weights, graph.Edges);
        }
    }

    private static void CheckRows<T>(ConvolutionLayout names, int index, ArrayView<T> view, int rows, int features, string rowsText)
        where T : unmanaged =>
        GpuChecks.ThrowIfLengthMismatch(view, (long)rows * features, names.Name(index),
            $"[{N(rows)}, {N(features)}] of {names.Method} ({rowsText})");

    private static void CheckWeights<T>(ConvolutionLayout names, int index, TensorProductLayout product, ArrayView<T> view, int edges)
        where T : unmanaged
    {
        if (product.SharedWeights)
        {
            GpuChecks.ThrowIfLengthMismatch(view, product.WeightCount, names.Name(index), $"[{N(product.WeightCount)}] of {names.Method} (shared weights)");
        }
        else
        {
            CheckRows(names, index, view, edges, product.WeightCount, "E, one row per edge");
        }
    }

    /// <summary>The result in parameter position <paramref name="index"/> shares no memory with an input (gradOutput: an empty view in the forward pass).</summary>
    private static void CheckDisjoint<T>(ConvolutionLayout names, int index, ArrayView<T> result, ArrayView<T> nodeFeatures, ArrayView<T> edgeFeatures,
        ArrayView<T> weights, ArrayView<T> gradOutput)
        where T : unmanaged
    {
        string name = names.Name(index);
        GpuChecks.ThrowIfOverlaps(result, name, nodeFeatures, names.Name(0));
        GpuChecks.ThrowIfOverlaps(result, name, edgeFeatures, names.Name(1));
        if (names.HasWeights)
        {
            GpuChecks.ThrowIfOverlaps(result, name, weights, names.Name(2));
        }

        GpuChecks.ThrowIfOverlaps(result, name, gradOutput, names.Name(5));
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
