using System.Collections.Generic;
using System.Linq;
using DK = TensorGen.EndToEnd.Tests.DynamicKernels;
using SK = TensorGen.EndToEnd.Tests.StaticKernels;

namespace TensorGen.EndToEnd.Tests;

/// <summary>Every declaration of this project with shapes to call it on.</summary>
public static class Cases
{
    private static DynamicCase<float> F(string name, string expression, int[][] shapes, System.Action<TestTensor<float>[], TestTensor<float>> kernel, bool accumulate = false) =>
        new(name, expression, shapes, kernel, accumulate);

    private static DynamicCase<double> D(string name, string expression, int[][] shapes, System.Action<TestTensor<double>[], TestTensor<double>> kernel, bool accumulate = false) =>
        new(name, expression, shapes, kernel, accumulate);

    private static readonly int[] Scalar = [];

    private static int[][] S(params int[][] shapes) => shapes;

    public static IReadOnlyList<KernelCase> Dynamic { get; } =
    [
        F("MatMulF", "ij,jk->ik", S([3, 4], [4, 5]), (x, r) => DK.MatMulF(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        D("MatMulD", "ij,jk->ik", S([3, 4], [4, 5]), (x, r) => DK.MatMulD(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        D("MatMulD size-1 broadcast", "ij,jk->ik", S([3, 1], [4, 5]), (x, r) => DK.MatMulD(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        F("BatchedMatMul", "bij,bjk->bik", S([2, 3, 4], [2, 4, 5]), (x, r) => DK.BatchedMatMul(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        F("BatchedMatMul batch broadcast", "bij,bjk->bik", S([1, 3, 4], [3, 4, 2]), (x, r) => DK.BatchedMatMul(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        D("Transpose", "ij->ji", S([3, 5]), (x, r) => DK.Transpose(x[0].ReadOnly, r.Writable)),
        F("Permute3", "ijk->kij", S([2, 3, 4]), (x, r) => DK.Permute3(x[0].ReadOnly, r.Writable)),
        D("Trace", "ii->", S([4, 4]), (x, r) => DK.Trace(x[0].ReadOnly, r.Writable)),
        D("Diagonal", "ii->i", S([4, 4]), (x, r) => DK.Diagonal(x[0].ReadOnly, r.Writable)),
        F("PartialDiagonal", "iij->ji", S([3, 3, 2]), (x, r) => DK.PartialDiagonal(x[0].ReadOnly, r.Writable)),
        D("ImplicitIdentity", "ij", S([3, 4]), (x, r) => DK.ImplicitIdentity(x[0].ReadOnly, r.Writable)),
        F("ImplicitTranspose", "ba", S([3, 4]), (x, r) => DK.ImplicitTranspose(x[0].ReadOnly, r.Writable)),
        F("ImplicitMatMul", "ij,jk", S([2, 3], [3, 4]), (x, r) => DK.ImplicitMatMul(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        D("ImplicitTrace", "ii", S([5, 5]), (x, r) => DK.ImplicitTrace(x[0].ReadOnly, r.Writable)),
        D("BatchTranspose", "...ij->...ji", S([2, 3, 4, 5]), (x, r) => DK.BatchTranspose(x[0].ReadOnly, r.Writable)),
        D("BatchTranspose no batch", "...ij->...ji", S([4, 5]), (x, r) => DK.BatchTranspose(x[0].ReadOnly, r.Writable)),
        D("SumFirstAxis", "i...->...", S([3, 2, 4]), (x, r) => DK.SumFirstAxis(x[0].ReadOnly, r.Writable)),
        F("TraceOuterAxes", "i...i->...", S([3, 2, 3]), (x, r) => DK.TraceOuterAxes(x[0].ReadOnly, r.Writable)),
        F("BroadcastMatMul", "...ij,...jk->...ik", S([2, 1, 5, 6], [4, 6, 3]), (x, r) => DK.BroadcastMatMul(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        D("BroadcastDot", "...i,...i->...", S([3, 1, 4], [2, 4]), (x, r) => DK.BroadcastDot(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        D("BroadcastProduct", "...,...->...", S([2, 3], [3]), (x, r) => DK.BroadcastProduct(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        D("ImplicitBatchedMatVec", "...ij,...j", S([2, 3, 4], [1, 4]), (x, r) => DK.ImplicitBatchedMatVec(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        F("Dot", "i,i->", S([33], [33]), (x, r) => DK.Dot(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        D("ImplicitDot", "i,i", S([7], [7]), (x, r) => DK.ImplicitDot(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        F("Outer", "i,j->ij", S([9], [7]), (x, r) => DK.Outer(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        D("DoubleContraction", "ijk,jil->kl", S([5, 6, 7], [6, 5, 8]), (x, r) => DK.DoubleContraction(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        D("Scale", ",i->i", S(Scalar, [5]), (x, r) => DK.Scale(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        D("ScalarCopy", "->", S(Scalar), (x, r) => DK.ScalarCopy(x[0].ReadOnly, r.Writable)),
        F("MixedCase", "aB,Bc->ac", S([3, 4], [4, 2]), (x, r) => DK.MixedCase(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        D("Bilinear", "bn,anm,bm->ba", S([3, 4], [2, 4, 5], [3, 5]), (x, r) => DK.Bilinear(x[0].ReadOnly, x[1].ReadOnly, x[2].ReadOnly, r.Writable)),
        F("TripleHadamard", "i,i,i->i", S([6], [6], [6]), (x, r) => DK.TripleHadamard(x[0].ReadOnly, x[1].ReadOnly, x[2].ReadOnly, r.Writable)),
        D("FourWayRotation", "ea,fb,abcd,gc,hd->efgh", S([2, 3], [2, 3], [3, 3, 3, 3], [2, 3], [2, 3]),
            (x, r) => DK.FourWayRotation(x[0].ReadOnly, x[1].ReadOnly, x[2].ReadOnly, x[3].ReadOnly, x[4].ReadOnly, r.Writable)),
        D("SixOperandNetwork", "igc,fka,efdk,jiedh,cj,gbh->ba", S([3, 3, 2], [3, 2, 3], [3, 3, 3, 2], [3, 3, 3, 3, 2], [2, 3], [3, 3, 2]),
            (x, r) => DK.SixOperandNetwork(x[0].ReadOnly, x[1].ReadOnly, x[2].ReadOnly, x[3].ReadOnly, x[4].ReadOnly, x[5].ReadOnly, r.Writable)),
        F("GreekMatMul", "αβ,βγ->αγ", S([2, 3], [3, 4]), (x, r) => DK.GreekMatMul(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        D("AstralLetters", "𝐀i,i->𝐀", S([3, 4], [4]), (x, r) => DK.AstralLetters(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        D("SumAll", "ij->", S([3, 4]), (x, r) => DK.SumAll(x[0].ReadOnly, r.Writable)),
        F("RowSums", "ij->i", S([3, 4]), (x, r) => DK.RowSums(x[0].ReadOnly, r.Writable)),
        D("Hadamard", "ij,ij->ij", S([3, 4], [3, 4]), (x, r) => DK.Hadamard(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        D("Hadamard size-1 broadcast", "ij,ij->ij", S([3, 4], [1, 4]), (x, r) => DK.Hadamard(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        F("Chain", "ab,bc,cd->ad", S([5, 2], [2, 6], [6, 3]), (x, r) => DK.Chain(x[0].ReadOnly, x[1].ReadOnly, x[2].ReadOnly, r.Writable)),
        D("FrobeniusInner", "ijk,ijk->", S([2, 3, 4], [2, 3, 4]), (x, r) => DK.FrobeniusInner(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        F("MatMulAccumulate", "ij,jk->ik", S([3, 4], [4, 2]), (x, r) => DK.MatMulAccumulate(x[0].ReadOnly, x[1].ReadOnly, r.Writable), accumulate: true),
        D("DiagonalAccumulate", "ii->i", S([3, 3]), (x, r) => DK.DiagonalAccumulate(x[0].ReadOnly, r.Writable), accumulate: true),
        D("Copy", "i->i", S([6]), (x, r) => DK.Copy(x[0].ReadOnly, r.Writable)),
        D("Copy empty", "i->i", S([0]), (x, r) => DK.Copy(x[0].ReadOnly, r.Writable)),
        F("MatMul over an empty index", "ij,jk->ik", S([3, 0], [0, 2]), (x, r) => DK.MatMulF(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        F("OuterMatrices", "ab,cd->abcd", S([2, 3], [2, 2]), (x, r) => DK.OuterMatrices(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        D("TensorTrainTail", "abc,cd,de,ef->abf", S([2, 2, 3], [3, 4], [4, 2], [2, 3]),
            (x, r) => DK.TensorTrainTail(x[0].ReadOnly, x[1].ReadOnly, x[2].ReadOnly, x[3].ReadOnly, r.Writable)),
        F("BatchedMatMul engine-sized", "bij,bjk->bik", S([3, 17, 33], [3, 33, 65]),
            (x, r) => DK.BatchedMatMul(x[0].ReadOnly, x[1].ReadOnly, r.Writable)),
        F("Mttkrp", "ijk,jr,kr->ir", S([7, 9, 11], [9, 5], [11, 5]), (x, r) => DK.Mttkrp(x[0].ReadOnly, x[1].ReadOnly, x[2].ReadOnly, r.Writable)),
        D("MttkrpModeTwoAccumulate", "kr,ijk,ir->jr", S([6, 3], [4, 5, 6], [4, 3]),
            (x, r) => DK.MttkrpModeTwoAccumulate(x[0].ReadOnly, x[1].ReadOnly, x[2].ReadOnly, r.Writable), accumulate: true),
        D("HintedSumOut", "xa,ab,bc->c", S([6, 3], [3, 4], [4, 2]), (x, r) => DK.HintedSumOut(x[0].ReadOnly, x[1].ReadOnly, x[2].ReadOnly, r.Writable)),
        D("Replanned", "ab,bc,cd->ad", S([40, 2], [2, 40], [40, 3]), (x, r) => DK.Replanned(x[0].ReadOnly, x[1].ReadOnly, x[2].ReadOnly, r.Writable)),
        D("Replanned at the compiled sizes", "ab,bc,cd->ad", S([3, 4], [4, 5], [5, 2]), (x, r) => DK.Replanned(x[0].ReadOnly, x[1].ReadOnly, x[2].ReadOnly, r.Writable)),
        F("ReplannedAccumulate", "ab,bc,cd->ad", S([40, 2], [2, 40], [40, 3]),
            (x, r) => DK.ReplannedAccumulate(x[0].ReadOnly, x[1].ReadOnly, x[2].ReadOnly, r.Writable), accumulate: true),
        D("ChainPerShape", "ab,bc,cd->ad", S([40, 2], [2, 40], [40, 3]), (x, r) => DK.Chain(x[0].ReadOnly, x[1].ReadOnly, x[2].ReadOnly, r.Writable)),
        D("ChainPinned", "ab,bc,cd->ad", S([40, 2], [2, 40], [40, 3]), (x, r) => DK.ChainPinned(x[0].ReadOnly, x[1].ReadOnly, x[2].ReadOnly, r.Writable)),
        D("RotateBatch", "ia,jb,kc,ld,nabcd->nijkl", S([3, 3], [3, 2], [3, 3], [2, 3], [37, 3, 2, 3, 3]),
            (x, r) => DK.RotateBatch(x[0].ReadOnly, x[1].ReadOnly, x[2].ReadOnly, x[3].ReadOnly, x[4].ReadOnly, r.Writable)),
        D("RotateBatch, a few items", "ia,jb,kc,ld,nabcd->nijkl", S([3, 3], [3, 2], [3, 3], [2, 3], [5, 3, 2, 3, 3]),
            (x, r) => DK.RotateBatch(x[0].ReadOnly, x[1].ReadOnly, x[2].ReadOnly, x[3].ReadOnly, x[4].ReadOnly, r.Writable)),
        F("SmallBatchedMatMulAccumulate", "nij,njk->nik", S([41, 3, 4], [41, 4, 2]),
            (x, r) => DK.SmallBatchedMatMulAccumulate(x[0].ReadOnly, x[1].ReadOnly, r.Writable), accumulate: true),
        F("ExplicitUnaryPath", "xb,bc,cd->d", S([3, 4], [4, 2], [2, 5]), (x, r) => DK.ExplicitUnaryPath(x[0].ReadOnly, x[1].ReadOnly, x[2].ReadOnly, r.Writable)),
    ];

    private static StaticCase<float> SF(string name, string expression, int[][] shapes, System.Action<float[][], float[]> kernel, bool accumulate = false) =>
        new(name, expression, shapes, kernel, accumulate);

    private static StaticCase<double> SD(string name, string expression, int[][] shapes, System.Action<double[][], double[]> kernel, bool accumulate = false) =>
        new(name, expression, shapes, kernel, accumulate);

    public static IReadOnlyList<KernelCase> Static { get; } =
    [
        SD("Rotate", "ia,jb,kc,ld,abcd->ijkl", S([3, 3], [3, 3], [3, 3], [3, 3], [3, 3, 3, 3]), (x, r) => SK.Rotate(x[0], x[1], x[2], x[3], x[4], r)),
        SF("RotateF", "ia,jb,kc,ld,abcd->ijkl", S([3, 3], [3, 3], [3, 3], [3, 3], [3, 3, 3, 3]), (x, r) => SK.RotateF(x[0], x[1], x[2], x[3], x[4], r)),
        SF("MatMul", "ij,jk->ik", S([4, 5], [5, 3]), (x, r) => SK.MatMul(x[0], x[1], r)),
        SD("Trace", "ii->", S([5, 5]), (x, r) => SK.Trace(x[0], r)),
        SF("Diagonal", "ii->i", S([4, 4]), (x, r) => SK.Diagonal(x[0], r)),
        SD("PartialDiagonal", "iij->ji", S([3, 3, 2]), (x, r) => SK.PartialDiagonal(x[0], r)),
        SD("ImplicitIdentity", "ij", S([2, 3]), (x, r) => SK.ImplicitIdentity(x[0], r)),
        SF("ImplicitTranspose", "ba", S([3, 2]), (x, r) => SK.ImplicitTranspose(x[0], r)),
        SD("Dot", "i,i->", S([7], [7]), (x, r) => SK.Dot(x[0], x[1], r)),
        SF("Outer", "i,j->ij", S([3], [4]), (x, r) => SK.Outer(x[0], x[1], r)),
        SD("Scale", ",i->i", S(Scalar, [5]), (x, r) => SK.Scale(x[0], x[1], r)),
        SF("Chain", "ab,bc,cd->ad", S([5, 2], [2, 6], [6, 3]), (x, r) => SK.Chain(x[0], x[1], x[2], r)),
        SD("BatchedMatMul", "bij,bjk->bik", S([2, 3, 4], [2, 4, 5]), (x, r) => SK.BatchedMatMul(x[0], x[1], r)),
        SD("MatMulAccumulate", "ij,jk->ik", S([3, 4], [4, 2]), (x, r) => SK.MatMulAccumulate(x[0], x[1], r), accumulate: true),
        SF("SumAll", "ijk->", S([2, 3, 4]), (x, r) => SK.SumAll(x[0], r)),
        SD("ColumnSums", "ij->j", S([6, 2]), (x, r) => SK.ColumnSums(x[0], r)),
        SF("FourWayRotation", "ea,fb,abcd,gc,hd->efgh", S([2, 3], [2, 3], [3, 3, 3, 3], [2, 3], [2, 3]),
            (x, r) => SK.FourWayRotation(x[0], x[1], x[2], x[3], x[4], r)),
        SD("TripleHadamard", "i,i,i->i", S([6], [6], [6]), (x, r) => SK.TripleHadamard(x[0], x[1], x[2], r)),
        SD("GreekMatMul", "αβ,βγ->αγ", S([2, 3], [3, 4]), (x, r) => SK.GreekMatMul(x[0], x[1], r)),
        SF("EmptyContraction", "ij,jk->ik", S([3, 0], [0, 2]), (x, r) => SK.EmptyContraction(x[0], x[1], r)),
        SD("Transpose", "ij->ji", S([4, 3]), (x, r) => SK.Transpose(x[0], r)),
        SF("ModeProduct", "abc,cd->abd", S([2, 3, 4], [4, 5]), (x, r) => SK.ModeProduct(x[0], x[1], r)),
        SD("SixOperandNetwork", "igc,fka,efdk,jiedh,cj,gbh->ba", S([2, 3, 3], [2, 2, 2], [3, 2, 2, 2], [3, 2, 3, 2, 2], [3, 3], [3, 2, 2]),
            (x, r) => SK.SixOperandNetwork(x[0], x[1], x[2], x[3], x[4], x[5], r)),
        SF("MatMulEngine", "ij,jk->ik", S([40, 33], [33, 65]), (x, r) => SK.MatMulEngine(x[0], x[1], r)),
        SD("ChainEngineAccumulate", "ab,bc,cd->ad", S([100, 10], [10, 100], [100, 10]), (x, r) => SK.ChainEngineAccumulate(x[0], x[1], x[2], r),
            accumulate: true),
        SF("Mttkrp", "ijk,jr,kr->ir", S([5, 7, 9], [7, 4], [9, 4]), (x, r) => SK.Mttkrp(x[0], x[1], x[2], r)),
        SF("BatchedRotation", "ia,jb,nab->nij", S([3, 3], [2, 4], [45, 3, 4]), (x, r) => SK.BatchedRotation(x[0], x[1], x[2], r)),
        SD("BatchedChainAccumulate", "ab,bc,nc->na", S([3, 5], [5, 2], [37, 2]), (x, r) => SK.BatchedChainAccumulate(x[0], x[1], x[2], r),
            accumulate: true),
        SD("LoopNestsThenScalar", "bij,bjk,bik->", S([1000, 2, 2], [1000, 2, 2], [1000, 2, 2]), (x, r) => SK.LoopNestsThenScalar(x[0], x[1], x[2], r)),
        SD("SumOutFirst", "xa,ab,bc->c", S([40, 30], [30, 3], [3, 2]), (x, r) => SK.SumOutFirst(x[0], x[1], x[2], r)),
        SF("ExplicitPath", "ij,jk,kl->il", S([2, 3], [3, 4], [4, 5]), (x, r) => SK.ExplicitPath(x[0], x[1], x[2], r)),
        SD("GreedyForSize", "ab,bc,cd->ad", S([5, 2], [2, 6], [6, 3]), (x, r) => SK.GreedyForSize(x[0], x[1], x[2], r)),
        SD("SlicedChain", "ab,bc,cd->ad", S([4, 6], [6, 5], [5, 3]), (x, r) => SK.SlicedChain(x[0], x[1], x[2], r)),
        SD("SlicedChainAccumulate", "ab,bc,cd->ad", S([4, 6], [6, 5], [5, 3]), (x, r) => SK.SlicedChainAccumulate(x[0], x[1], x[2], r), accumulate: true),
        SF("SlicedOutputIndex", "ia,ab,bc,ci->i", S([7, 3], [3, 4], [4, 3], [3, 7]), (x, r) => SK.SlicedOutputIndex(x[0], x[1], x[2], x[3], r)),
    ];

    public static IEnumerable<object[]> DynamicNames() => Dynamic.Select(c => new object[] { c.Name });

    public static IEnumerable<object[]> StaticNames() => Static.Select(c => new object[] { c.Name });
}
