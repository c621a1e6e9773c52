using System;
using System.Linq;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using TensorGen.Benchmarks.Equivariant;
using TensorGen.Equivariance;
using K = TensorGen.Benchmarks.MessagePassing.MessagePassingKernels;

namespace TensorGen.Benchmarks.MessagePassing;

/// <summary>
/// One NequIP-like interaction, fp32, one thread, 2,000 atoms × 30 neighbours (60,000 edges), as
/// ../shared/peers/e3nn_message_passing.py measures e3nn: edge vectors → harmonics → uvu product with each sender's features
/// and the edge's weights → sum into receivers (sorted), and forward + backward of Σ output (gradients for the features,
/// the edge vectors through the harmonics, and the weights). Fused: [TensorProductConvolution] and its backward;
/// unfused: TensorGen's own product on gathered rows, an [E, 1056] message tensor, and a plain scatter. The double backward
/// (what training on forces adds): the gradients of ⟨a_x, gradX⟩ + ⟨a_sh, gradSh⟩ + ⟨a_w, gradW⟩ for the features, the
/// harmonics, the weights and gradOutput — [TensorProductConvolutionDoubleBackward], or [TensorProductDoubleBackward] on
/// gathered rows with plain scatters (../../peers/e3nn_message_passing_double_backward.py measures e3nn's).
/// Run: dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- --filter '*MessagePassing*' (e3nn: ../shared/peers/run.sh equivariant).
/// </summary>
[Config(typeof(EquivariantBenchmarkConfig))]
public class MessagePassingBenchmarks : IElementCount
{
    public const int Atoms = 2000;
    public const int Neighbours = 30;
    public const int Edges = Atoms * Neighbours;

    private static readonly TensorProductDescription s_product = TensorProductDescription.Create(K.NodeIrreps, K.EdgeIrreps, K.OutputIrreps, K.Paths, sharedWeights: false);

    private float[] _x = [], _vectors = [], _weights = [], _harmonics = [], _output = [], _ones = [];
    private float[] _gradX = [], _gradHarmonics = [], _gradVectors = [], _gradWeights = [];
    private float[] _gathered = [], _messages = [], _gradGathered = [], _gradMessages = [];
    private float[] _upstreamX = [], _upstreamHarmonics = [], _upstreamWeights = [], _gradGradOutput = [];
    private float[] _gatheredUpstream = [], _gradGradMessages = [];
    private int[] _senders = [], _receivers = [];

    public double Elements => Edges;

    private static int Dim1 => s_product.Dim1;

    private static int DimOut => s_product.DimOut;

    private static int WeightCount => s_product.WeightCount;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(0);
        float[] Normal(int n) => Enumerable.Range(0, n).Select(_ => (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))).ToArray();
        _x = Normal(Atoms * Dim1);
        _vectors = Normal(Edges * 3);
        _weights = Normal(Edges * WeightCount);
        _senders = Enumerable.Range(0, Edges).Select(_ => random.Next(Atoms)).ToArray();
        _receivers = Enumerable.Range(0, Edges).Select(_ => random.Next(Atoms)).Order().ToArray();
        _harmonics = new float[Edges * 9];
        _output = new float[Atoms * DimOut];
        _ones = Enumerable.Repeat(1f, Atoms * DimOut).ToArray();
        _gradX = new float[_x.Length];
        _gradHarmonics = new float[_harmonics.Length];
        _gradVectors = new float[_vectors.Length];
        _gradWeights = new float[_weights.Length];
        _gathered = new float[Edges * Dim1];
        _messages = new float[Edges * DimOut];
        _gradGathered = new float[_gathered.Length];
        _gradMessages = new float[_messages.Length];
        _upstreamX = Normal(_x.Length);
        _upstreamHarmonics = Normal(_harmonics.Length);
        _upstreamWeights = Normal(_weights.Length);
        _gradGradOutput = new float[_output.Length];
        _gatheredUpstream = new float[_gathered.Length];
        _gradGradMessages = new float[_messages.Length];
        Harmonics();
    }

    [Benchmark(Baseline = true)]
    public void FusedForward()
    {
        Harmonics();
        K.Interaction(Tensor(_x, Atoms, Dim1), Tensor(_harmonics, Edges, 9), Tensor(_weights, Edges, WeightCount), _senders, _receivers, Result(_output, Atoms, DimOut));
    }

    [Benchmark]
    public void FusedForwardBackward()
    {
        FusedForward();
        K.InteractionBackward(Tensor(_x, Atoms, Dim1), Tensor(_harmonics, Edges, 9), Tensor(_weights, Edges, WeightCount), _senders, _receivers,
            Tensor(_ones, Atoms, DimOut), Result(_gradX, Atoms, Dim1), Result(_gradHarmonics, Edges, 9), Result(_gradWeights, Edges, WeightCount));
        K.EdgeHarmonicsBackward(Tensor(_vectors, Edges, 3), Tensor(_gradHarmonics, Edges, 9), Result(_gradVectors, Edges, 3));
    }

    [Benchmark]
    public void UnfusedForward()
    {
        Harmonics();
        Gather(_x, _senders, Dim1, _gathered);
        K.Message(Tensor(_gathered, Edges, Dim1), Tensor(_harmonics, Edges, 9), Tensor(_weights, Edges, WeightCount), Result(_messages, Edges, DimOut));
        Array.Clear(_output);
        for (int e = 0; e < Edges; e++)
        {
            Span<float> row = _output.AsSpan(_receivers[e] * DimOut, DimOut);
            ReadOnlySpan<float> message = _messages.AsSpan(e * DimOut, DimOut);
            TensorPrimitives.Add(row, message, row);
        }
    }

    [Benchmark]
    public void UnfusedForwardBackward()
    {
        UnfusedForward();
        Gather(_ones, _receivers, DimOut, _gradMessages);
        K.MessageBackward(Tensor(_gathered, Edges, Dim1), Tensor(_harmonics, Edges, 9), Tensor(_weights, Edges, WeightCount), Tensor(_gradMessages, Edges, DimOut),
            Result(_gradGathered, Edges, Dim1), Result(_gradHarmonics, Edges, 9), Result(_gradWeights, Edges, WeightCount));
        Array.Clear(_gradX);
        for (int e = 0; e < Edges; e++)
        {
            Span<float> row = _gradX.AsSpan(_senders[e] * Dim1, Dim1);
            TensorPrimitives.Add(row, _gradGathered.AsSpan(e * Dim1, Dim1), row);
        }

        K.EdgeHarmonicsBackward(Tensor(_vectors, Edges, 3), Tensor(_gradHarmonics, Edges, 9), Result(_gradVectors, Edges, 3));
    }

    /// <summary>The double backward pass alone (the harmonics of the last forward call as edge features).</summary>
    [Benchmark]
    public void FusedDoubleBackward() =>
        K.InteractionDoubleBackward(Tensor(_x, Atoms, Dim1), Tensor(_harmonics, Edges, 9), Tensor(_weights, Edges, WeightCount), _senders, _receivers,
            Tensor(_ones, Atoms, DimOut), Tensor(_upstreamX, Atoms, Dim1), Tensor(_upstreamHarmonics, Edges, 9), Tensor(_upstreamWeights, Edges, WeightCount),
            Result(_gradX, Atoms, Dim1), Result(_gradHarmonics, Edges, 9), Result(_gradWeights, Edges, WeightCount), Result(_gradGradOutput, Atoms, DimOut));

    /// <summary>What e3nn_message_passing_double_backward.py times: harmonics, forward, backward (harmonics as a leaf), double backward.</summary>
    [Benchmark]
    public void FusedForwardBackwardDoubleBackward()
    {
        FusedForward();
        K.InteractionBackward(Tensor(_x, Atoms, Dim1), Tensor(_harmonics, Edges, 9), Tensor(_weights, Edges, WeightCount), _senders, _receivers,
            Tensor(_ones, Atoms, DimOut), Result(_gradX, Atoms, Dim1), Result(_gradHarmonics, Edges, 9), Result(_gradWeights, Edges, WeightCount));
        FusedDoubleBackward();
    }

    /// <summary>The double backward unfused: the product's double backward on gathered rows ([E, 1056] gradGradOutput messages), then plain scatters.</summary>
    [Benchmark]
    public void UnfusedDoubleBackward()
    {
        Gather(_x, _senders, Dim1, _gathered);
        Gather(_upstreamX, _senders, Dim1, _gatheredUpstream);
        Gather(_ones, _receivers, DimOut, _gradMessages);
        K.MessageDoubleBackward(Tensor(_gathered, Edges, Dim1), Tensor(_harmonics, Edges, 9), Tensor(_weights, Edges, WeightCount), Tensor(_gradMessages, Edges, DimOut),
            Tensor(_gatheredUpstream, Edges, Dim1), Tensor(_upstreamHarmonics, Edges, 9), Tensor(_upstreamWeights, Edges, WeightCount),
            Result(_gradGathered, Edges, Dim1), Result(_gradHarmonics, Edges, 9), Result(_gradWeights, Edges, WeightCount), Result(_gradGradMessages, Edges, DimOut));
        ScatterAdd(_gradGathered, _senders, Dim1, _gradX);
        ScatterAdd(_gradGradMessages, _receivers, DimOut, _gradGradOutput);
    }

    /// <summary>into = 0, then into[index[e]] += rows[e], edges in order.</summary>
    private static void ScatterAdd(float[] rows, int[] index, int dim, float[] into)
    {
        Array.Clear(into);
        for (int e = 0; e < index.Length; e++)
        {
            Span<float> row = into.AsSpan(index[e] * dim, dim);
            TensorPrimitives.Add(row, rows.AsSpan(e * dim, dim), row);
        }
    }

    private void Harmonics() => K.EdgeHarmonics(Tensor(_vectors, Edges, 3), Result(_harmonics, Edges, 9));

    private static void Gather(float[] rows, int[] index, int dim, float[] into)
    {
        for (int e = 0; e < index.Length; e++)
        {
            rows.AsSpan(index[e] * dim, dim).CopyTo(into.AsSpan(e * dim, dim));
        }
    }

    private static ReadOnlyTensorSpan<float> Tensor(float[] data, int rows, int columns) => new(data, [rows, columns]);

    private static TensorSpan<float> Result(float[] data, int rows, int columns) => new(data, [rows, columns]);
}
