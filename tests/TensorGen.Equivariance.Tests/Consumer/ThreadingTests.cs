using System;
using System.Linq;
using TensorGen.Equivariance.Tests.Conformance;
using TensorGen.Runtime.Equivariance;
using Xunit;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>Large batches are shared out to worker threads; the rows come out as the reference computes them either way.</summary>
public sealed class ThreadingTests
{
    [Fact]
    public void A_batch_large_enough_for_several_workers_matches_the_reference()
    {
        DeclaredProduct p = RandomProducts.All.First(r => r.Description.SharedWeights && r.Description.WeightCount > 0);
        var d = p.Description;
        const int Batch = 3001;
        Assert.True(Parallelism.Workers((Batch + 7) / 8, d.ForwardFlops * 8) >= Math.Min(2, Parallelism.MaxThreads));

        var random = new Random(31);
        double[] x1 = ProductHarness.Random(random, Batch * d.Dim1), x2 = ProductHarness.Random(random, Batch * d.Dim2);
        double[] w = ProductHarness.Random(random, d.WeightCount), g = ProductHarness.Random(random, Batch * d.DimOut);
        var reference = ProductHarness.Reference(p);

        TensorProductConformanceTests.AssertClose(reference.Forward(x1, x2, w, Batch), ProductHarness.Forward(p, x1, x2, w, Batch), "output", 1e-10);
        var expected = reference.Backward(x1, x2, w, g, Batch);
        var actual = ProductHarness.Backward(p, x1, x2, w, g, Batch);
        TensorProductConformanceTests.AssertClose(expected.GradX1, actual.GradX1, "grad x1", 1e-10);
        TensorProductConformanceTests.AssertClose(expected.GradX2, actual.GradX2, "grad x2", 1e-10);

        // The shared weights' gradient sums 3001 rows; the order of the sum depends on the partition.
        TensorProductConformanceTests.AssertClose(expected.GradWeights, actual.GradWeights, "grad weights", 1e-9 * Batch);
    }

    [Fact]
    public void Workers_follow_the_work_and_the_cap()
    {
        Assert.Equal(1, Parallelism.Workers(tiles: 1, flopsPerTile: 1_000_000_000));
        Assert.Equal(1, Parallelism.Workers(tiles: 1000, flopsPerTile: 10));
        Assert.Equal(Math.Min(Parallelism.MaxThreads, 1000), Parallelism.Workers(tiles: 1000, flopsPerTile: 1_000_000));
        Assert.True(Parallelism.MaxThreads >= 1 && Parallelism.MaxThreads <= Environment.ProcessorCount);
    }
}
