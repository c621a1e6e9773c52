using System;
using System.Numerics.Tensors;

namespace TensorGen.Runtime.Equivariance;

/// <summary>
/// Each path of an equivariant linear layer as a strided contraction (<see cref="StepLayout"/>) for one batch size and one set
/// of strides, so that the GEMM engine (BLIS loops, packing straight from the strides) runs it: forward
/// <c>zum,uw-&gt;zwm</c> (rows z·m, columns w, depth u), input gradient <c>zwm,uw-&gt;zum</c>, weight gradient
/// <c>zum,zwm-&gt;uw</c> (depth z·m). The last binding is kept: a model calls a layer with the same shapes again and again,
/// and a <see cref="StepLayout"/> decides its GEMM blocking once.
/// </summary>
internal sealed class LinearSteps
{
    private readonly record struct Key(int Batch, nint A0, nint A1, nint B0, nint B1);

    private sealed record Bound(Key Key, StepLayout[] Steps);

    private Bound? _forward;
    private Bound? _inputGradient;
    private Bound? _weightGradient;

    private static readonly StepIndexUse[] s_rowsColumnsDepth =
    {
        StepIndexUse.Left | StepIndexUse.Output, StepIndexUse.Right | StepIndexUse.Output, StepIndexUse.Left | StepIndexUse.Output,
        StepIndexUse.Left | StepIndexUse.Right,
    };

    private static readonly StepIndexUse[] s_weightGradient =
    {
        StepIndexUse.Left | StepIndexUse.Output, StepIndexUse.Right | StepIndexUse.Output, StepIndexUse.Left | StepIndexUse.Right,
        StepIndexUse.Left | StepIndexUse.Right,
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

    /// <summary>Per path: gradW[u, w] = Σ_{z, m} input[z, u, m] · gradOutput[z, w, m] (into a dense [MulIn, MulOut]).</summary>
    public StepLayout[] WeightGradient(EquivariantLinearLayout layout, int batch, ReadOnlySpan<nint> input, ReadOnlySpan<nint> gradOutput) =>
        Get(ref _weightGradient, new Key(batch, input[0], input[1], gradOutput[0], gradOutput[1]), key => Build(layout, key, (p, k) =>
            StepLayout.Create(k, "zum,zwm->uw", 0, 1, s_weightGradient, new nint[] { p.MulIn, p.MulOut, key.Batch, p.IrrepDim },
                new[] { p.IrrepDim * key.A1, 0, key.A0, key.A1 }, new[] { 0, p.IrrepDim * key.B1, key.B0, key.B1 },
                new nint[] { p.MulOut, 1, 0, 0 })));

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
