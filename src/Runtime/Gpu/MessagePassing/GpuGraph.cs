using System;
using ILGPU;
using TensorGen.Runtime.MessagePassing;

namespace TensorGen.Runtime.Gpu.MessagePassing;

/// <summary>
/// The edges of a graph on the device, checked once and grouped both ways, for generated convolutions' GPU entry points:
/// each edge's sender and receiver, and the edges in compressed-sparse-row form by receiver (the deterministic forward
/// pass: one thread per output row) and by sender (the deterministic backward pass: one thread per row of the node
/// features' gradient), each segment in ascending edge id (<see cref="EdgeSegments"/>: a stable counting sort on the host).
/// Build it once per neighbour list and pass it to every layer; dispose it to give the device memory back.
/// </summary>
public sealed class GpuGraph : IDisposable
{
    private readonly GpuBuffer<int> _senders, _receivers, _byReceiver, _receiverOffsets, _bySender, _senderOffsets;

    private GpuGraph(GpuContext gpu, ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, int nodes, int targets)
    {
        Nodes = nodes;
        Targets = targets;
        Edges = senders.Length;
        EdgeSegments byReceiver = EdgeSegments.By(receivers, targets);
        EdgeSegments bySender = EdgeSegments.By(senders, nodes);
        _senders = gpu.Upload(senders);
        _receivers = gpu.Upload(receivers);
        _byReceiver = gpu.Upload<int>(byReceiver.Order);
        _receiverOffsets = gpu.Upload<int>(byReceiver.Offsets);
        _bySender = gpu.Upload<int>(bySender.Order);
        _senderOffsets = gpu.Upload<int>(bySender.Offsets);
    }

    /// <summary>N: the rows of the node features (every sender is below it).</summary>
    public int Nodes { get; }

    /// <summary>M: the rows of the output (every receiver is below it).</summary>
    public int Targets { get; }

    /// <summary>E: the number of edges.</summary>
    public int Edges { get; }

    /// <summary>Each edge's sender [E].</summary>
    internal ArrayView<int> Senders => _senders.View;

    /// <summary>Each edge's receiver [E].</summary>
    internal ArrayView<int> Receivers => _receivers.View;

    /// <summary>Edge ids grouped by receiver [E]; receiver r's are <c>ByReceiver[ReceiverOffsets[r] .. ReceiverOffsets[r + 1])</c>.</summary>
    internal ArrayView<int> ByReceiver => _byReceiver.View;

    /// <summary>[M + 1].</summary>
    internal ArrayView<int> ReceiverOffsets => _receiverOffsets.View;

    /// <summary>Edge ids grouped by sender [E].</summary>
    internal ArrayView<int> BySender => _bySender.View;

    /// <summary>[N + 1].</summary>
    internal ArrayView<int> SenderOffsets => _senderOffsets.View;

    /// <summary>
    /// Checks the edges (one sender and one receiver per edge; senders in [0, <paramref name="nodes"/>), receivers in
    /// [0, <paramref name="targets"/>)) and copies them, grouped, to the device.
    /// </summary>
    /// <exception cref="ArgumentException">The arrays differ in length, or an index is out of range; nothing has been copied.</exception>
    public static GpuGraph Create(GpuContext gpu, ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, int nodes, int targets)
    {
        ArgumentNullException.ThrowIfNull(gpu);
        ArgumentOutOfRangeException.ThrowIfNegative(nodes);
        ArgumentOutOfRangeException.ThrowIfNegative(targets);
        EdgeSegments.Check(nameof(GpuGraph), nameof(senders), senders, senders.Length, nameof(senders), nodes, "the node features");
        EdgeSegments.Check(nameof(GpuGraph), nameof(receivers), receivers, senders.Length, nameof(senders), targets, "the output");
        return new GpuGraph(gpu, senders, receivers, nodes, targets);
    }

    /// <summary>For the host entry points: edges the shared checks (ConvolutionArguments) have already accepted.</summary>
    internal static GpuGraph CreateChecked(GpuContext gpu, ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, int nodes, int targets) =>
        new(gpu, senders, receivers, nodes, targets);

    /// <summary>Gives the device memory back to the context's pool.</summary>
    public void Dispose()
    {
        _senders.Dispose();
        _receivers.Dispose();
        _byReceiver.Dispose();
        _receiverOffsets.Dispose();
        _bySender.Dispose();
        _senderOffsets.Dispose();
    }
}
