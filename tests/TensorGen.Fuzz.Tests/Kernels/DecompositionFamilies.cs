using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Decompositions;
using TensorGen.Decompositions.Tests.Reference;
using TensorGen.Fuzz.Tests.Generator;
using DK = TensorGen.Fuzz.Tests.Kernels.DecompositionKernels;

namespace TensorGen.Fuzz.Tests.Kernels;

/// <summary>
/// The generated decomposition kernels of <see cref="DecompositionKernels"/> as a fuzz kernel family: each call builds the decomposed
/// operands from random (strided or dense) component views — sometimes of another order or, for the static form, other sizes than
/// declared — and dense operands and results as guarded views (damaged, with a zero stride, over a dense operand's memory or over a
/// component's), and checks the result against the reference interpreter contracting the densified operands (<see cref="ReferenceFormats"/>).
/// </summary>
internal static class DecompositionFamilies
{
    public const string Name = "generated decomposition kernels";

    private static readonly FuzzKernel[] s_kernels =
    [
        new DecompositionFuzzKernel<double>("CpReconstructD", false, (c, r) =>
        {
            int[] n = c.Sizes(3);
            c.Fix("abc", n);
            FuzzTensor<double> result = c.Result("abc", n);
            CpTensor<double> x = c.Cp(c.Order(3), n, c.Rank());
            return new(() => DK.CpReconstructD(x, result.Writable), () => [Expect(result, ReferenceFormats.Cp(x))]);
        }),
        new DecompositionFuzzKernel<float>("CpModeProductStaticF", true, (c, r) =>
        {
            FuzzTensor<float> u = c.Dense("u0", "ib", [3, 4]);
            FuzzTensor<float> result = c.Result("aic", [3, 3, 2]);
            CpTensor<float> x = c.Cp(3, c.Declared([3, 4, 2]), c.Declared(2));
            return new(() => DK.CpModeProductStaticF(x, u.Dense, result.Dense),
                () => [Expect(result, ComplexReference.Evaluate("abc,ib->aic", ReferenceFormats.Cp(x), Of(u, [3, 4])))]);
        }),
        new DecompositionFuzzKernel<double>("CpMttkrpD", false, (c, r) =>
        {
            int[] n = c.Sizes(3);
            int rank = c.Rank();
            // c is free: MTTKRP in mode 2 never reads factor 2, so x and the result damaged alike along c are a valid call.
            c.Fix("abr", [n[0], n[1], rank]);
            FuzzTensor<double> dense = c.Dense("x", "abc", n);
            FuzzTensor<double> result = c.Result("cr", [n[2], rank]);
            CpTensor<double> factors = c.Cp(c.Order(3), n, rank, unusedFactor: 2);
            return new(() => DK.CpMttkrpD(dense.ReadOnly, factors, result.Writable),
                () => [Expect(result, ComplexReference.Evaluate("abc,ar,br->cr", Of(dense), ComplexArray.Of(factors.Factors[0]), ComplexArray.Of(factors.Factors[1])))]);
        }),
        new DecompositionFuzzKernel<float>("CpNormF", false, (c, r) =>
        {
            CpTensor<float> x = c.Cp(c.Order(2), c.Sizes(2), c.Rank());
            float norm = float.NaN;
            return new(() => norm = DK.CpNormF(x), () => [Scalar(norm, ReferenceFormats.Cp(x).FrobeniusNorm)]);
        }),
        new DecompositionFuzzKernel<double>("TuckerVectorProductD", false, (c, r) =>
        {
            int[] n = c.Sizes(3);
            c.Fix("abc", n);
            FuzzTensor<double> v0 = c.Dense("v0", "a", [n[0]]), v1 = c.Dense("v1", "c", [n[2]]);
            FuzzTensor<double> result = c.Result("b", [n[1]]);
            TuckerTensor<double> x = c.Tucker(c.Order(3), n, c.Sizes(3));
            return new(() => DK.TuckerVectorProductD(x, v0.ReadOnly, v1.ReadOnly, result.Writable),
                () => [Expect(result, ComplexReference.Evaluate("abc,a,c->b", ReferenceFormats.Tucker(x), Of(v0), Of(v1)))]);
        }),
        new DecompositionFuzzKernel<float>("TuckerReconstructStaticF", true, (c, r) =>
        {
            FuzzTensor<float> result = c.Result("x", [24]);
            TuckerTensor<float> x = c.Tucker(3, c.Declared([3, 2, 4]), c.Declared([2, 2, 1]));
            return new(() => DK.TuckerReconstructStaticF(x, result.Dense), () => [Expect(result, ReferenceFormats.Tucker(x))]);
        }),
        new DecompositionFuzzKernel<float>("TrainReconstructF", false, (c, r) =>
        {
            int[] n = c.Sizes(3);
            c.Fix("abc", n);
            FuzzTensor<float> result = c.Result("abc", n);
            TensorTrain<float> x = c.Train(c.Order(3), n, null);
            return new(() => DK.TrainReconstructF(x, result.Writable), () => [Expect(result, ReferenceFormats.Train(x.Cores))]);
        }),
        new DecompositionFuzzKernel<double>("TrainModeProductD", false, (c, r) =>
        {
            int[] n = c.Sizes(3);
            int rows = c.Sizes(1)[0];
            // i, the product's rows, is free: u0 and the result damaged alike are a valid call with other rows.
            c.Fix("abc", n);
            FuzzTensor<double> u = c.Dense("u0", "ib", [rows, n[1]]);
            FuzzTensor<double> result = c.Result("aic", [n[0], rows, n[2]]);
            TensorTrain<double> x = c.Train(c.Order(3), n, null);
            return new(() => DK.TrainModeProductD(x, u.ReadOnly, result.Writable),
                () => [Expect(result, ComplexReference.Evaluate("abc,ib->aic", ReferenceFormats.Train(x.Cores), Of(u)))]);
        }),
        new DecompositionFuzzKernel<double>("TrainInnerStaticD", true, (c, r) =>
        {
            TensorTrain<double> x = c.Train(3, c.Declared([2, 3, 2]), c.Declared([2, 2])), y = c.Train(3, c.Declared([2, 3, 2]), c.Declared([2, 2]));
            double inner = double.NaN;
            return new(() => inner = DK.TrainInnerStaticD(x, y), () => [Scalar(inner, ReferenceFormats.Train(x.Cores).Inner(ReferenceFormats.Train(y.Cores)).Real)]);
        }),
        new DecompositionFuzzKernel<double>("MatVecD", false, (c, r) =>
        {
            int[] rows = c.Sizes(2), columns = c.Sizes(2);
            c.Fix("abAB", [.. rows, .. columns]);
            FuzzTensor<double> x = c.Dense("x", "AB", columns);
            FuzzTensor<double> result = c.Result("ab", rows);
            TensorTrainMatrix<double> a = c.TrainMatrix(c.Order(2), rows, columns, null);
            return new(() => DK.MatVecD(a, x.ReadOnly, result.Writable),
                () => [Expect(result, ComplexReference.Evaluate("abAB,AB->ab", ReferenceFormats.TrainMatrix(a.Cores), Of(x)))]);
        }),
        new DecompositionFuzzKernel<float>("OperatorReconstructStaticF", true, (c, r) =>
        {
            FuzzTensor<float> result = c.Result("x", [36]);
            TensorTrainMatrix<float> a = c.TrainMatrix(2, c.Declared([2, 3]), c.Declared([3, 2]), c.Declared([2]));
            return new(() => DK.OperatorReconstructStaticF(a, result.Dense), () => [Expect(result, ReferenceFormats.TrainMatrix(a.Cores))]);
        }),
        new DecompositionFuzzKernel<double>("ExpectationD", false, (c, r) =>
        {
            int[] rows = c.Sizes(2), columns = c.Sizes(2);
            TensorTrain<double> x = c.Train(c.Order(2), rows, null), y = c.Train(2, columns, null);
            TensorTrainMatrix<double> a = c.TrainMatrix(2, rows, columns, null);
            double value = double.NaN;
            return new(() => value = DK.ExpectationD(x, a, y), () =>
                [Scalar(value, ComplexReference.Evaluate("ab,abAB,AB->", ReferenceFormats.Train(x.Cores), ReferenceFormats.TrainMatrix(a.Cores), ReferenceFormats.Train(y.Cores)).Real[0])]);
        }),
    ];

    public static IReadOnlyList<KernelFamily> All { get; } = [new(Name, 16, random => FuzzText.Pick(random, s_kernels))];

    /// <summary>A view's values for the reference, in its shape or (a static form's flat span) the shape it stands for.</summary>
    private static ComplexArray Of<T>(FuzzTensor<T> view, int[]? shape = null)
        where T : unmanaged, IFloatingPointIeee754<T> => new(view.ToReference().Data, new double[view.ElementCount], shape ?? view.Lengths.Select(l => (int)l).ToArray());

    /// <summary>The reference's values for a dense result (the static form's flat span included), with Σ|terms| taken as max |value| + 1.</summary>
    private static DecompositionCheck Expect<T>(FuzzTensor<T> result, ComplexArray expected)
        where T : unmanaged, IFloatingPointIeee754<T> => new(result, expected.Real, double.NaN, double.NaN);

    private static DecompositionCheck Scalar<T>(T actual, double expected)
        where T : unmanaged, IFloatingPointIeee754<T> => new(null, [expected], double.CreateChecked(actual), expected);
}

/// <summary>What a decomposition call checks: a dense result's values, or a returned scalar.</summary>
internal sealed record DecompositionCheck(object? Result, double[] Expected, double Actual, double ExpectedScalar);

/// <summary>A call, as its invocation and the reference of what it computes (run only when the call is valid).</summary>
internal sealed record DecompositionCall(Action Invoke, Func<DecompositionCheck[]> Reference);

/// <summary>One generated decomposition kernel as a fuzz kernel; <see cref="DecompositionCallBuilder{T}"/> builds each call's operands.</summary>
internal sealed class DecompositionFuzzKernel<T>(string name, bool isStatic, Func<DecompositionCallBuilder<T>, Random, DecompositionCall> build)
    : FuzzKernel(DecompositionFamilies.Name, name, isStatic ? "static form" : "dynamic form", isStatic ? KernelForm.Static : KernelForm.Dynamic, false, null, 0)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public override CallVerdict CallOnce(Random random)
    {
        var builder = new DecompositionCallBuilder<T>(random, isStatic);
        DecompositionCall call = build(builder, random);
        builder.Finish();
        var operands = builder.Operands;
        string? failure = GuardedCall<T>.Judge(operands.All, operands.Results, builder.Valid, call.Invoke, () =>
        {
            DecompositionCheck[] checks = call.Reference();
            return [.. checks.Where(c => c.Result is not null).Select(c =>
            {
                var result = (FuzzTensor<T>)c.Result!;
                double scale = 1 + c.Expected.Select(Math.Abs).DefaultIfEmpty(0).Max() * 10;
                return new ExpectedResult<T>("result", result, c.Expected, [.. c.Expected.Select(_ => scale)]);
            })];
        });
        if (failure is null && builder.Valid)
        {
            // Returned scalars (the judge checked the memory; the value is checked here, after the call).
            foreach (DecompositionCheck check in call.Reference().Where(c => c.Result is null))
            {
                double tolerance = (typeof(T) == typeof(float) ? 1e-4 : 1e-10) * (1 + Math.Abs(check.ExpectedScalar));
                if (!(Math.Abs(check.Actual - check.ExpectedScalar) <= tolerance))
                {
                    failure = $"returned {check.Actual:R}, the reference says {check.ExpectedScalar:R}";
                }
            }
        }

        return new CallVerdict(ToString(), builder.Valid, false,
            failure is null ? null : $"{this}, {(builder.Valid ? "valid" : "invalid")} call; {builder.Describe()}:\n    {failure}");
    }
}

/// <summary>
/// Builds the operands of one decomposition call. Decomposed operands come from component views in guarded storage (strided ones are
/// copied by the format, dense ones kept, so a result can share their memory); sometimes a decomposed operand has another order, or
/// (static form) a component another size than declared; dense operands and results are guarded views, sometimes damaged, strided
/// with a zero stride, or over another view's memory. <see cref="Valid"/> says whether the call is valid, from these facts alone.
/// </summary>
internal sealed class DecompositionCallBuilder<T>(Random random, bool isStatic)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public EquivariantFamilies.Operands<T> Operands { get; } = new(random);

    private bool _invalid;

    private readonly List<string> _notes = [];

    private readonly List<FuzzTensor<T>> _components = [];

    public bool Valid => !_invalid && Operands.Valid;

    /// <summary>Random mode sizes (1 to 3) for the dynamic form.</summary>
    public int[] Sizes(int count) => [.. Enumerable.Range(0, count).Select(_ => 1 + random.Next(3))];

    public int Rank() => 1 + random.Next(3);

    /// <summary>The declared order, or (one call in ten) another one, which the kernel must refuse.</summary>
    public int Order(int declared)
    {
        if (random.Next(10) != 0)
        {
            return declared;
        }

        _invalid = true;
        _notes.Add("a decomposed operand of another order");
        return declared + (declared > 1 && random.Next(2) == 0 ? -1 : 1);
    }

    /// <summary>The declared static sizes, or (one call in ten) one of them changed, which the kernel must refuse.</summary>
    public int[] Declared(int[] sizes)
    {
        if (random.Next(10) != 0)
        {
            return sizes;
        }

        _invalid = true;
        int at = random.Next(sizes.Length);
        _notes.Add($"component size {at} differs from the declaration");
        return [.. sizes.Select((s, i) => i == at ? s + 1 : s)];
    }

    public int Declared(int size) => Declared([size])[0];

    /// <summary>Fixes the sizes of mode <paramref name="axes"/> to the decomposed operands' (a call of another order is invalid anyway).</summary>
    public void Fix(string axes, int[] sizes) => Operands.Shapes.Fix(axes, sizes);

    /// <summary>
    /// A dense operand with <paramref name="axes"/>: a guarded view (static form: its elements as a flat span, sometimes of another
    /// length; the declaration fixes every size, so the axes do not matter).
    /// </summary>
    public FuzzTensor<T> Dense(string name, string axes, int[] shape) =>
        isStatic ? Flat(name, shape, result: false) : Operands.Input(name, axes, shape, damage: 10);

    /// <summary>A dense result: a guarded, poisoned view (static form: a flat span), sometimes damaged or over another view's memory.</summary>
    public FuzzTensor<T> Result(string axes, int[] shape) => isStatic ? Flat("result", shape, result: true) : Operands.Result("result", axes, shape);

    /// <summary>A CP tensor; for MTTKRP (<paramref name="unusedFactor"/>, the mode) the weights and that factor are not read, so they never share a result's memory.</summary>
    public CpTensor<T> Cp(int order, int[] shape, int rank, int unusedFactor = -1) =>
        new(Component([rank], mayShare: unusedFactor < 0), [.. Enumerable.Range(0, order).Select(k => Component([Size(shape, k), rank], mayShare: k != unusedFactor))]);

    public TuckerTensor<T> Tucker(int order, int[] shape, int[] ranks) =>
        new(Component([.. Enumerable.Range(0, order).Select(k => Size(ranks, k))]), [.. Enumerable.Range(0, order).Select(k => Component([Size(shape, k), Size(ranks, k)]))]);

    public TensorTrain<T> Train(int order, int[] shape, int[]? ranks)
    {
        int[] bonds = [1, .. Enumerable.Range(0, order - 1).Select(k => ranks is null ? 1 + random.Next(3) : Size(ranks, k)), 1];
        return new([.. Enumerable.Range(0, order).Select(k => Component([bonds[k], Size(shape, k), bonds[k + 1]]))]);
    }

    public TensorTrainMatrix<T> TrainMatrix(int order, int[] rows, int[] columns, int[]? ranks)
    {
        int[] bonds = [1, .. Enumerable.Range(0, order - 1).Select(k => ranks is null ? 1 + random.Next(3) : Size(ranks, k)), 1];
        return new([.. Enumerable.Range(0, order).Select(k => Component([bonds[k], Size(rows, k), Size(columns, k), bonds[k + 1]]))]);
    }

    /// <summary>Called after the operands are built: a component that shares a result's memory makes the call invalid.</summary>
    public void Finish()
    {
        foreach (FuzzTensor<T> component in _components)
        {
            if (Operands.Results.Any(r => KernelCall<T>.Overlaps(r, component)))
            {
                _invalid = true;
                _notes.Add("a result shares a component's memory");
            }
        }
    }

    public string Describe() => Operands.Describe() + (_notes.Count > 0 ? "; " + string.Join("; ", _notes) : string.Empty);

    private static int Size(int[] sizes, int k) => k < sizes.Length ? sizes[k] : 2;

    /// <summary>A component: a strided or dense view in guarded storage, or (when a result exists, one time in eight) dense over the result's memory.</summary>
    private Tensor<T> Component(int[] shape, bool mayShare = true)
    {
        FuzzTensor<T>? result = mayShare ? Operands.Results.FirstOrDefault(r => r.ElementCount > 0) : null;
        FuzzTensor<T> view;
        if (result is not null && random.Next(8) == 0)
        {
            nint[] lengths = [.. shape.Select(s => (nint)s)];
            nint[] strides = ViewLayouts.RowMajor(lengths);
            int count = shape.Aggregate(1, (p, s) => p * s);
            view = count > result.Reach
                ? ViewLayouts.Create(random, shape, broadcast: false, dense: true, extra: 0, () => GuardedCall<T>.Value(random))
                : ViewLayouts.Place(result.Storage, result.Offset + random.Next(result.Reach - count + 1), lengths, strides, shape, () => GuardedCall<T>.Value(random));
        }
        else
        {
            view = ViewLayouts.Create(random, shape, broadcast: false, dense: random.Next(2) == 0, extra: 0, () => GuardedCall<T>.Value(random));
        }

        Tensor<T> tensor;
        try
        {
            // Over a result's memory: dense (the format keeps a dense component as it is, so the memory is shared).
            tensor = ReferenceEquals(view.Storage, result?.Storage) ? Tensor.Create(view.Storage, view.Offset, view.Lengths, []) : view.Tensor;
        }
        catch (ArgumentException)
        {
            // A layout System.Numerics.Tensors refuses for a Tensor (it accepts it for spans): a dense view of its own.
            view = ViewLayouts.Create(random, shape, broadcast: false, dense: true, extra: 0, () => GuardedCall<T>.Value(random));
            tensor = Tensor.Create(view.Storage, view.Offset, view.Lengths, []);
        }

        _components.Add(view);
        Operands.Inputs.Add(view);
        return tensor;
    }

    /// <summary>A static-form span: the dense elements of <paramref name="shape"/>, one time in ten a length off.</summary>
    private FuzzTensor<T> Flat(string name, int[] shape, bool result)
    {
        int length = shape.Aggregate(1, (p, s) => p * s);
        if (random.Next(10) == 0)
        {
            length += length > 1 && random.Next(2) == 0 ? -1 : 1;
            _invalid = true;
            _notes.Add($"{name} has length {length}");
        }

        FuzzTensor<T> view = ViewLayouts.Create<T>(random, [length], broadcast: false, dense: true, extra: 0,
            result ? () => FuzzTensor<T>.Poison : () => GuardedCall<T>.Value(random));
        if (result)
        {
            Operands.Results.Add(view);
        }
        else
        {
            Operands.Inputs.Add(view);
        }

        return view;
    }
}
