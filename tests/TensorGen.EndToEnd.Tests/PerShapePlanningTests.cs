using System;
using System.Linq;
using System.Numerics.Tensors;
using System.Threading;
using System.Threading.Tasks;
using TensorGen.Tests.Reference;
using Xunit;
using DK = TensorGen.EndToEnd.Tests.DynamicKernels;

namespace TensorGen.EndToEnd.Tests;

/// <summary>Generated dynamic kernels planned per shape (the default): concurrent calls, no allocation once a shape is seen.</summary>
public sealed class PerShapePlanningTests
{
    /// <summary>Shapes of <c>ab,bc,cd->ad</c> for which the best orders differ: (ab, bc) first, (bc, cd) first, and in between.</summary>
    private static readonly int[][][] Shapes =
    [
        [[2, 30], [30, 3], [3, 40]],
        [[40, 3], [3, 30], [30, 2]],
        [[7, 5], [5, 6], [6, 4]],
        [[1, 9], [9, 8], [8, 1]],
    ];

    /// <summary>Threads calling one kernel with different shapes at once each get their own shape's numbers, every call.</summary>
    [Fact]
    public void Concurrent_calls_with_different_shapes_compute_their_own_results()
    {
        var cases = Shapes.Select((shapes, n) => Prepare(shapes, seed: n)).ToArray();
        using var start = new Barrier(4);
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, thread =>
        {
            start.SignalAndWait();
            for (int call = 0; call < 200; call++)
            {
                var (inputs, expected) = cases[(thread + call) % cases.Length];
                var result = TestTensor<double>.Create(expected.Shape, Layout.Dense, new Random(call));
                DK.Chain(inputs[0].ReadOnly, inputs[1].ReadOnly, inputs[2].ReadOnly, result.Writable);
                Assert.Null(RefArrayComparison.FirstDifference(expected, result.ToReference(), 1e-12));
            }
        });
    }

    /// <summary>Once a shape has been seen on a thread, calling the kernel again allocates nothing (plan, layouts and binding kept).</summary>
    [Fact]
    public void A_call_with_a_seen_shape_allocates_nothing()
    {
        var (inputs, expected) = Prepare(Shapes[1], seed: 1);
        var result = TestTensor<double>.Create(expected.Shape, Layout.Dense, new Random(0));
        // The views are made once: making one allocates its lengths and strides.
        ReadOnlyTensorSpan<double> a = inputs[0].ReadOnly, b = inputs[1].ReadOnly, c = inputs[2].ReadOnly;
        TensorSpan<double> r = result.Writable;
        for (int call = 0; call < 3; call++)
        {
            DK.Chain(a, b, c, r);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int call = 0; call < 100; call++)
        {
            DK.Chain(a, b, c, r);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Null(RefArrayComparison.FirstDifference(expected, result.ToReference(), 1e-12));
    }

    private static (TestTensor<double>[] Inputs, RefArray Expected) Prepare(int[][] shapes, int seed)
    {
        var random = new Random(seed);
        TestTensor<double>[] inputs = shapes.Select(s => TestTensor<double>.Create(s, Layout.Dense, random)).ToArray();
        return (inputs, ReferenceEinsum.Evaluate("ab,bc,cd->ad", inputs.Select(t => t.ToReference()).ToArray()));
    }
}
