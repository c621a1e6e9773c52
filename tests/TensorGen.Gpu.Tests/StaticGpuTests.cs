using System;
using System.Linq;
using TensorGen.Runtime.Gpu;
using TensorGen.Tests.Reference;
using Xunit;

namespace TensorGen.Gpu.Tests;

/// <summary>
/// Every static-form GPU kernel family on ILGPU's CPU accelerator, against the CPU kernel on the same inputs and the
/// reference interpreter.
/// </summary>
[Collection(GpuCollection.Name)]
public class StaticGpuTests
{
    private const double SingleTolerance = 2e-5;
    private const double DoubleTolerance = 1e-12;

    /// <summary>
    /// The reference interpreter loops over every index at once; above this many iterations (Tucker's 16³ · 32³) a case is
    /// compared with the CPU kernel only, which the CPU suites check against the reference.
    /// </summary>
    private const long ReferenceLimit = 20_000_000;

    private delegate void SingleKernel(float[][] inputs, float[] result);

    private delegate void SingleGpuKernel(GpuContext gpu, float[][] inputs, float[] result);

    private delegate void DoubleKernel(double[][] inputs, double[] result);

    private delegate void DoubleGpuKernel(GpuContext gpu, double[][] inputs, double[] result);

    private readonly GpuContext _gpu;

    public StaticGpuTests(GpuFixture fixture) => _gpu = fixture.Gpu;

    [Fact]
    public void Threads_family_covers_every_static_feature()
    {
        CheckSingle("ij,jk->ik", [[5, 7], [7, 6], [5, 6]], (x, r) => StaticGpuKernels.MatMul(x[0], x[1], r), (g, x, r) => StaticGpuKernels.MatMulGpu(g, x[0], x[1], r));
        CheckDouble("ij,jk->ik", [[5, 7], [7, 6], [5, 6]], (x, r) => StaticGpuKernels.MatMulDouble(x[0], x[1], r), (g, x, r) => StaticGpuKernels.MatMulDoubleGpu(g, x[0], x[1], r));
        CheckSingle("ij,jk", [[4, 3], [3, 5], [4, 5]], (x, r) => StaticGpuKernels.ImplicitMatMul(x[0], x[1], r), (g, x, r) => StaticGpuKernels.ImplicitMatMulGpu(g, x[0], x[1], r));
        CheckSingle("ijk->kji", [[3, 4, 5], [5, 4, 3]], (x, r) => StaticGpuKernels.Transpose(x[0], r), (g, x, r) => StaticGpuKernels.TransposeGpu(g, x[0], r));
        CheckDouble("ii->", [[6, 6], []], (x, r) => StaticGpuKernels.Trace(x[0], r), (g, x, r) => StaticGpuKernels.TraceGpu(g, x[0], r));
        CheckSingle("ii->i", [[6, 6], [6]], (x, r) => StaticGpuKernels.Diagonal(x[0], r), (g, x, r) => StaticGpuKernels.DiagonalGpu(g, x[0], r));
        CheckSingle("iij->ji", [[3, 3, 4], [4, 3]], (x, r) => StaticGpuKernels.PartialDiagonal(x[0], r), (g, x, r) => StaticGpuKernels.PartialDiagonalGpu(g, x[0], r));
        CheckSingle("ijk->i", [[4, 5, 3], [4]], (x, r) => StaticGpuKernels.SumOut(x[0], r), (g, x, r) => StaticGpuKernels.SumOutGpu(g, x[0], r));
        CheckSingle("i,j->ij", [[4], [7], [4, 7]], (x, r) => StaticGpuKernels.Outer(x[0], x[1], r), (g, x, r) => StaticGpuKernels.OuterGpu(g, x[0], x[1], r));
        CheckDouble("i,i->", [[9], [9], []], (x, r) => StaticGpuKernels.Dot(x[0], x[1], r), (g, x, r) => StaticGpuKernels.DotGpu(g, x[0], x[1], r));
        CheckSingle(",ij->ij", [[], [3, 4], [3, 4]], (x, r) => StaticGpuKernels.Scale(x[0], x[1], r), (g, x, r) => StaticGpuKernels.ScaleGpu(g, x[0], x[1], r));
        CheckSingle("ij,jk->ik", [[4, 5], [5, 3], [4, 3]], (x, r) => StaticGpuKernels.MatMulAccumulate(x[0], x[1], r),
            (g, x, r) => StaticGpuKernels.MatMulAccumulateGpu(g, x[0], x[1], r), accumulate: true);
        CheckSingle("ij,jk->ik", [[3, 0], [0, 2], [3, 2]], (x, r) => StaticGpuKernels.EmptySum(x[0], x[1], r), (g, x, r) => StaticGpuKernels.EmptySumGpu(g, x[0], x[1], r));
    }

    [Fact]
    public void Planned_networks_run_with_device_intermediates()
    {
        CheckSingle("ab,bc,cd->ad", [[4, 6], [6, 5], [5, 3], [4, 3]], (x, r) => StaticGpuKernels.Chain(x[0], x[1], x[2], r),
            (g, x, r) => StaticGpuKernels.ChainGpu(g, x[0], x[1], x[2], r));
        CheckDouble("pa,abq,qr,rcs->pbcs", [[2, 3], [3, 4, 3], [3, 2], [2, 3, 2], [2, 4, 3, 2]], (x, r) => StaticGpuKernels.Network(x[0], x[1], x[2], x[3], r),
            (g, x, r) => StaticGpuKernels.NetworkGpu(g, x[0], x[1], x[2], x[3], r));
        CheckSingle("ijk,jr,kr->ir", [[5, 4, 3], [4, 2], [3, 2], [5, 2]], (x, r) => StaticGpuKernels.Mttkrp(x[0], x[1], x[2], r),
            (g, x, r) => StaticGpuKernels.MttkrpGpu(g, x[0], x[1], x[2], r));
    }

    [Fact]
    public void Tiled_gemms_match_with_edges_batches_split_depth_and_transposed_operands()
    {
        CheckSingle("ij,jk->ik", [[64, 64], [64, 64], [64, 64]], (x, r) => StaticGpuKernels.TiledMatMul(x[0], x[1], r),
            (g, x, r) => StaticGpuKernels.TiledMatMulGpu(g, x[0], x[1], r));
        CheckSingle("ij,jk->ik", [[70, 50], [50, 75], [70, 75]], (x, r) => StaticGpuKernels.TiledMatMulEdges(x[0], x[1], r),
            (g, x, r) => StaticGpuKernels.TiledMatMulEdgesGpu(g, x[0], x[1], r));
        CheckSingle("bij,bjk->bik", [[3, 48, 48], [3, 48, 48], [3, 48, 48]], (x, r) => StaticGpuKernels.TiledBatched(x[0], x[1], r),
            (g, x, r) => StaticGpuKernels.TiledBatchedGpu(g, x[0], x[1], r));
        CheckDouble("ji,kj->ik", [[64, 64], [64, 64], [64, 64]], (x, r) => StaticGpuKernels.TiledTransposed(x[0], x[1], r),
            (g, x, r) => StaticGpuKernels.TiledTransposedGpu(g, x[0], x[1], r), accumulate: true);
        CheckSingle("ij,jk->ik", [[1024, 16], [16, 1000], [1024, 1000]], (x, r) => StaticGpuKernels.TiledLarge(x[0], x[1], r),
            (g, x, r) => StaticGpuKernels.TiledLargeGpu(g, x[0], x[1], r));
        CheckSingle("ij,jk->ik", [[20, 1000], [1000, 24], [20, 24]], (x, r) => StaticGpuKernels.SplitDepth(x[0], x[1], r),
            (g, x, r) => StaticGpuKernels.SplitDepthGpu(g, x[0], x[1], r));
        CheckDouble("ij,jk->ik", [[20, 1000], [1000, 24], [20, 24]], (x, r) => StaticGpuKernels.SplitDepthAccumulate(x[0], x[1], r),
            (g, x, r) => StaticGpuKernels.SplitDepthAccumulateGpu(g, x[0], x[1], r), accumulate: true);
        CheckSingle("abc,ia,jb,kc->ijk", [[16, 16, 16], [32, 16], [32, 16], [32, 16], [32, 32, 32]],
            (x, r) => StaticGpuKernels.Tucker(x[0], x[1], x[2], x[3], r), (g, x, r) => StaticGpuKernels.TuckerGpu(g, x[0], x[1], x[2], x[3], r));
    }

    [Fact]
    public void A_batch_of_small_contractions_runs_one_thread_per_item()
    {
        CheckSingle("ia,jb,kc,ld,nabcd->nijkl", [[3, 3], [3, 3], [3, 3], [3, 3], [40, 3, 3, 3, 3], [40, 3, 3, 3, 3]],
            (x, r) => StaticGpuKernels.Rotate(x[0], x[1], x[2], x[3], x[4], r), (g, x, r) => StaticGpuKernels.RotateGpu(g, x[0], x[1], x[2], x[3], x[4], r));
    }

    [Fact]
    public void Device_entry_point_checks_lengths_and_overlap_before_enqueueing()
    {
        using GpuBuffer<float> a = _gpu.Rent<float>(35);
        using GpuBuffer<float> shortB = _gpu.Rent<float>(41);
        using GpuBuffer<float> result = _gpu.Rent<float>(30);
        var error = Assert.Throws<ArgumentException>(() => StaticGpuKernels.MatMulGpu(_gpu, a.View, shortB.View, result.View));
        Assert.Equal("b", error.ParamName);
        Assert.Contains("[7, 6]", error.Message, StringComparison.Ordinal);

        using GpuBuffer<float> shared = _gpu.Rent<float>(42);
        var overlap = Assert.Throws<ArgumentException>(() => StaticGpuKernels.MatMulGpu(_gpu, a.View, shared.View, shared.View.SubView(0, 30)));
        Assert.Equal("result", overlap.ParamName);
    }

    private void CheckSingle(string expression, int[][] shapes, SingleKernel cpu, SingleGpuKernel gpu, bool accumulate = false)
    {
        var random = new Random(expression.Length * 7919);
        double[][] values = shapes.Take(shapes.Length - 1).Select(shape => Operands.Random(shape, random)).ToArray();
        float[][] inputs = values.Select(Operands.Single).ToArray();
        int[] resultShape = shapes[^1];
        float[] initial = accumulate ? Operands.Single(Operands.Random(resultShape, random)) : Enumerable.Repeat(float.NaN, Length(resultShape)).ToArray();
        float[] onCpu = (float[])initial.Clone();
        float[] onGpu = (float[])initial.Clone();
        cpu(inputs, onCpu);
        gpu(_gpu, inputs, onGpu);

        RefArray[] operands = inputs.Select((x, i) => new RefArray(Operands.Widen(x), shapes[i])).ToArray();
        double[]? start = accumulate ? Operands.Widen(initial) : null;
        if (Operands.NaiveIterations(expression, shapes) <= ReferenceLimit)
        {
            Operands.AssertEinsum(expression, operands, Operands.Widen(onGpu), resultShape, SingleTolerance, "GPU vs reference", start);
            Operands.AssertEinsum(expression, operands, Operands.Widen(onCpu), resultShape, SingleTolerance, "CPU vs reference", start);
        }

        double error = Operands.RelativeError(Operands.Widen(onGpu), Operands.Widen(onCpu));
        Assert.True(error <= SingleTolerance, $"{expression}: GPU vs CPU relative error {error}");
    }

    private void CheckDouble(string expression, int[][] shapes, DoubleKernel cpu, DoubleGpuKernel gpu, bool accumulate = false)
    {
        var random = new Random(expression.Length * 104729);
        double[][] inputs = shapes.Take(shapes.Length - 1).Select(shape => Operands.Random(shape, random)).ToArray();
        int[] resultShape = shapes[^1];
        double[] initial = accumulate ? Operands.Random(resultShape, random) : Enumerable.Repeat(double.NaN, Length(resultShape)).ToArray();
        double[] onCpu = (double[])initial.Clone();
        double[] onGpu = (double[])initial.Clone();
        cpu(inputs, onCpu);
        gpu(_gpu, inputs, onGpu);

        RefArray[] operands = inputs.Select((x, i) => new RefArray(x, shapes[i])).ToArray();
        double[]? start = accumulate ? initial : null;
        Operands.AssertEinsum(expression, operands, onGpu, resultShape, DoubleTolerance, "GPU vs reference", start);
        Operands.AssertEinsum(expression, operands, onCpu, resultShape, DoubleTolerance, "CPU vs reference", start);
        Assert.True(Operands.RelativeError(onGpu, onCpu) <= DoubleTolerance, $"{expression}: GPU vs CPU relative error {Operands.RelativeError(onGpu, onCpu)}");
    }

    private static int Length(int[] shape) => shape.Aggregate(1, (p, s) => p * s);
}
