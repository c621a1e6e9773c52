using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Equivariance;
using TensorGen.Fuzz.Tests.Generator;
using TensorGen.Tests.Reference;
using EK = TensorGen.Fuzz.Tests.Kernels.EquivariantKernels;

namespace TensorGen.Fuzz.Tests.Kernels;

internal delegate void ForwardKernel<T>(ReadOnlyTensorSpan<T> x1, ReadOnlyTensorSpan<T> x2, ReadOnlyTensorSpan<T> weights, TensorSpan<T> output);

internal delegate void BackwardKernel<T>(ReadOnlyTensorSpan<T> x1, ReadOnlyTensorSpan<T> x2, ReadOnlyTensorSpan<T> weights, ReadOnlyTensorSpan<T> gradOutput,
    TensorSpan<T> gradX1, TensorSpan<T> gradX2, TensorSpan<T> gradWeights);

internal delegate void HarmonicsKernel<T>(ReadOnlyTensorSpan<T> vectors, TensorSpan<T> output);

/// <summary>
/// The generated tensor products (forward and backward) and spherical harmonics of <see cref="EquivariantKernels"/> as fuzz kernel
/// families: each call is a random batch (empty, one tile, several, a partial last tile) of strided, broadcast or overlapping row views,
/// sometimes damaged, judged by <see cref="GuardedCall{T}"/> against <see cref="ReferenceTensorProduct"/> (dense Wigner 3j tensors) and
/// <see cref="ReferenceHarmonics"/>.
/// </summary>
internal static class EquivariantFamilies
{
    public const string Forward = "generated tensor product, forward";

    public const string Backward = "generated tensor product, backward";

    public const string Harmonics = "generated spherical harmonics";

    /// <summary>
    /// A declared product: its description (as the runtime gives it), its convention and normalizations (the reference computes
    /// its own path weights from them), whether it takes weights, and its two kernels.
    /// </summary>
    private sealed record Product(string Name, TensorProductDescription Description, Wigner3jConvention Convention, bool HasWeights, Delegate ForwardKernel,
        Delegate BackwardKernel, Type Element, IrrepNormalization IrrepNormalization, PathNormalization PathNormalization);

    private static readonly Product[] s_products =
    [
        P<float>("FullyConnectedF", TensorProductDescription.Create(EK.FcIrreps1, EK.FcIrreps2, EK.FcIrrepsOut), true,
            EK.FullyConnectedF, EK.FullyConnectedBackwardF),
        P<double>("FullyConnectedPerRowD", TensorProductDescription.Create(EK.FcIrreps1, EK.FcIrreps2, EK.FcIrrepsOut, sharedWeights: false), true,
            EK.FullyConnectedPerRowD, EK.FullyConnectedPerRowBackwardD),
        P<double>("ModesD", TensorProductDescription.Create(EK.ModesIrreps1, EK.ModesIrreps2, EK.ModesIrrepsOut, EK.ModesInstructions,
            irrepNormalization: IrrepNormalization.Norm, pathNormalization: PathNormalization.Path), true, EK.ModesD, EK.ModesBackwardD,
            irrepNormalization: IrrepNormalization.Norm, pathNormalization: PathNormalization.Path),
        P<float>("ModesLegacyPerRowF", TensorProductDescription.Create(EK.ModesIrreps1, EK.ModesIrreps2, EK.ModesIrrepsOut, EK.ModesInstructions, sharedWeights: false,
            wigner3j: Wigner3jConvention.E3nnLegacy), true, EK.ModesLegacyPerRowF, EK.ModesLegacyPerRowBackwardF, Wigner3jConvention.E3nnLegacy),
        P<float>("ElementwiseF", TensorProductDescription.Create(EK.ElementwiseIrreps1, EK.ElementwiseIrreps2, "", kind: TensorProductKind.Elementwise), false,
            (ForwardKernel<float>)((x1, x2, _, o) => EK.ElementwiseF(x1, x2, o)), (BackwardKernel<float>)((x1, x2, _, g, g1, g2, _) => EK.ElementwiseBackwardF(x1, x2, g, g1, g2))),
        P<double>("FullD", TensorProductDescription.Create(EK.FullIrreps1, EK.FullIrreps2, "", kind: TensorProductKind.Full), false,
            (ForwardKernel<double>)((x1, x2, _, o) => EK.FullD(x1, x2, o)), (BackwardKernel<double>)((x1, x2, _, g, g1, g2, _) => EK.FullBackwardD(x1, x2, g, g1, g2))),
        P<double>("ChannelwisePerRowD", TensorProductDescription.Create(EK.ChannelIrreps1, EK.ChannelIrreps2, EK.ChannelIrrepsOut, kind: TensorProductKind.Channelwise,
            sharedWeights: false), true, EK.ChannelwisePerRowD, EK.ChannelwisePerRowBackwardD),
        P<float>("WideF", TensorProductDescription.Create(EK.WideIrreps, EK.WideIrreps, EK.WideIrrepsOut), true, EK.WideF, EK.WideBackwardF),
        P<double>("EmptyD", TensorProductDescription.Create("1x1o", "", "2x0e", ""), false,
            (ForwardKernel<double>)((x1, x2, _, o) => EK.EmptyD(x1, x2, o)), (BackwardKernel<double>)((x1, x2, _, g, g1, g2, _) => EK.EmptyBackwardD(x1, x2, g, g1, g2))),
    ];

    private static readonly FuzzKernel[] s_harmonics =
    [
        new HarmonicsFuzzKernel<float>("HarmonicsComponentF", EK.HarmonicsComponentF, [(1, 0), (1, 1), (1, 2), (1, 3)], true, ReferenceHarmonics.Normalization.Component),
        new HarmonicsFuzzKernel<double>("HarmonicsNormD", EK.HarmonicsNormD, [(1, 0), (1, 1), (1, 2)], true, ReferenceHarmonics.Normalization.Norm),
        new HarmonicsFuzzKernel<double>("HarmonicsUnnormalizedD", EK.HarmonicsUnnormalizedD, [(2, 2), (1, 1), (1, 5), (1, 0)], false, ReferenceHarmonics.Normalization.Component),
        new HarmonicsFuzzKernel<float>("HarmonicsPseudovectorIntegralF", EK.HarmonicsPseudovectorIntegralF, [(1, 0), (1, 1), (1, 2), (0, 1)], true,
            ReferenceHarmonics.Normalization.Integral),
    ];

    public static IReadOnlyList<KernelFamily> All { get; } =
    [
        new(Forward, 12, random => Kernel(FuzzText.Pick(random, s_products), backward: false)),
        new(Backward, 12, random => Kernel(FuzzText.Pick(random, s_products), backward: true)),
        new(Harmonics, 8, random => FuzzText.Pick(random, s_harmonics)),
    ];

    private static Product P<T>(string name, TensorProductDescription description, bool hasWeights, ForwardKernel<T> forward, BackwardKernel<T> backward,
        Wigner3jConvention convention = Wigner3jConvention.E3nn, IrrepNormalization irrepNormalization = IrrepNormalization.Component,
        PathNormalization pathNormalization = PathNormalization.Element) =>
        new(name, description, convention, hasWeights, forward, backward, typeof(T), irrepNormalization, pathNormalization);

    private static FuzzKernel Kernel(Product p, bool backward) =>
        p.Element == typeof(float)
            ? new TensorProductFuzzKernel<float>(p.Name, Reference(p), p.Description, p.HasWeights, backward, (ForwardKernel<float>)p.ForwardKernel, (BackwardKernel<float>)p.BackwardKernel)
            : new TensorProductFuzzKernel<double>(p.Name, Reference(p), p.Description, p.HasWeights, backward, (ForwardKernel<double>)p.ForwardKernel, (BackwardKernel<double>)p.BackwardKernel);

    /// <summary>The product's reference: the tests' own 3j symbols and path weights (tests/Shared/Equivariance), not src's.</summary>
    private static ReferenceTensorProduct Reference(Product p) =>
        ReferenceTensorProduct.Of(p.Description, p.Convention, p.IrrepNormalization, p.PathNormalization);

    /// <summary>A batch size: empty, within a tile, or several tiles with a partial last one.</summary>
    public static int Batch<T>(Random random) => random.Next(8) == 0 ? 0 : 1 + random.Next((2 * Vector<T>.Count) + 2);

    /// <summary>
    /// The operands of one call, damaged or laid over each other, and whether the call is still valid: no result overlaps another view
    /// or has a zero stride, and the shapes, damaged or not, agree (<see cref="Shapes"/>).
    /// </summary>
    public sealed class Operands<T>(Random random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private bool _disjoint = true;

        public List<FuzzTensor<T>> Inputs { get; } = [];

        public List<FuzzTensor<T>> Results { get; } = [];

        public List<string> Notes { get; } = [];

        /// <summary>The views' named axes and the sizes the kernel fixes; the family fixes its sizes here.</summary>
        public ShapeAgreement Shapes { get; } = new();

        public bool Valid => _disjoint && Shapes.Agree;

        /// <summary>
        /// Adds an input of <paramref name="shape"/> with <paramref name="axes"/> (damaged one time in <paramref name="damage"/>),
        /// with random values.
        /// </summary>
        public FuzzTensor<T> Input(string name, string axes, int[] shape, int damage = 12)
        {
            if (random.Next(damage) == 0)
            {
                shape = GuardedCall<T>.Damage(random, shape);
                Notes.Add($"{name} damaged to [{string.Join(", ", shape)}]");
            }

            Shapes.Add(name, axes, shape);
            FuzzTensor<T> tensor = ViewLayouts.Create(random, shape, broadcast: true, dense: false, extra: random.Next(3) == 0 ? 64 : 0, () => GuardedCall<T>.Value(random));
            if (Inputs.Count > 0 && random.Next(10) == 0 && Over(FuzzText.Pick(random, Inputs), shape) is { } shared)
            {
                // Laid over an earlier input's memory: inputs may share memory.
                tensor = shared;
                foreach (int position in tensor.Positions())
                {
                    tensor.Storage[position] = GuardedCall<T>.Value(random);
                }

                Notes.Add($"{name} over another input's memory");
            }

            Inputs.Add(tensor);
            return tensor;
        }

        /// <summary>Adds a result of <paramref name="shape"/> with <paramref name="axes"/>, poisoned; sometimes damaged, with a zero stride, or over another view's memory.</summary>
        public FuzzTensor<T> Result(string name, string axes, int[] shape)
        {
            if (random.Next(12) == 0)
            {
                shape = GuardedCall<T>.Damage(random, shape);
                Notes.Add($"{name} damaged to [{string.Join(", ", shape)}]");
            }

            Shapes.Add(name, axes, shape);
            var others = Inputs.Concat(Results).Where(t => t.ElementCount > 0).ToList();
            FuzzTensor<T>? tensor = others.Count > 0 && random.Next(10) == 0 ? Over(FuzzText.Pick(random, others), shape) : null;
            if (tensor is not null)
            {
                Notes.Add($"{name} over another view's memory");
            }
            else
            {
                tensor = ViewLayouts.Create(random, shape, broadcast: false, dense: false, extra: random.Next(3) == 0 ? 64 : 0, () => FuzzTensor<T>.Poison);
                if (random.Next(15) == 0 && tensor.ElementCount > 0 && tensor.Lengths.Any(l => l > 1))
                {
                    int axis = Array.FindIndex(tensor.Lengths, l => l > 1);
                    tensor = ViewLayouts.Place(tensor.Storage, tensor.Offset, tensor.Lengths, tensor.Strides.Select((s, d) => d == axis ? 0 : s).ToArray(), shape, null);
                    Notes.Add($"{name} stride 0 on axis {axis}");
                    _disjoint = false;
                }
            }

            foreach (int position in tensor.Positions())
            {
                tensor.Storage[position] = FuzzTensor<T>.Poison;
            }

            _disjoint &= !Inputs.Concat(Results).Any(t => KernelCall<T>.Overlaps(t, tensor));
            Results.Add(tensor);
            return tensor;
        }

        public IReadOnlyList<FuzzTensor<T>> All => [.. Inputs, .. Results];

        public string Describe() => string.Join(" ", All.Select(GuardedCall<T>.Describe)) + (Notes.Count > 0 ? "; " + string.Join("; ", Notes) : string.Empty)
            + (Shapes.Disagreement() is { } why ? $" ({why})" : Notes.Any(n => n.Contains(" damaged ", StringComparison.Ordinal)) ? " (the damaged shapes agree)" : string.Empty);

        /// <summary>A dense view of <paramref name="shape"/> that starts inside <paramref name="host"/>'s elements, if its storage has room.</summary>
        private FuzzTensor<T>? Over(FuzzTensor<T> host, int[] shape)
        {
            nint[] lengths = shape.Length == 0 ? [1] : [.. shape.Select(s => (nint)s)];
            nint[] strides = lengths.Contains(0) ? new nint[lengths.Length] : [.. ViewLayouts.RowMajor(lengths).Select((s, d) => lengths[d] == 1 ? 0 : s)];
            int offset = host.Offset + random.Next(Math.Max(1, host.Reach));
            return offset + ViewLayouts.Reach(lengths, strides) + FuzzTensor<T>.GuardLength <= host.Storage.Length
                ? ViewLayouts.Place(host.Storage, offset, lengths, strides, shape, null)
                : null;
        }
    }

    /// <summary>The row-major values of a view in double precision (its shape as declared, not as damaged: callers use valid calls only).</summary>
    public static double[] Values<T>(FuzzTensor<T> tensor)
        where T : unmanaged, IFloatingPointIeee754<T> => tensor.ToReference().Data;

    public static double[] Abs(double[] values) => values.Select(Math.Abs).ToArray();
}

/// <summary>One generated tensor product (forward or backward) as a fuzz kernel.</summary>
internal sealed class TensorProductFuzzKernel<T>(string name, ReferenceTensorProduct reference, TensorProductDescription description, bool hasWeights, bool backward,
    ForwardKernel<T> forward, BackwardKernel<T> backwardKernel)
    : FuzzKernel(backward ? EquivariantFamilies.Backward : EquivariantFamilies.Forward, name, $"{description.Irreps1} x {description.Irreps2} -> {description.IrrepsOut}",
        KernelForm.Dynamic, accumulate: false, sizes: null, maxSize: 0)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public override CallVerdict CallOnce(Random random)
    {
        TensorProductDescription d = description;
        int batch = EquivariantFamilies.Batch<T>(random);
        var operands = new EquivariantFamilies.Operands<T>(random);
        // b: the batch (free: any size all rows share); I, J, O, W: the description's widths.
        operands.Shapes.Fix("IJOW", [d.Dim1, d.Dim2, d.DimOut, d.WeightCount]);
        FuzzTensor<T> x1 = operands.Input("x1", "bI", [batch, d.Dim1]);
        FuzzTensor<T> x2 = operands.Input("x2", "bJ", [batch, d.Dim2]);
        int[] weightShape = d.SharedWeights ? [d.WeightCount] : [batch, d.WeightCount];
        string weightAxes = d.SharedWeights ? "W" : "bW";
        FuzzTensor<T>? w = hasWeights ? operands.Input("weights", weightAxes, weightShape) : null;
        FuzzTensor<T>? g = backward ? operands.Input("gradOutput", "bO", [batch, d.DimOut]) : null;
        bool specials = GuardedCall<T>.InjectSpecials(random, operands.Inputs);
        FuzzTensor<T> r0 = backward ? operands.Result("gradX1", "bI", [batch, d.Dim1]) : operands.Result("output", "bO", [batch, d.DimOut]);
        FuzzTensor<T>? r1 = backward ? operands.Result("gradX2", "bJ", [batch, d.Dim2]) : null;
        FuzzTensor<T>? r2 = backward && hasWeights ? operands.Result("gradWeights", weightAxes, weightShape) : null;

        Action invoke = backward
            ? () => backwardKernel(x1.ReadOnly, x2.ReadOnly, w is null ? default : w.ReadOnly, g!.ReadOnly, r0.Writable, r1!.Writable, r2 is null ? default : r2.Writable)
            : () => forward(x1.ReadOnly, x2.ReadOnly, w is null ? default : w.ReadOnly, r0.Writable);
        string? failure = GuardedCall<T>.Judge(operands.All, operands.Results, operands.Valid, invoke,
            () => Reference(operands.Shapes.Size('b'), x1, x2, w, g, r0, r1, r2));
        return new CallVerdict(ToString(), operands.Valid, specials,
            failure is null ? null : $"{this}, {(operands.Valid ? "valid" : "invalid")} call, batch {batch}; {operands.Describe()}:\n    {failure}");
    }

    private List<ExpectedResult<T>> Reference(int batch, FuzzTensor<T> x1, FuzzTensor<T> x2, FuzzTensor<T>? w, FuzzTensor<T>? g, FuzzTensor<T> r0,
        FuzzTensor<T>? r1, FuzzTensor<T>? r2)
    {
        ReferenceTensorProduct magnitude = reference.WithAbsoluteSymbols();
        double[] a1 = EquivariantFamilies.Values(x1), a2 = EquivariantFamilies.Values(x2);
        double[] weights = w is null ? new double[description.WeightCount * (description.SharedWeights ? 1 : batch)] : EquivariantFamilies.Values(w);
        if (!backward)
        {
            return [new("output", r0, reference.Forward(a1, a2, weights, batch),
                magnitude.Forward(EquivariantFamilies.Abs(a1), EquivariantFamilies.Abs(a2), EquivariantFamilies.Abs(weights), batch))];
        }

        double[] gradOutput = EquivariantFamilies.Values(g!);
        var (gx1, gx2, gw) = reference.Backward(a1, a2, weights, gradOutput, batch);
        var (mx1, mx2, mw) = magnitude.Backward(EquivariantFamilies.Abs(a1), EquivariantFamilies.Abs(a2), EquivariantFamilies.Abs(weights),
            EquivariantFamilies.Abs(gradOutput), batch);
        var results = new List<ExpectedResult<T>> { new("gradX1", r0, gx1, mx1), new("gradX2", r1!, gx2, mx2) };
        if (r2 is not null)
        {
            results.Add(new("gradWeights", r2, gw, mw));
        }

        return results;
    }
}

/// <summary>One generated spherical-harmonics kernel as a fuzz kernel.</summary>
internal sealed class HarmonicsFuzzKernel<T>(string name, HarmonicsKernel<T> kernel, (int Mul, int L)[] blocks, bool normalize,
    ReferenceHarmonics.Normalization normalization)
    : FuzzKernel(EquivariantFamilies.Harmonics, name, string.Join("+", blocks.Select(b => $"{b.Mul}x{b.L}")), KernelForm.Dynamic, accumulate: false, sizes: null, maxSize: 0)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int _dim = blocks.Sum(b => b.Mul * ((2 * b.L) + 1));

    public override CallVerdict CallOnce(Random random)
    {
        int batch = EquivariantFamilies.Batch<T>(random);
        var operands = new EquivariantFamilies.Operands<T>(random);
        operands.Shapes.Fix("VY", [3, _dim]);
        FuzzTensor<T> vectors = operands.Input("vectors", "bV", [batch, 3], damage: 8);
        if (random.Next(10) == 0 && vectors.ElementCount > 0)
        {
            // A zero vector: l > 0 vanish (normalized or not).
            int row = random.Next(batch);
            foreach (int position in vectors.Positions().Skip(3 * row).Take(3))
            {
                vectors.Storage[position] = T.Zero;
            }
        }

        bool specials = GuardedCall<T>.InjectSpecials(random, operands.Inputs);
        FuzzTensor<T> output = operands.Result("output", "bY", [batch, _dim]);
        string? failure = GuardedCall<T>.Judge(operands.All, operands.Results, operands.Valid, () => kernel(vectors.ReadOnly, output.Writable), () =>
        {
            double[] v = EquivariantFamilies.Values(vectors);
            var values = new List<double>();
            var magnitudes = new List<double>();
            for (int row = 0; row < operands.Shapes.Size('b'); row++)
            {
                var (y, m) = ReferenceHarmonics.Evaluate(blocks, v[3 * row], v[(3 * row) + 1], v[(3 * row) + 2], normalize, normalization);
                values.AddRange(y);
                magnitudes.AddRange(m);
            }

            return [new("output", output, values.ToArray(), magnitudes.ToArray())];
        });
        return new CallVerdict(ToString(), operands.Valid, specials,
            failure is null ? null : $"{this}, {(operands.Valid ? "valid" : "invalid")} call, batch {batch}; {operands.Describe()}:\n    {failure}");
    }
}
