using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Tests.Reference;
using Xunit;
using CK = TensorGen.EndToEnd.Tests.ComplexKernels;

namespace TensorGen.EndToEnd.Tests;

/// <summary>
/// Generated [Einsum] kernels over System.Numerics.Complex, both forms, on random complex values (dense, transposed, padded
/// and broadcast views for the dynamic form), against the plain-loop complex reference: every element within 1e-12 of the
/// einsum of the operands' moduli, nothing conjugated, nothing written outside the result's view.
/// </summary>
public class ComplexKernelTests
{
    private static readonly int[] Scalar = [];

    private static int[][] S(params int[][] shapes) => shapes;

    private sealed record Case(string Name, string Expression, int[][] Shapes, bool Accumulate, Action<TestTensor<Complex>[], TestTensor<Complex>>? Dynamic,
        Action<Complex[][], Complex[]>? Static);

    private static Case D(string name, string expression, int[][] shapes, Action<TestTensor<Complex>[], TestTensor<Complex>> kernel, bool accumulate = false) =>
        new(name, expression, shapes, accumulate, kernel, null);

    private static Case St(string name, string expression, int[][] shapes, Action<Complex[][], Complex[]> kernel, bool accumulate = false) =>
        new(name, expression, shapes, accumulate, null, kernel);

    private static readonly IReadOnlyList<Case> Cases =
    [
        D("MatMul", "ij,jk->ik", S([3, 4], [4, 5]), (x, r) => CK.MatMul(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        D("MatMul engine-sized", "ij,jk->ik", S([37, 29], [29, 41]), (x, r) => CK.MatMul(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        D("BatchedMatMul engine-sized", "bij,bjk->bik", S([3, 17, 33], [3, 33, 19]), (x, r) => CK.BatchedMatMul(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        D("SpectralMix", "bixy,ioxy->boxy", S([4, 16, 6, 5], [16, 12, 6, 5]), (x, r) => CK.SpectralMix(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        D("SpectralMixCp", "bixy,r,ir,or,xr,yr->boxy", S([4, 16, 6, 5], [8], [16, 8], [12, 8], [6, 8], [5, 8]),
            (x, r) => CK.SpectralMixCp(x[0].ReadOnly, x[1].ReadOnly, x[2].ReadOnly, x[3].ReadOnly, x[4].ReadOnly, x[5].ReadOnly, r.Writable)),
        D("Permute3", "ijk->kij", S([2, 3, 4]), (x, r) => CK.Permute3(x[0].ReadOnly, r.Writable)),
        D("Trace", "ii->", S([4, 4]), (x, r) => CK.Trace(x[0].ReadOnly, r.Writable)),
        D("PartialDiagonal", "iij->ji", S([3, 3, 2]), (x, r) => CK.PartialDiagonal(x[0].ReadOnly, r.Writable)),
        D("BroadcastMatMul", "...ij,...jk->...ik", S([2, 1, 5, 6], [4, 6, 3]), (x, r) => CK.BroadcastMatMul(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        D("Dot", "i,i->", S([33], [33]), (x, r) => CK.Dot(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        D("Outer", "i,j->ij", S([9], [7]), (x, r) => CK.Outer(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        D("Hadamard", "ij,ij->ij", S([3, 4], [3, 4]), (x, r) => CK.Hadamard(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        D("Hadamard size-1 broadcast", "ij,ij->ij", S([3, 4], [1, 4]), (x, r) => CK.Hadamard(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        D("DoubleContraction", "ijk,jil->kl", S([5, 6, 7], [6, 5, 8]), (x, r) => CK.DoubleContraction(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        D("SixOperandNetwork", "igc,fka,efdk,jiedh,cj,gbh->ba", S([3, 3, 2], [3, 2, 3], [3, 3, 3, 2], [3, 3, 3, 3, 2], [2, 3], [3, 3, 2]),
            (x, r) => CK.SixOperandNetwork(x[0].ReadOnly, x[1].ReadOnly, x[2].ReadOnly, x[3].ReadOnly, x[4].ReadOnly, x[5].ReadOnly, r.Writable)),
        D("MatMulAccumulate", "ij,jk->ik", S([30, 40], [40, 20]), (x, r) => CK.MatMulAccumulate(x[0].ReadOnly, x[1].ReadOnly, r.Writable), accumulate: true),
        D("Mttkrp", "ijk,jr,kr->ir", S([7, 9, 11], [9, 5], [11, 5]), (x, r) => CK.Mttkrp(x[0].ReadOnly, x[1].ReadOnly, x[2].ReadOnly, r.Writable)),
        D("Mttkrp engine-sized", "ijk,jr,kr->ir", S([40, 30, 20], [30, 16], [20, 16]), (x, r) => CK.Mttkrp(x[0].ReadOnly, x[1].ReadOnly, x[2].ReadOnly, r.Writable)),
        D("Replanned", "ab,bc,cd->ad", S([40, 2], [2, 40], [40, 3]), (x, r) => CK.Replanned(x[0].ReadOnly, x[1].ReadOnly, x[2].ReadOnly, r.Writable)),
        D("RotateBatch", "ia,jb,kc,ld,nabcd->nijkl", S([3, 3], [3, 2], [3, 3], [2, 3], [37, 3, 2, 3, 3]),
            (x, r) => CK.RotateBatch(x[0].ReadOnly, x[1].ReadOnly, x[2].ReadOnly, x[3].ReadOnly, x[4].ReadOnly, r.Writable)),
        D("SmallBatchedMatMulAccumulate", "nij,njk->nik", S([41, 3, 4], [41, 4, 2]),
            (x, r) => CK.SmallBatchedMatMulAccumulate(x[0].ReadOnly, x[1].ReadOnly, r.Writable), accumulate: true),

        St("MatMulS", "ij,jk->ik", S([4, 5], [5, 3]), (x, r) => CK.MatMulS(x[0], x[1], r)),
        St("MatMulEngineS", "ij,jk->ik", S([40, 33], [33, 65]), (x, r) => CK.MatMulEngineS(x[0], x[1], r)),
        St("SpectralMixS", "bixy,ioxy->boxy", S([4, 8, 4, 3], [8, 8, 4, 3]), (x, r) => CK.SpectralMixS(x[0], x[1], r)),
        St("SpectralMixCpS", "bixy,r,ir,or,xr,yr->boxy", S([2, 8, 4, 3], [4], [8, 4], [8, 4], [4, 4], [3, 4]),
            (x, r) => CK.SpectralMixCpS(x[0], x[1], x[2], x[3], x[4], x[5], r)),
        St("RotateS", "ia,jb,kc,ld,abcd->ijkl", S([3, 3], [3, 3], [3, 3], [3, 3], [3, 3, 3, 3]), (x, r) => CK.RotateS(x[0], x[1], x[2], x[3], x[4], r)),
        St("BatchedRotationS", "ia,jb,nab->nij", S([3, 3], [2, 4], [45, 3, 4]), (x, r) => CK.BatchedRotationS(x[0], x[1], x[2], r)),
        St("MttkrpS", "ijk,jr,kr->ir", S([5, 7, 9], [7, 4], [9, 4]), (x, r) => CK.MttkrpS(x[0], x[1], x[2], r)),
        St("TuckerS", "abc,ia,jb,kc->ijk", S([4, 3, 2], [5, 4], [4, 3], [6, 2]), (x, r) => CK.TuckerS(x[0], x[1], x[2], x[3], r)),
        St("ChainEngineAccumulateS", "ab,bc,cd->ad", S([100, 10], [10, 100], [100, 10]), (x, r) => CK.ChainEngineAccumulateS(x[0], x[1], x[2], r),
            accumulate: true),
        St("TraceS", "ii->", S([5, 5]), (x, r) => CK.TraceS(x[0], r)),
        St("PartialDiagonalS", "iij->ji", S([3, 3, 2]), (x, r) => CK.PartialDiagonalS(x[0], r)),
        St("OuterS", "i,j->ij", S([3], [4]), (x, r) => CK.OuterS(x[0], x[1], r)),
        St("TripleHadamardS", "i,i,i->i", S([6], [6], [6]), (x, r) => CK.TripleHadamardS(x[0], x[1], x[2], r)),
        St("LoopNestsThenScalarS", "bij,bjk,bik->", S([1000, 2, 2], [1000, 2, 2], [1000, 2, 2]), (x, r) => CK.LoopNestsThenScalarS(x[0], x[1], x[2], r)),
        St("SlicedChainS", "ab,bc,cd->ad", S([4, 6], [6, 5], [5, 3]), (x, r) => CK.SlicedChainS(x[0], x[1], x[2], r)),
        St("EmptyContractionS", "ij,jk->ik", S([3, 0], [0, 2]), (x, r) => CK.EmptyContractionS(x[0], x[1], r)),
    ];

    public static TheoryData<string> DynamicNames => new(Cases.Where(c => c.Dynamic is not null).Select(c => c.Name));

    public static TheoryData<string> StaticNames => new(Cases.Where(c => c.Static is not null).Select(c => c.Name));

    [Theory]
    [MemberData(nameof(DynamicNames))]
    public void Dynamic_complex_kernels_match_the_reference_on_every_layout(string name)
    {
        Case c = Cases.Single(c => c.Name == name);
        (Layout, Layout)[] layouts = [(Layout.Dense, Layout.Dense), (Layout.Transposed, Layout.Padded), (Layout.Padded, Layout.Transposed), (Layout.Broadcast, Layout.Dense)];
        for (int k = 0; k < layouts.Length; k++)
        {
            var random = new Random(k + 1);
            TestTensor<Complex>[] inputs = c.Shapes.Select(s => RandomTensor(s, layouts[k].Item1, random)).ToArray();
            (ComplexRefArray expected, RefArray magnitude) = Reference(c, inputs.Select(t => new ComplexRefArray(t.Values(), t.Shape)).ToArray());
            TestTensor<Complex> result = RandomTensor(expected.Shape, layouts[k].Item2, random);
            Complex[] before = result.Values();

            c.Dynamic!(inputs, result);

            AssertClose(c, expected, before, result.Values(), magnitude, $"{layouts[k].Item1} inputs, {layouts[k].Item2} result");
            Assert.Equal(0, result.GuardViolations());
        }
    }

    [Theory]
    [MemberData(nameof(StaticNames))]
    public void Static_complex_kernels_match_the_reference(string name)
    {
        Case c = Cases.Single(c => c.Name == name);
        var random = new Random(5);
        ComplexRefArray[] inputs = c.Shapes.Select(s => new ComplexRefArray(Draw(s.Aggregate(1, (p, l) => p * l), random), s)).ToArray();
        (ComplexRefArray expected, RefArray magnitude) = Reference(c, inputs);
        Complex[] result = Draw(expected.Data.Length, random);
        Complex[] before = (Complex[])result.Clone();

        c.Static!(inputs.Select(i => i.Data).ToArray(), result);

        AssertClose(c, expected, before, result, magnitude, "dense");
    }

    [Fact]
    public void Complex_shape_errors_name_the_operand_and_both_shapes_before_any_write()
    {
        var poison = new Complex(12345, -12345);
        Complex[] a = new Complex[6], b = new Complex[20], result = Enumerable.Repeat(poison, 15).ToArray();

        var e = Assert.Throws<ArgumentException>(() => CK.MatMul(new ReadOnlyTensorSpan<Complex>(a, [2, 3]), new ReadOnlyTensorSpan<Complex>(b, [4, 5]),
            new TensorSpan<Complex>(result, [3, 5])));

        Assert.Contains("'b'", e.Message, StringComparison.Ordinal);
        Assert.Contains("[4, 5]", e.Message, StringComparison.Ordinal);
        Assert.Contains("[2, 3]", e.Message, StringComparison.Ordinal);
        Assert.All(result, x => Assert.Equal(poison, x));

        var s = Assert.Throws<ArgumentException>(() => CK.MatMulS(new Complex[20], new Complex[14], result.AsSpan(0, 12)));
        Assert.Equal("b", s.ParamName);
        Assert.Contains("[5, 3]", s.Message, StringComparison.Ordinal);
        Assert.All(result, x => Assert.Equal(poison, x));
    }

    private static (ComplexRefArray Expected, RefArray Magnitude) Reference(Case c, ComplexRefArray[] inputs) =>
        (ReferenceEinsum.Evaluate(c.Expression, inputs), ReferenceEinsum.Evaluate(c.Expression, inputs.Select(i => i.Moduli()).ToArray()));

    private static void AssertClose(Case c, ComplexRefArray expected, Complex[] before, Complex[] actual, RefArray magnitude, string layout)
    {
        Complex[] wanted = c.Accumulate ? expected.Data.Zip(before, (e, b) => e + b).ToArray() : expected.Data;
        RefArray scale = c.Accumulate ? magnitude with { Data = magnitude.Data.Zip(before, (m, b) => m + Complex.Abs(b)).ToArray() } : magnitude;
        string? difference = new ComplexRefArray(wanted, expected.Shape).FirstDifference(new ComplexRefArray(actual, expected.Shape), 1e-12, scale);
        Assert.True(difference is null, $"{c.Name} ({layout}): {difference}");
    }

    private static TestTensor<Complex> RandomTensor(int[] shape, Layout layout, Random random)
    {
        TestTensor<Complex> tensor = TestTensor<Complex>.Create(shape, layout, random);
        tensor.Fill(() => Next(random));
        return tensor;
    }

    private static Complex[] Draw(int count, Random random) => Enumerable.Range(0, count).Select(_ => Next(random)).ToArray();

    private static Complex Next(Random random) => new(Math.Round((random.NextDouble() * 4) - 2, 3), Math.Round((random.NextDouble() * 4) - 2, 3));
}
