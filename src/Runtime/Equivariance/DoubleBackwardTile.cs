using System;
using System.Runtime.InteropServices;

namespace TensorGen.Runtime.Equivariance;

/// <summary>
/// Where a double backward pass keeps one tile's operands and results in its scratch (feature-major tiles of
/// <c>Vector&lt;T&gt;.Count</c> lanes, <see cref="SoaTile"/>): the seven inputs, the four results — the weights' gradient in
/// two tiles, one per backward product that contributes to it — and spare tiles for the gradients a backward product
/// computes but the double backward pass does not want.
/// </summary>
internal readonly struct DoubleBackwardTiles<T>
{
    private readonly int _x1, _x2, _out, _w, _gw;

    /// <param name="x1Length">x1's tile (dim1 × lanes).</param>
    /// <param name="x2Length">x2's tile.</param>
    /// <param name="outLength">The output's tile.</param>
    /// <param name="weightsLength">A per-row weights tile (0 for shared or no weights).</param>
    /// <param name="gradWeightsLength">A weights-gradient tile (0 without weights).</param>
    public DoubleBackwardTiles(int x1Length, int x2Length, int outLength, int weightsLength, int gradWeightsLength)
    {
        (_x1, _x2, _out, _w, _gw) = (x1Length, x2Length, outLength, weightsLength, gradWeightsLength);
    }

    /// <summary>The scratch's length (one spare element, so that an empty tile still has an address).</summary>
    public int Total => (4 * _x1) + (4 * _x2) + (2 * _out) + (2 * _w) + (3 * _gw) + 1;

    public Span<T> X1(Span<T> s) => s.Slice(0, _x1);

    public Span<T> X2(Span<T> s) => s.Slice(_x1, _x2);

    public Span<T> Weights(Span<T> s) => s.Slice(_x1 + _x2, _w);

    public Span<T> GradOutput(Span<T> s) => s.Slice(_x1 + _x2 + _w, _out);

    public Span<T> GradGradX1(Span<T> s) => s.Slice(_x1 + _x2 + _w + _out, _x1);

    public Span<T> GradGradX2(Span<T> s) => s.Slice((2 * _x1) + _x2 + _w + _out, _x2);

    public Span<T> GradGradWeights(Span<T> s) => s.Slice((2 * _x1) + (2 * _x2) + _w + _out, _w);

    /// <summary>The results, then the spare tiles, start here; <see cref="Clear"/> clears from here on.</summary>
    private int Results => (2 * _x1) + (2 * _x2) + (2 * _w) + _out;

    public Span<T> GradX1(Span<T> s) => s.Slice(Results, _x1);

    public Span<T> GradX2(Span<T> s) => s.Slice(Results + _x1, _x2);

    public Span<T> GradGradOutput(Span<T> s) => s.Slice(Results + _x1 + _x2, _out);

    public Span<T> SpareX1(Span<T> s) => s.Slice(Results + _x1 + _x2 + _out, _x1);

    public Span<T> SpareX2(Span<T> s) => s.Slice(Results + (2 * _x1) + _x2 + _out, _x2);

    /// <summary>The third backward product's weights gradient (unwanted); for shared weights it accumulates, so it is cleared per tile.</summary>
    public Span<T> SpareWeights(Span<T> s) => s.Slice(Results + (2 * _x1) + (2 * _x2) + _out, _gw);

    /// <summary>B_w(a1, x2; g): stored per row, or accumulated over a worker's tiles for shared weights.</summary>
    public Span<T> GradWeights(Span<T> s) => s.Slice(Results + (2 * _x1) + (2 * _x2) + _out + _gw, _gw);

    /// <summary>B_w(x1, a2; g), as <see cref="GradWeights"/>.</summary>
    public Span<T> GradWeightsSecond(Span<T> s) => s.Slice(Results + (2 * _x1) + (2 * _x2) + _out + (2 * _gw), _gw);

    /// <summary>
    /// Zeroes what the kernels add into: for the forward products gradGradOutput's tile; for the backward products the x1
    /// and x2 results and the spare x1 and x2 tiles, and the spare weights tile when weights are shared (the backward tile
    /// adds into it then). The weights-gradient tiles are left: per row they are stored over, shared they accumulate over a
    /// worker's tiles.
    /// </summary>
    public void Clear(Span<T> s, bool forwards, bool backwards, bool sharedWeightGradients)
    {
        if (forwards)
        {
            GradGradOutput(s).Clear();
        }

        if (backwards)
        {
            GradX1(s).Clear();
            GradX2(s).Clear();
            s.Slice(Results + _x1 + _x2 + _out, _x1 + _x2 + (sharedWeightGradients ? _gw : 0)).Clear();
        }
    }
}

/// <summary>
/// One tile of the double backward pass (docs/double-backward.md): with a1, a2, aw the upstream gradients of the backward
/// pass's gradX1, gradX2, gradWeights and g = gradOutput,
/// gradGradOutput = TP(a1, x2; w) + TP(x1, a2; w) + TP°(x1, x2; aw),
/// gradX1 = B₁(x1, a2, w; g) + B₁°(x1, x2, aw; g), gradX2 = B₂(a1, x2, w; g) + B₂°(x1, x2, aw; g),
/// gradWeights = B_w(a1, x2, w; g) + B_w(x1, a2, w; g) (° : the weighted paths only).
/// </summary>
internal static class DoubleBackwardTile<T, TKernel>
    where T : unmanaged
    where TKernel : ITensorProductDoubleBackward<T>
{
    /// <summary>gradGradOutput's tile: the three forward products added into it (it arrives cleared).</summary>
    /// <param name="scratch">The tiles, laid out by <paramref name="tiles"/>: inputs gathered, results cleared (<see cref="DoubleBackwardTiles{T}.Clear"/>).</param>
    /// <param name="tiles">The layout.</param>
    /// <param name="weights">The weights: a tile (per row) or the dense vector (shared).</param>
    /// <param name="upstreamWeights">aw, likewise.</param>
    /// <param name="weighted">Whether the product has weights (else only the first two products of each sum exist).</param>
    public static void Forwards(Span<T> scratch, in DoubleBackwardTiles<T> tiles, ref T weights, ref T upstreamWeights, bool weighted)
    {
        ref T x1 = ref MemoryMarshal.GetReference(tiles.X1(scratch));
        ref T x2 = ref MemoryMarshal.GetReference(tiles.X2(scratch));
        ref T gradGradOutput = ref MemoryMarshal.GetReference(tiles.GradGradOutput(scratch));
        TKernel.AddForward(ref MemoryMarshal.GetReference(tiles.GradGradX1(scratch)), ref x2, ref weights, ref gradGradOutput, weightedPathsOnly: false);
        TKernel.AddForward(ref x1, ref MemoryMarshal.GetReference(tiles.GradGradX2(scratch)), ref weights, ref gradGradOutput, weightedPathsOnly: false);
        if (weighted)
        {
            TKernel.AddForward(ref x1, ref x2, ref upstreamWeights, ref gradGradOutput, weightedPathsOnly: true);
        }
    }

    /// <summary>The x1, x2 and weights gradients' tiles: the three backward products, as <see cref="Forwards"/> takes its arguments.</summary>
    public static void Backwards(Span<T> scratch, in DoubleBackwardTiles<T> tiles, ref T weights, ref T upstreamWeights, bool weighted)
    {
        ref T x1 = ref MemoryMarshal.GetReference(tiles.X1(scratch));
        ref T x2 = ref MemoryMarshal.GetReference(tiles.X2(scratch));
        ref T g = ref MemoryMarshal.GetReference(tiles.GradOutput(scratch));
        ref T gradX1 = ref MemoryMarshal.GetReference(tiles.GradX1(scratch));
        ref T gradX2 = ref MemoryMarshal.GetReference(tiles.GradX2(scratch));
        TKernel.Backward(ref MemoryMarshal.GetReference(tiles.GradGradX1(scratch)), ref x2, ref weights, ref g, ref MemoryMarshal.GetReference(tiles.SpareX1(scratch)),
            ref gradX2, ref MemoryMarshal.GetReference(tiles.GradWeights(scratch)), weightedPathsOnly: false);
        TKernel.Backward(ref x1, ref MemoryMarshal.GetReference(tiles.GradGradX2(scratch)), ref weights, ref g, ref gradX1,
            ref MemoryMarshal.GetReference(tiles.SpareX2(scratch)), ref MemoryMarshal.GetReference(tiles.GradWeightsSecond(scratch)), weightedPathsOnly: false);
        if (weighted)
        {
            TKernel.Backward(ref x1, ref x2, ref upstreamWeights, ref g, ref gradX1, ref gradX2, ref MemoryMarshal.GetReference(tiles.SpareWeights(scratch)),
                weightedPathsOnly: true);
        }
    }
}
