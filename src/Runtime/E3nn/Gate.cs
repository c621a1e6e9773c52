using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TensorGen.Runtime.E3nn;

/// <summary>
/// e3nn's <c>nn.Gate(irreps_scalars, act_scalars, irreps_gates, act_gates, irreps_gated)</c> on rows of features: the scalars through
/// their activations, each irrep copy of the gated blocks times its own gate scalar through the gates' activation. As e3nn, the
/// input is the three parts' irreps concatenated, sorted stably by irrep and simplified (<see cref="IrrepsIn"/>: with 0e scalars
/// and 0e gates the scalars come first, but 0o gates come before 0e scalars), and the output is the activated scalars then the
/// gated copies (<see cref="IrrepsOut"/>). Equivariant because the gates are invariant under rotations.
/// </summary>
public sealed class Gate
{
    private readonly int[] _scalarSource;
    private readonly ScalarActivation?[] _scalarActivation;
    private readonly int[] _gateSource;
    private readonly ScalarActivation?[] _gateActivation;
    private readonly int[] _gatedSource;
    private readonly int[] _gatedCopy;

    /// <param name="irrepsScalars">The scalars (l = 0) that pass through <paramref name="actScalars"/>, one activation per block (null: identity).</param>
    /// <param name="actScalars">The scalars' activations, as many as <paramref name="irrepsScalars"/> has blocks.</param>
    /// <param name="irrepsGates">The gate scalars, one per gated irrep copy.</param>
    /// <param name="actGates">The gates' activations, as many as <paramref name="irrepsGates"/> has blocks.</param>
    /// <param name="irrepsGated">The gated irreps.</param>
    /// <exception cref="ArgumentException">What e3nn raises ValueError for: non-scalar scalars or gates, gates and gated copies of
    /// different numbers, activations not one per block, an odd scalar through a function that is neither even nor odd.</exception>
    public Gate(Irreps irrepsScalars, IReadOnlyList<ScalarActivation?> actScalars, Irreps irrepsGates, IReadOnlyList<ScalarActivation?> actGates, Irreps irrepsGated)
    {
        ArgumentNullException.ThrowIfNull(actScalars);
        ArgumentNullException.ThrowIfNull(actGates);
        if (irrepsGates.Count > 0 && irrepsGates.LMax > 0)
        {
            throw new ArgumentException($"Gate scalars must be scalars, instead got irreps_gates = {irrepsGates}", nameof(irrepsGates));
        }

        if (irrepsScalars.Count > 0 && irrepsScalars.LMax > 0)
        {
            throw new ArgumentException($"Scalars must be scalars, instead got irreps_scalars = {irrepsScalars}", nameof(irrepsScalars));
        }

        if (irrepsGates.NumIrreps != irrepsGated.NumIrreps)
        {
            throw new ArgumentException(
                $"There are {irrepsGated.NumIrreps} irreps in irreps_gated, but a different number ({irrepsGates.NumIrreps}) of gate scalars in irreps_gates",
                nameof(irrepsGates));
        }

        Irreps scalarsOut = ActivatedIrreps(irrepsScalars, actScalars, nameof(actScalars));
        Irreps gatesOut = ActivatedIrreps(irrepsGates, actGates, nameof(actGates));
        IrrepsScalars = irrepsScalars.Simplify();
        IrrepsGates = irrepsGates.Simplify();
        IrrepsGated = irrepsGated.Simplify();

        // e3nn's _Sortcut: the parts' blocks concatenated, sorted stably by irrep; each part reads its features from there.
        var parts = new[] { IrrepsScalars, IrrepsGates, IrrepsGated };
        var blocks = parts.SelectMany((part, p) => part.Select((block, b) => (Part: p, Block: b, MulIrrep: block))).ToList();
        var (sorted, permutation, _) = new Irreps(blocks.Select(b => b.MulIrrep)).Sort();
        IReadOnlyList<Range> sortedSlices = sorted.Slices();
        var sources = new[] { new List<int>(), new List<int>(), new List<int>() };
        for (int k = 0; k < blocks.Count; k++)
        {
            Range slice = sortedSlices[permutation[k]];
            for (int f = slice.Start.Value; f < slice.End.Value; f++)
            {
                sources[blocks[k].Part].Add(f);
            }
        }

        IrrepsIn = sorted.Simplify();
        _scalarSource = sources[0].ToArray();
        _gateSource = sources[1].ToArray();
        _gatedSource = sources[2].ToArray();
        _scalarActivation = PerFeature(irrepsScalars, actScalars);
        _gateActivation = PerFeature(irrepsGates, actGates);
        _gatedCopy = new int[IrrepsGated.Dim];
        int copy = 0, feature = 0;
        foreach (MulIrrep block in IrrepsGated)
        {
            for (int u = 0; u < block.Mul; u++, copy++)
            {
                for (int m = 0; m < block.Irrep.Dim; m++)
                {
                    _gatedCopy[feature++] = copy;
                }
            }
        }

        IrrepsOut = IrrepsGates.Dim == 0 ? scalarsOut : scalarsOut + ElementwiseIrreps(IrrepsGated, gatesOut);
    }

    /// <summary>The scalars, simplified (e3nn's <c>irreps_scalars</c>).</summary>
    public Irreps IrrepsScalars { get; }

    /// <summary>The gates, simplified.</summary>
    public Irreps IrrepsGates { get; }

    /// <summary>The gated irreps, simplified.</summary>
    public Irreps IrrepsGated { get; }

    /// <summary>The input's irreps: the parts sorted and simplified (e3nn's <c>irreps_in</c>).</summary>
    public Irreps IrrepsIn { get; }

    /// <summary>The output's irreps: activated scalars, then the gated copies (e3nn's <c>irreps_out</c>).</summary>
    public Irreps IrrepsOut { get; }

    /// <summary>Gates every row of <paramref name="input"/> [rows, IrrepsIn.Dim] into <paramref name="output"/> [rows, IrrepsOut.Dim].</summary>
    /// <exception cref="ArgumentException">A span's length is not rows × its features, or the output overlaps the input.</exception>
    public void Forward(ReadOnlySpan<double> input, Span<double> output, int rows)
    {
        Check(input.Length, nameof(input), IrrepsIn.Dim, rows);
        Check(output.Length, nameof(output), IrrepsOut.Dim, rows);
        TensorMemory.ThrowIfOverlaps(output, nameof(output), input, nameof(input));
        int dimIn = IrrepsIn.Dim, dimOut = IrrepsOut.Dim, scalars = _scalarSource.Length;
        Span<double> gates = _gateSource.Length <= 256 ? stackalloc double[_gateSource.Length] : new double[_gateSource.Length];
        for (int row = 0; row < rows; row++)
        {
            ReadOnlySpan<double> x = input.Slice(row * dimIn, dimIn);
            Span<double> y = output.Slice(row * dimOut, dimOut);
            for (int s = 0; s < scalars; s++)
            {
                y[s] = Apply(_scalarActivation[s], x[_scalarSource[s]]).Value;
            }

            if (_gateSource.Length == 0)
            {
                continue;
            }

            for (int c = 0; c < gates.Length; c++)
            {
                gates[c] = Apply(_gateActivation[c], x[_gateSource[c]]).Value;
            }

            for (int j = 0; j < _gatedSource.Length; j++)
            {
                y[scalars + j] = x[_gatedSource[j]] * gates[_gatedCopy[j]];
            }
        }
    }

    /// <summary>∂L/∂input [rows, IrrepsIn.Dim] given ∂L/∂output [rows, IrrepsOut.Dim] (every input feature written).</summary>
    /// <exception cref="ArgumentException">A span's length does not fit, or the gradient overlaps an input.</exception>
    public void Backward(ReadOnlySpan<double> input, ReadOnlySpan<double> gradOutput, Span<double> gradInput, int rows)
    {
        Check(input.Length, nameof(input), IrrepsIn.Dim, rows);
        Check(gradOutput.Length, nameof(gradOutput), IrrepsOut.Dim, rows);
        Check(gradInput.Length, nameof(gradInput), IrrepsIn.Dim, rows);
        TensorMemory.ThrowIfOverlaps(gradInput, nameof(gradInput), input, nameof(input));
        TensorMemory.ThrowIfOverlaps(gradInput, nameof(gradInput), gradOutput, nameof(gradOutput));
        int dimIn = IrrepsIn.Dim, dimOut = IrrepsOut.Dim, scalars = _scalarSource.Length;
        int copies = _gateSource.Length;
        Span<double> gates = copies <= 256 ? stackalloc double[copies] : new double[copies];
        Span<double> dots = copies <= 256 ? stackalloc double[copies] : new double[copies];
        for (int row = 0; row < rows; row++)
        {
            ReadOnlySpan<double> x = input.Slice(row * dimIn, dimIn);
            ReadOnlySpan<double> g = gradOutput.Slice(row * dimOut, dimOut);
            Span<double> gx = gradInput.Slice(row * dimIn, dimIn);
            for (int s = 0; s < scalars; s++)
            {
                gx[_scalarSource[s]] = g[s] * Apply(_scalarActivation[s], x[_scalarSource[s]]).Derivative;
            }

            if (copies == 0)
            {
                continue;
            }

            dots.Clear();
            for (int c = 0; c < copies; c++)
            {
                gates[c] = Apply(_gateActivation[c], x[_gateSource[c]]).Value;
            }

            for (int j = 0; j < _gatedSource.Length; j++)
            {
                int c = _gatedCopy[j];
                gx[_gatedSource[j]] = g[scalars + j] * gates[c];
                dots[c] += g[scalars + j] * x[_gatedSource[j]];
            }

            for (int c = 0; c < copies; c++)
            {
                gx[_gateSource[c]] = dots[c] * Apply(_gateActivation[c], x[_gateSource[c]]).Derivative;
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"Gate ({IrrepsIn} -> {IrrepsOut})";

    private static (double Value, double Derivative) Apply(ScalarActivation? activation, double x) => activation is null ? (x, 1) : activation.Evaluate(x);

    private static void Check(int length, string name, int features, int rows)
    {
        if (rows < 0 || length != (long)rows * features)
        {
            throw new ArgumentException(
                $"'{name}' holds {length.ToString(CultureInfo.InvariantCulture)} numbers; expected [{rows.ToString(CultureInfo.InvariantCulture)}, {features.ToString(CultureInfo.InvariantCulture)}].",
                name);
        }
    }

    /// <summary>e3nn's <c>Activation.irreps_out</c>: a scalar block through an even function becomes even, through an odd one keeps its parity.</summary>
    private static Irreps ActivatedIrreps(Irreps irreps, IReadOnlyList<ScalarActivation?> activations, string name)
    {
        if (irreps.Count != activations.Count)
        {
            throw new ArgumentException(
                $"Irreps in and number of activation functions does not match: {activations.Count} activations for \"{irreps}\" ({irreps.Count} blocks).", name);
        }

        return new Irreps(irreps.Select((block, b) =>
        {
            if (activations[b] is not { } activation)
            {
                return block;
            }

            int parity = block.Irrep.Parity == -1 ? activation.Parity : block.Irrep.Parity;
            if (parity == 0)
            {
                throw new ArgumentException(
                    "Activation: the parity is violated! The input scalar is odd but the activation is neither even nor odd.", name);
            }

            return new MulIrrep(block.Mul, new Irrep(0, parity));
        }));
    }

    /// <summary>Each feature's activation: the activation of the (unsimplified) block it is in.</summary>
    private static ScalarActivation?[] PerFeature(Irreps irreps, IReadOnlyList<ScalarActivation?> activations) =>
        irreps.SelectMany((block, b) => Enumerable.Repeat(activations[b], block.Dim)).ToArray();

    /// <summary>
    /// e3nn's <c>ElementwiseTensorProduct(gated, gates).irreps_out</c>: both simplified, blocks split until the multiplicities pair up,
    /// then each pair's product (l ⊗ 0 = l, parity times the gate's).
    /// </summary>
    private static Irreps ElementwiseIrreps(Irreps gated, Irreps gates)
    {
        var first = gated.Simplify().ToList();
        var second = gates.Simplify().ToList();
        for (int i = 0; i < first.Count; i++)
        {
            if (first[i].Mul < second[i].Mul)
            {
                second.Insert(i + 1, new MulIrrep(second[i].Mul - first[i].Mul, second[i].Irrep));
                second[i] = new MulIrrep(first[i].Mul, second[i].Irrep);
            }
            else if (second[i].Mul < first[i].Mul)
            {
                first.Insert(i + 1, new MulIrrep(first[i].Mul - second[i].Mul, first[i].Irrep));
                first[i] = new MulIrrep(second[i].Mul, first[i].Irrep);
            }
        }

        return new Irreps(first.Select((block, i) => new MulIrrep(block.Mul, new Irrep(block.Irrep.L, block.Irrep.Parity * second[i].Irrep.Parity))));
    }
}
