using System;
using System.Numerics.Tensors;

namespace TensorGen.Runtime.Equivariance;

/// <summary>
/// Each path of an equivariant linear layer as a strided contraction (<see cref="StepLayout"/>) for one batch size and one set
/// of strides, so that the GEMM engine (BLIS loops, packing straight from the strides) runs it: forward
/// <c>zum,uw-&gt;zwm</c> (rows z·m, columns w, depth u), input gradient <c>zwm,uw-&gt;zum</c>, weight gradient
/// <c>zu,zw-&gt;uw</c> per component m. The last binding is kept: a model calls a layer with the same shapes again and again,
/// and a <see cref="StepLayout"/> decides its GEMM blocking once.
/// </summary>
internal sealed class LinearSteps
{
    private readonly record struct Key(int Batch, nint A0, nint A1, nint B0, nint B1);

    private sealed record Bound(Key Key, StepLayout[] Steps);

    private Bound? _forward;
    // Dense steps: one slot for full tiles of rows, one for the last, shorter tile.
    private readonly Bound?[] _denseForward = new Bound?[2];
    private readonly Bound?[] _denseInputGradient = new Bound?[2];
    private readonly Bound?[] _denseWeightGradient = new Bound?[2];

    /// <summary>Rows per tile of component-major scratch: its operands stay small (≤ 1024 × (dimIn + dimOut) elements).</summary>
    public const int TileRows = 1024;
    private Bound? _inputGradient;
    private Bound? _weightGradient;

    private static readonly StepIndexUse[] s_rowsColumnsDepth =
    {
        StepIndexUse.Left | StepIndexUse.Output, StepIndexUse.Right | StepIndexUse.Output, StepIndexUse.Left | StepIndexUse.Output,
        StepIndexUse.Left | StepIndexUse.Right,
    };

    private static readonly StepIndexUse[] s_denseRowsColumnsDepth =
    {
        StepIndexUse.Left | StepIndexUse.Output, StepIndexUse.Right | StepIndexUse.Output, StepIndexUse.Left | StepIndexUse.Right,
    };

    private static readonly StepIndexUse[] s_weightGradient =
    {
        StepIndexUse.Left | StepIndexUse.Output, StepIndexUse.Right | StepIndexUse.Output, StepIndexUse.Left | StepIndexUse.Right,
    };

    /// <summary>Per path: output[z, w, m] = Σ_u input[z, u, m] · W[u, w] (W dense [MulIn, MulOut]).</summary>
    public StepLayout[] Forward(EquivariantLinearLayout layout, int batch, ReadOnlySpan<nint> input, ReadOnlySpan<nint> output) =>
        Get(ref _forward, new Key(batch, input[0], input[1], output[0], output[1]), key => Build(layout, key, (p, k) =>
            StepLayout.Create(k, "zum,uw->zwm", 0, 1, s_rowsColumnsDepth, new nint[] { key.Batch, p.MulOut, p.IrrepDim, p.MulIn },
                new[] { key.A0, 0, key.A1, p.IrrepDim * key.A1 }, new nint[] { 0, 1, 0, p.MulOut },
                new[] { key.B0, p.IrrepDim * key.B1, key.B1, 0 })));

    /// <summary>Per path: gradInput[z, u, m] = Σ_w gradOutput[z, w, m] · W[u, w].</summary>
    public StepLayout[] InputGradient(EquivariantLinearLayout layout, int batch, ReadOnlySpan<nint> gradOutput, ReadOnlySpan<nint> gradInput) =>
        Get(ref _inputGradient, new Key(batch, gradOutput[0], gradOutput[1], gradInput[0], gradInput[1]), key => Build(layout, key, (p, k) =>
            StepLayout.Create(k, "zwm,uw->zum", 0, 1, s_rowsColumnsDepth, new nint[] { key.Batch, p.MulIn, p.IrrepDim, p.MulOut },
                new[] { key.A0, 0, key.A1, p.IrrepDim * key.A1 }, new nint[] { 0, p.MulOut, 0, 1 },
                new[] { key.B0, p.IrrepDim * key.B1, key.B1, 0 })));

    /// <summary>
    /// Per path: gradW[u, w] = Σ_z input[z, u, m] · gradOutput[z, w, m] for one component m, run once per m (m's offset added to
    /// both operands, the later ones accumulating). One GEMM over the depth (z, m) measured 2–5× slower on the GEMM engine than
    /// 2l + 1 GEMMs with the depth z alone (benchmarks/results/equivariant-linear.md).
    /// </summary>
    public StepLayout[] WeightGradient(EquivariantLinearLayout layout, int batch, ReadOnlySpan<nint> input, ReadOnlySpan<nint> gradOutput) =>
        Get(ref _weightGradient, new Key(batch, input[0], input[1], gradOutput[0], gradOutput[1]), key => Build(layout, key, (p, k) =>
            StepLayout.Create(k, "zu,zw->uw", 0, 1, s_weightGradient, new nint[] { p.MulIn, p.MulOut, key.Batch },
                new[] { p.IrrepDim * key.A1, 0, key.A0 }, new[] { 0, p.IrrepDim * key.B1, key.B0 },
                new nint[] { p.MulOut, 1, 0 })));

    /// <summary>Per path, one component m of component-major scratch (<see cref="ComponentMajor"/>): y[z, w] = Σ_u x[z, u] · W[u, w].</summary>
    public StepLayout[] DenseForward(EquivariantLinearLayout layout, int batch) =>
        Get(ref _denseForward[batch == TileRows ? 0 : 1], new Key(batch, 0, 0, 0, 0), key => Build(layout, key, (p, k) =>
            StepLayout.Create(k, "zu,uw->zw", 0, 1, s_denseRowsColumnsDepth, new nint[] { key.Batch, p.MulOut, p.MulIn },
                new nint[] { p.MulIn, 0, 1 }, new nint[] { 0, 1, p.MulOut }, new nint[] { p.MulOut, 1, 0 })));

    /// <summary>Per path, one component: gx[z, u] = Σ_w g[z, w] · W[u, w].</summary>
    public StepLayout[] DenseInputGradient(EquivariantLinearLayout layout, int batch) =>
        Get(ref _denseInputGradient[batch == TileRows ? 0 : 1], new Key(batch, 0, 0, 0, 0), key => Build(layout, key, (p, k) =>
            StepLayout.Create(k, "zw,uw->zu", 0, 1, s_denseRowsColumnsDepth, new nint[] { key.Batch, p.MulIn, p.MulOut },
                new nint[] { p.MulOut, 0, 1 }, new nint[] { 0, p.MulOut, 1 }, new nint[] { p.MulIn, 1, 0 })));

    /// <summary>Per path, one component: gW[u, w] += Σ_z x[z, u] · g[z, w].</summary>
    public StepLayout[] DenseWeightGradient(EquivariantLinearLayout layout, int batch) =>
        Get(ref _denseWeightGradient[batch == TileRows ? 0 : 1], new Key(batch, 0, 0, 0, 0), key => Build(layout, key, (p, k) =>
            StepLayout.Create(k, "zu,zw->uw", 0, 1, s_weightGradient, new nint[] { p.MulIn, p.MulOut, key.Batch },
                new nint[] { 1, 0, p.MulIn }, new nint[] { 0, 1, p.MulOut }, new nint[] { p.MulOut, 1, 0 })));

    private static StepLayout[] Get(ref Bound? slot, Key key, Func<Key, StepLayout[]> build)
    {
        // A benign race: two threads binding new shapes at once each build their own layouts; either may be kept.
        Bound? bound = slot;
        if (bound is null || bound.Key != key)
        {
            bound = new Bound(key, build(key));
            slot = bound;
        }

        return bound.Steps;
    }

    private static StepLayout[] Build(EquivariantLinearLayout layout, Key key, Func<LinearPathLayout, int, StepLayout> step)
    {
        ReadOnlySpan<LinearPathLayout> paths = layout.Paths;
        var steps = new StepLayout[paths.Length];
        for (int k = 0; k < steps.Length; k++)
        {
            steps[k] = step(paths[k], k);
        }

        return steps;
    }
}
